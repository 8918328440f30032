// Verification: does a recovered equation encode the same concept as the ground truth? Judged
// up to the equivalence class, by how well their gradients agree at fresh points, in tiers:
// exact (the law), approximate (a fit that may be a look-alike), wrong; whether the pick is no
// larger than the concept's simplest known form plus one constant; and, for an approximate pick
// that small, whether refitting its constants to the truth makes it exact (the law with fitted
// constants) or no constants do (a look-alike).

import type { Expr } from '../core/expr/types.ts';
import { selectRows, type Columns } from '../core/eval/dual.ts';
import { exactGradients } from '../core/eval/gradients.ts';
import { compileValue } from '../core/eval/compile.ts';
import {
  columnsDotAt,
  flatDirections,
  orthonormaliseAtPoints,
  projectOntoTangent,
} from '../core/eval/tangent.ts';
import { Rng } from '../core/rng.ts';
import { optimizeConstants } from '../core/search/constants.ts';
import { latentSpace, type KnownInSpan } from './latentSpace.ts';
import { toInfix } from '../core/expr/print.ts';
import { nodeCount } from '../core/expr/types.ts';
import { parseTruth, type Experiment } from '../experiments/types.ts';
import type { EntryCheck, KnownFollowed, ResultCheck, Tier, Verdict } from './report.ts';
import { checkPoints, type CheckPoints } from './checkPoints.ts';

/**
 * Exact: the gradients agree at least this well with one orientation throughout, on points in and
 * beyond the sampled range. A 10 % wrong coefficient, a non-monotone function of the truth or a
 * polynomial look-alike fails this where it passes `APPROXIMATE_COS`.
 */
export const EXACT_COS = 0.99999;

/** Approximate: mean |cos| within the sampled range at least this (the papers' test). */
export const APPROXIMATE_COS = 0.999;

/** A pick is in its simplest form when no larger than the simplest known form plus one constant and its operator. */
const SIMPLEST_FORM_SLACK = 2;

/**
 * Points the refit of an approximate pick's constants is made on, a subsample of the check's (in
 * range and beyond alike): a law's constants fit exactly on any points, and the tier of the
 * refitted pick is then read on all of them. Few points keep it to tens of milliseconds.
 */
const REFIT_POINTS = 200;

/** BFGS iterations of that refit; it starts from the search's constants. */
const REFIT_ITERATIONS = 60;

/**
 * A refitted pick is the law when its gradients then agree this closely: a law's constants refit
 * to agreement within rounding (1 - 1e-12 and closer), while a look-alike's stop where its form
 * does. `1.667 cos x + 0.159 v^2 + x^2`, standing in for v^2/2 + x^2/2 + x^4/4, refits to
 * 1 - 1.5e-6: past `EXACT_COS`, which judges a pick as the search left it, yet not the law.
 */
const REFIT_EXACT_COS = 1 - 1e-9;

/**
 * A truth whose gradient is this far from 1 in size (1e-100 or below, 1e100 or above) is near
 * the end of what a double holds: the same law written another way (n/exp(u) for n exp(-u))
 * overflows there, so such points judge the arithmetic, not the law.
 */
const DEGENERATE_SCALE = 1e100;

/** The truth's side of `pointCosines` at `x`, worked out once for any number of candidates. */
interface TruthAt {
  x: Columns;
  normals: readonly number[][];
  /** Its unit gradients along the subspace of `normals`. */
  unit: Float64Array[];
  /** 1 where it has no usable gradient: it says nothing there, or is numerically degenerate. */
  silent: Uint8Array;
}

function truthAt(truth: Expr, x: Columns, normals: readonly number[][]): TruthAt {
  const n = x[0]?.length ?? 0;
  const gradients = exactGradients(truth, x);
  const unit = unitRows(projectOntoTangent(gradients, normals));
  const values = new Float64Array(n);
  compileValue(truth)(x, values, n);
  const silent = Uint8Array.from({ length: n }, (_, i) => {
    let norm = 0;
    let scale = 0;
    for (let j = 0; j < unit.length; j++) {
      norm += unit[j]![i]! ** 2;
      scale = Math.max(scale, Math.abs(gradients[j]![i]!));
    }
    const degenerate = scale <= 1 / DEGENERATE_SCALE || scale >= DEGENERATE_SCALE;
    return norm === 0 || degenerate || !Number.isFinite(values[i]!) ? 1 : 0;
  });
  return { x, normals, unit, silent };
}

/**
 * Cosine between the gradients of `candidate` and the truth at each point, along the subspace of
 * its normals: NaN where the truth is silent, 0 where the candidate has no gradient (undefined,
 * overflowing or vanishing).
 */
function pointCosines(candidate: Expr, truth: TruthAt): Float64Array {
  const { x, normals, unit, silent } = truth;
  const n = x[0]?.length ?? 0;
  const own = unitRows(projectOntoTangent(exactGradients(candidate, x), normals));
  const values = new Float64Array(n);
  compileValue(candidate)(x, values, n);
  return Float64Array.from({ length: n }, (_, i) => {
    if (silent[i]) return NaN;
    let dot = 0;
    for (let j = 0; j < own.length; j++) dot += own[j]![i]! * unit[j]![i]!;
    return Number.isFinite(values[i]!) ? dot : 0;
  });
}

/** Unit rows of `g`; a zero or non-finite row stays zero, so nothing can agree with it. */
function unitRows(g: Columns): Float64Array[] {
  const n = g[0]?.length ?? 0;
  const t = g.map(() => new Float64Array(n));
  for (let i = 0; i < n; i++) {
    const scale = Math.max(...g.map((column) => Math.abs(column[i] as number)));
    if (!(scale > 0 && scale < Infinity)) continue;
    const norm = Math.hypot(...g.map((column) => (column[i] as number) / scale));
    g.forEach((column, j) => ((t[j] as Float64Array)[i] = (column[i] as number) / scale / norm));
  }
  return t;
}

/** Mean of the defined entries (NaN marks a point the truth says nothing at); 0 for none. */
function meanDefined(values: Float64Array, map: (v: number) => number): number {
  let sum = 0;
  let count = 0;
  for (const v of values) {
    if (Number.isNaN(v)) continue;
    sum += map(v);
    count++;
  }
  return count === 0 ? 0 : sum / count;
}

/**
 * Mean over the points of |cos| between given gradients `g` (a network's) and the truth's: how
 * well the network learned the concept, and so the best any search on `g` can reach.
 */
export function gradientQuality(g: Columns, truth: Expr, x: Columns): number {
  const n = x[0]?.length ?? 0;
  if (n === 0) return 0;
  const [a, b] = [unitRows(g), unitRows(exactGradients(truth, x))];
  let sum = 0;
  for (let i = 0; i < n; i++) {
    let dot = 0;
    for (let j = 0; j < a.length; j++) dot += (a[j]![i] as number) * (b[j]![i] as number);
    sum += Math.abs(dot);
  }
  return sum / n;
}

/**
 * Mean over the points of |cos| between the gradients of `candidate` and `truth` (along the
 * subspace of `normals`, if given). Points where the truth has no gradient are left out; points
 * where the candidate has none count 0.
 */
export function meanAbsCos(
  candidate: Expr,
  truth: Expr,
  x: Columns,
  normals: readonly number[][] = [],
): number {
  return Math.min(1, meanDefined(pointCosines(candidate, truthAt(truth, x, normals)), Math.abs));
}

/** How well a candidate's gradients agree with the truth's at the check points. */
export interface Agreement {
  /** Mean |cos| within the sampled range. */
  meanAbsCos: number;
  /** |mean cos| over the points in and beyond the range: agreement with one orientation throughout. */
  orientedCos: number;
}

/** How well candidates agree with `truth` at `points`, the truth's side worked out once. */
function agreementWith(truth: Expr, points: CheckPoints): (candidate: Expr) => Agreement {
  const inRange = truthAt(truth, points.inRange, points.normals);
  const beyond = points.beyond && truthAt(truth, points.beyond, points.normals);
  return (candidate) => {
    const near = pointCosines(candidate, inRange);
    const far = beyond ? pointCosines(candidate, beyond) : new Float64Array();
    const all = new Float64Array([...near, ...far]);
    return {
      meanAbsCos: Math.min(1, meanDefined(near, Math.abs)),
      orientedCos: Math.min(1, Math.abs(meanDefined(all, (v) => v))),
    };
  };
}

export function tierOf(a: Agreement): Tier {
  if (a.orientedCos >= EXACT_COS) return 'exact';
  return a.meanAbsCos >= APPROXIMATE_COS ? 'approximate' : 'wrong';
}

/**
 * What a person reads: the law (exact, or approximate in its simplest form with constants that,
 * refitted to the truth, make it exact: the law with fitted constants), a look-alike, or wrong.
 */
export function verdictOf(tier: Tier, simplestForm: boolean, refitsExact: boolean): Verdict {
  if (tier === 'exact' || (tier === 'approximate' && simplestForm && refitsExact)) return 'recovers';
  return tier === 'approximate' ? 'look-alike' : 'wrong';
}

/** Every `step`-th row of `x`, for about `count` rows. */
function thinned(x: Columns, count: number): Float64Array[] {
  const n = x[0]?.length ?? 0;
  const step = Math.max(1, Math.floor(n / count));
  return selectRows(
    x,
    Array.from({ length: Math.ceil(n / step) }, (_, k) => k * step),
  );
}

/**
 * The oriented agreement of `tree` with `truth` once its constants are refitted to the truth's
 * gradients (on a subsample of the check points, read back on all): the best any law of its form
 * reaches. `x^2 + 1.02 v^2` refits to the law `x^2 + v^2`; `x0^2 - 4.25 cos x1`, which fits the
 * boundary of `x0^2 + 2 x1^2` as closely, refits to no law at all.
 */
function refittedOrientedCos(
  tree: Expr,
  truth: Expr,
  points: CheckPoints,
  agree: (candidate: Expr) => Agreement,
  start: Agreement,
): number {
  const onFew = agreementWith(truth, {
    inRange: thinned(points.inRange, REFIT_POINTS / 2),
    beyond: points.beyond && thinned(points.beyond, REFIT_POINTS / 2),
    normals: points.normals,
  });
  const misfit = (t: Expr) => 1 - onFew(t).orientedCos;
  const refitted = optimizeConstants(tree, misfit(tree), misfit, REFIT_ITERATIONS).tree;
  return Math.max(start.orientedCos, agree(refitted).orientedCos);
}

/** The tiered check of one equation against one truth and its simplest known form. */
function checkAgainst(
  tree: Expr,
  truth: Expr,
  simplestForm: string,
  experiment: Experiment,
  points: CheckPoints,
) {
  const agree = agreementWith(truth, points);
  const a = agree(tree);
  const tier = tierOf(a);
  const simplest = nodeCount(parseTruth(simplestForm, experiment.variables));
  const inSimplestForm = nodeCount(tree) <= simplest + SIMPLEST_FORM_SLACK;
  const refitCos =
    tier === 'approximate' && inSimplestForm ? refittedOrientedCos(tree, truth, points, agree, a) : undefined;
  const verdict = verdictOf(tier, inSimplestForm, refitCos !== undefined && refitCos >= REFIT_EXACT_COS);
  return {
    ...a,
    tier,
    simplestForm: inSimplestForm,
    ...(refitCos === undefined ? {} : { refitCos }),
    verdict,
  };
}

/**
 * Mean over the points of the length of each unit row of `g` projected onto the span of the
 * `known` concepts' gradients (all along the points' flat subspace): 1 where `g` changes only as
 * some function of them together does. Points where they have no gradient are left out; a zero
 * row of `g` counts 0.
 */
function spanShare(g: Columns, known: readonly Expr[], x: Columns, normals: readonly number[][]): number {
  const basis = known.map((truth) => projectOntoTangent(exactGradients(truth, x), normals));
  orthonormaliseAtPoints(basis);
  return meanProjectionLength(unitRows(projectOntoTangent(g, normals)), basis);
}

/**
 * Mean over the points of the length of the unit gradients `unit`'s projection onto the
 * orthonormal directions `basis` (points where the basis is empty are left out): 1 where every
 * gradient lies in their span, 0 where every one is orthogonal to it.
 */
function meanProjectionLength(unit: Columns, basis: readonly Columns[]): number {
  const n = unit[0]?.length ?? 0;
  const lengths = Float64Array.from({ length: n }, (_, i) => {
    const along = basis.map((direction) => columnsDotAt(unit, direction, i));
    const spanned = basis.some((direction) => columnsDotAt(direction, direction, i) > 0);
    return spanned ? Math.hypot(...along) : NaN;
  });
  return Math.min(
    1,
    meanDefined(lengths, (v) => v),
  );
}

/**
 * How much of each known concept of the experiment a latent space's neurons hold: the mean length
 * of the concept's unit gradient (along the flat subspace of `normals`) projected onto `basis`,
 * the orthonormal directions the neurons' gradients span at each point of `x`. A concept the
 * network holds exactly scores 1; one held only in part can lose, on the span, to a look-alike
 * that follows the network's errors more closely.
 */
export function knownInSpan(
  basis: readonly Columns[],
  x: Columns,
  experiment: Experiment,
  normals: readonly number[][],
): KnownInSpan[] {
  return knownConcepts(experiment).map(({ name, truth }) => ({
    name,
    share: meanProjectionLength(unitRows(projectOntoTangent(exactGradients(truth, x), normals)), basis),
  }));
}

/** `spanShare` of a candidate's gradients at the in-range check points. */
function spanAgreement(candidate: Expr, known: readonly Expr[], points: CheckPoints): number {
  const x = points.inRange;
  return spanShare(exactGradients(candidate, x), known, x, points.normals);
}

/** The experiment's known concepts: the one sought, then any others its data hold. */
function knownConcepts(experiment: Experiment): { name: string; truth: Expr; simplestForm: string }[] {
  return [
    {
      name: experiment.truthName ?? 'the truth',
      truth: experiment.truth,
      simplestForm: experiment.simplestForm,
    },
    ...(experiment.otherInvariants ?? []),
  ];
}

/** Points the independence of the known concepts is read at. */
const INDEPENDENCE_POINTS = 200;

/**
 * How many of the experiment's known concepts are independent: the rank of their unit gradients
 * (`latentSpace`'s rank report, over fresh points from the experiment's sampler). The central
 * potential's four (energy, angular momentum, the Runge-Lenz vector's two components) hold
 * three: the vector's length follows from the other two.
 */
export function independentKnownConcepts(experiment: Experiment): number {
  const x = experiment.sample(new Rng(1), INDEPENDENCE_POINTS);
  const normals = flatDirections(x);
  return latentSpace(
    knownConcepts(experiment).map(({ truth }) =>
      unitRows(projectOntoTangent(exactGradients(truth, x), normals)),
    ),
  ).rank;
}

/**
 * What a network's gradients `g` at `x` follow, where the experiment knows several concepts: the
 * gradient quality against each, and their share in the span of all of them (a neuron that holds
 * a function of them together, of none alone, has a low quality against each but a share near 1).
 * Undefined for an experiment with one known concept, whose quality alone says it.
 */
export function gradientsFollow(
  g: Columns,
  x: Columns,
  experiment: Experiment,
  normals: readonly number[][],
): KnownFollowed | undefined {
  if ((experiment.otherInvariants ?? []).length === 0) return undefined;
  const known = knownConcepts(experiment);
  return {
    concepts: known.map(({ name, truth }) => ({ name, quality: gradientQuality(g, truth, x) })),
    span: spanShare(
      g,
      known.map(({ truth }) => truth),
      x,
      normals,
    ),
  };
}

/**
 * The tiered check of one equation against the experiment's truth and simplest known form; where
 * it does not recover the truth but recovers another quantity the system keeps, the check against
 * that one, naming it. Where no known concept alone agrees with it even approximately but all of
 * them together do, it is marked a mixture of them.
 */
export function checkEquation(tree: Expr, experiment: Experiment, points: CheckPoints): EntryCheck {
  const sought = checkAgainst(tree, experiment.truth, experiment.simplestForm, experiment, points);
  if (sought.verdict === 'recovers') return sought;
  const others = experiment.otherInvariants ?? [];
  if (others.length === 0) return sought;
  const checks = others.map((other, k) =>
    checkAgainst(tree, other.truth, other.simplestForm, experiment, points.others?.[k] ?? points),
  );
  const recovered = checks.findIndex((check) => check.verdict === 'recovers');
  if (recovered >= 0) return { ...checks[recovered]!, invariant: others[recovered]!.name };
  if ([sought, ...checks].some((check) => check.tier !== 'wrong')) return sought;
  const span = spanAgreement(
    tree,
    knownConcepts(experiment).map(({ truth }) => truth),
    points,
  );
  return span >= APPROXIMATE_COS ? { ...sought, mixture: span } : sought;
}

/** The tiered check of one equation against each known concept of the experiment, the one sought first. */
export function checkAgainstEach(
  tree: Expr,
  experiment: Experiment,
  points: CheckPoints,
): { name: string; tier: Tier; verdict: Verdict; meanAbsCos: number }[] {
  return knownConcepts(experiment).map((concept, k) => {
    const at = k === 0 ? points : (points.others?.[k - 1] ?? points);
    const { tier, verdict, meanAbsCos } = checkAgainst(
      tree,
      concept.truth,
      concept.simplestForm,
      experiment,
      at,
    );
    return { name: concept.name, tier, verdict, meanAbsCos };
  });
}

/** What the experiment's other known concepts are to the one sought, in words. */
export function otherConceptsAre(experiment: Experiment): string {
  return experiment.kind === 'classifier'
    ? 'another rule that labels the data alike'
    : 'another quantity the system keeps';
}

/** What stage 5 checks: the front and the pick. */
interface Checked {
  readonly front: readonly { tree: Expr; complexity: number }[];
  readonly best: { tree: Expr } | undefined;
}

/** Stage 5, verify: the pick, and each member of the front, against the ground truth. */
export function verifyStage(
  result: Checked,
  experiment: Experiment,
  seed: number,
  points: CheckPoints = checkPoints(experiment, seed),
): ResultCheck {
  const front = result.front.map((e) => ({
    complexity: e.complexity,
    ...checkEquation(e.tree, experiment, points),
  }));
  return checkReport(result, experiment, points, front);
}

function checkReport(
  result: Checked,
  experiment: Experiment,
  points: CheckPoints,
  front: (EntryCheck & { complexity: number })[],
): ResultCheck {
  const pick = result.best
    ? checkEquation(result.best.tree, experiment, points)
    : {
        meanAbsCos: 0,
        orientedCos: 0,
        tier: 'wrong' as const,
        simplestForm: false,
        verdict: 'wrong' as const,
      };
  const others = experiment.otherInvariants ?? [];
  const found = (name: string | undefined) =>
    front.some((e) => e.verdict === 'recovers' && e.invariant === name);
  return {
    truth: toInfix(experiment.truth, experiment.variables),
    simplest: experiment.simplestForm,
    ...pick,
    recovered: pick.verdict === 'recovers',
    frontRecovered: front.some((e) => e.verdict === 'recovers'),
    front,
    ...(others.length > 0
      ? {
          invariants: [
            {
              name: experiment.truthName ?? 'the truth',
              truth: toInfix(experiment.truth, experiment.variables),
              found: found(undefined),
            },
            ...others.map((o) => ({
              name: o.name,
              truth: toInfix(o.truth, experiment.variables),
              found: found(o.name),
            })),
          ],
        }
      : {}),
  };
}
