// The result JSON (schema 2), the one record of a run from the page or the command line: what a
// run did, every setting that shaped it, the Pareto front in three notations, the pick and, where
// the truth is known, the check.

import { toInfix, toLatex, toSympy } from '../core/expr/print.ts';
import { tidySigns } from '../core/expr/signs.ts';
import type { FrontEntry } from '../core/search/hallOfFame.ts';
import type { SearchOptions } from '../core/search/options.ts';
import type { SearchResult } from '../core/search/search.ts';
import type { NetworkOptions, TrainOptions } from '../model/options.ts';
import type { RunSettings } from './runSettings.ts';
import type { KnownInSpan, LatentSpace } from './latentSpace.ts';

/**
 * The schema a result is written with. 2: `settings` is the run's settings as a link holds them,
 * the same from the page and the command line, with what they resolved to under `resolved`
 * (schema 1 wrote each source's own shape).
 */
export const RESULT_SCHEMA = 2;

/**
 * A result's settings: the run's settings as the settings table names them (a command writes
 * those it takes: `search` the seed, the points and the search's), and what they resolved to.
 */
export type ResultSettings = Partial<RunSettings> & {
  resolved: {
    /** The search's options: the general configuration, the pick rule, the run's overrides. */
    search: SearchOptions;
    /** A trained network's architecture and training: the preset's, with the run's overrides. */
    network?: NetworkOptions;
    train?: TrainOptions;
    /** What the pick was made on. */
    pickMadeOn: 'second network' | 'boundary points' | 'held-out points' | 'fitted points';
    /** Worker threads of the command line's search. */
    workers?: number;
  };
};

export interface ResultEntry {
  complexity: number;
  loss: number;
  score: number;
  /** Loss on the gradients the pick was made on: held-out points, or a second set. */
  validationLoss?: number;
  expr: string;
  latex: string;
  sympy: string;
}

/** How close a candidate's gradients are to the truth's: the law, a fit, or not the concept. */
export type Tier = 'exact' | 'approximate' | 'wrong';
/** What a person reads: only the law, or the law with fitted constants in its simplest form, recovers. */
export type Verdict = 'recovers' | 'look-alike' | 'wrong';

/** The check of one equation (`verify.ts` defines the tiers). */
export interface EntryCheck {
  /** Mean |cos| between its gradients and the truth's within the sampled range. */
  meanAbsCos: number;
  /** |mean cos| in and beyond the range: agreement with one orientation throughout. */
  orientedCos: number;
  tier: Tier;
  /** No larger than the concept's simplest known form plus one constant. */
  simplestForm: boolean;
  /**
   * Where the equation is approximate and in its simplest form: `orientedCos` once its constants
   * are refitted to the truth's gradients. It recovers (the law with fitted constants) only if
   * this reaches the exact tier; otherwise no constants make its form the law: a look-alike.
   */
  refitCos?: number;
  verdict: Verdict;
  /**
   * Where the equation does not recover the concept sought but another quantity the system keeps
   * (`energy`), that one's name; the tier, mark and verdict are then against it.
   */
  invariant?: string;
  /**
   * Where the data hold several known concepts and no one of them alone agrees with the equation
   * even approximately, but its gradients lie in the span of theirs (mean length of its unit
   * gradient's projection onto that span, at least 0.999): a function of them together, a mixture.
   */
  mixture?: number;
}

export interface ResultCheck extends EntryCheck {
  truth: string;
  /** The concept's simplest known form, the measure of `simplestForm`. */
  simplest: string;
  /** The verdict is "recovers" (kept for readers of the first results). */
  recovered: boolean;
  /** Whether some member of the front, not necessarily the pick, recovers. */
  frontRecovered: boolean;
  /** Each member of the front, by complexity. */
  front: (EntryCheck & { complexity: number })[];
  /** Where the system keeps several known quantities: each (the one sought first), and whether the front recovers it. */
  invariants?: { name: string; truth: string; found: boolean }[];
}

/** What `run` and `train` add: how the network trained and what its gradients are worth. */
export interface TrainingFigures {
  backend: string;
  epochs: number;
  bestEpoch: number;
  stopReason: string;
  trainLoss: number;
  validationLoss: number;
  examplesPerSecond: number;
  /** Correlation of the neuron with the ground truth on held-out points, where one is known. */
  pearson?: number;
  spearman?: number;
}

/** What a network's gradients follow, among an experiment's several known concepts (`gradientsFollow`). */
export interface KnownFollowed {
  /** Each known concept, the one sought first, with the mean |cos| between its gradients and the network's. */
  concepts: { name: string; quality: number }[];
  /** Mean length of the network's unit gradient projected onto the span of all their gradients. */
  span: number;
}

/** `KnownFollowed` in words: the quality against each known concept, then in the span of all. */
export function followedText(known: KnownFollowed, digits: number): string {
  const each = known.concepts.map((c) => `${c.name} ${c.quality.toFixed(digits)}`).join(', ');
  return `${each}; in the span of all ${known.concepts.length}: ${known.span.toFixed(digits)}`;
}

/** `LatentSpace.known` in words: how much of each known concept the neurons' span holds. */
export function knownInSpanText(known: readonly KnownInSpan[], digits: number): string {
  return known.map((k) => `${k.name} ${k.share.toFixed(digits)}`).join(', ');
}

export interface GradientFigures {
  points: number;
  outsideBand: number;
  zeroGradient: number;
  /** Directions in which the points do not vary, removed from the network's gradients. */
  flatDirections: number;
  /** Mean |cos| between the network's gradients and the truth's: the best a search can reach. */
  quality?: number;
  /** Where the experiment knows several concepts: how closely the gradients follow each, and all of them together. */
  known?: KnownFollowed;
  /** A classifier's points nearest its boundary, where the pick was made. */
  boundaryPoints?: number;
  /** A latent space of several neurons: its size, its gradients' relative singular values and the concepts it holds (`pipeline/latentSpace.ts`). */
  latent?: LatentSpace;
}

export interface ResultJson {
  /** `RESULT_SCHEMA` when written; a result read back may be of schema 1. */
  schema: 1 | 2;
  variables: string[];
  input: Record<string, string | number>;
  seed: number;
  /** `ResultSettings` as written now; schema 1 wrote each source's own shape. */
  settings: Record<string, unknown>;
  timings: Record<string, number>;
  search: {
    evaluations: number;
    evaluationsPerSecond: number;
    skippedRows: number;
    rounds: number;
    stopReason: SearchResult['stopReason'];
    /** The rounds after which the pick's form changed; absent in files written before it was kept. */
    pickChanges?: number[];
  };
  pareto: ResultEntry[];
  best: ResultEntry | null;
  training?: TrainingFigures;
  gradients?: GradientFigures;
  secondNetwork?: SecondNetworkFigures;
  check?: ResultCheck;
  /** A latent space of several neurons: an equation for each concept its span holds, each with its check where the truth is known. */
  concepts?: LatentConceptEntry[];
}

/**
 * One concept a latent space holds, found by the search on its span (`pipeline/latentConcepts.ts`):
 * its check (against the concept sought or, failing that, the known one it recovers) and its
 * check against each known concept of the system, where the truth is known.
 */
export type LatentConceptEntry = ResultEntry & {
  check?: EntryCheck;
  against?: { name: string; tier: Tier; verdict: Verdict; meanAbsCos: number }[];
};

/** The network trained from another seed whose gradients the pick is checked on. */
export interface SecondNetworkFigures {
  seed: number;
  training: TrainingFigures;
  gradients: GradientFigures;
}

/**
 * What a result's pick was made on, by either schema (schema 1 from the command line wrote it as
 * `settings.crossCheck`); undefined where the result does not say.
 */
export function pickMadeOnOf(result: ResultJson): string | undefined {
  const { resolved, crossCheck } = result.settings as {
    resolved?: { pickMadeOn?: unknown };
    crossCheck?: unknown;
  };
  const named = result.schema === 1 ? crossCheck : resolved?.pickMadeOn;
  return typeof named === 'string' ? named : undefined;
}

/** A front entry in the three notations, its signs tidied (`a - -2 * b` written `a + 2 * b`). */
export function describeEntry(entry: FrontEntry, variables: readonly string[]): ResultEntry {
  const shown = tidySigns(entry.tree);
  return {
    complexity: entry.complexity,
    loss: entry.loss,
    score: entry.score,
    ...(entry.validationLoss !== undefined ? { validationLoss: entry.validationLoss } : {}),
    expr: toInfix(shown, variables),
    latex: toLatex(shown, variables),
    sympy: toSympy(shown, variables),
  };
}

export interface ReportInput {
  variables: string[];
  input: ResultJson['input'];
  seed: number;
  settings: ResultSettings;
  timings: Record<string, number>;
  skippedRows: number;
  result: SearchResult;
  training?: TrainingFigures;
  gradients?: GradientFigures;
  secondNetwork?: SecondNetworkFigures;
  check?: ResultCheck;
  concepts?: LatentConceptEntry[];
}

export function buildResultJson(r: ReportInput): ResultJson {
  const { result } = r;
  const pareto = result.front.map((e) => describeEntry(e, r.variables));
  const json: ResultJson = {
    schema: RESULT_SCHEMA,
    variables: r.variables,
    input: r.input,
    seed: r.seed,
    settings: r.settings,
    timings: r.timings,
    search: {
      evaluations: result.evaluations,
      evaluationsPerSecond:
        result.elapsedSeconds > 0 ? Math.round(result.evaluations / result.elapsedSeconds) : 0,
      skippedRows: r.skippedRows,
      rounds: result.round,
      stopReason: result.stopReason,
      pickChanges: result.pickChanges,
    },
    pareto,
    best: result.best ? describeEntry(result.best, r.variables) : null,
  };
  if (r.training) json.training = r.training;
  if (r.gradients) json.gradients = r.gradients;
  if (r.secondNetwork) json.secondNetwork = r.secondNetwork;
  if (r.check) json.check = r.check;
  if (r.concepts) json.concepts = r.concepts;
  return json;
}
