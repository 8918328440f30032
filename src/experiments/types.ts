// The shape every experiment of the catalogue shares: the variables the network sees, the hidden
// concept as a formula, and seeded generators of the data that teaches it. Plain functions over
// typed arrays, so the pipeline, the CLI and the workers use them alike.

import type { Rng } from '../core/rng.ts';
import type { Expr } from '../core/expr/types.ts';
import { parseExpression } from '../core/expr/parse.ts';

/** Column-major points: one column per input variable, each of length n. */
export type Columns = Float64Array[];

/** Anchors, positives (share the concept with their anchor) and negatives, row by row aligned. */
export interface Triplets {
  readonly anchor: Columns;
  readonly positive: Columns;
  readonly negative: Columns;
}

/**
 * Where a latent experiment's negatives come from: fresh draws from its sampler, as the papers
 * drew them (the default), or draws made to share the experiment's other invariant with their
 * anchor, so that only the sought one tells them apart (an option of the experiments that have
 * one; never a default, since it needs the answer).
 */
export const NEGATIVE_RULES = ['fresh', 'same-other-invariant'] as const;
export type NegativeRule = (typeof NEGATIVE_RULES)[number];

/**
 * A quantity the experiment's system keeps besides the one it seeks, or, for a classifier, another
 * rule that labels its data alike.
 */
export interface KnownInvariant {
  /** In words: `energy`, `E^2 - B^2`. */
  readonly name: string;
  readonly text: string;
  readonly truth: Expr;
  /** Its simplest known form, as `Experiment.simplestForm`. */
  readonly simplestForm: string;
  /** A classifier's other rule labels g > threshold (a confusion case: both rules fit the data). */
  readonly threshold?: number;
}

export interface Experiment {
  /** Stable id, used by links and result files (`matrix-2x2-trace`, …, `classifier-g`). */
  readonly id: string;
  readonly kind: 'latent' | 'classifier';
  /** Short human title. */
  readonly title: string;
  /** One paragraph for a lecture audience: what the network sees and what concept hides in it. */
  readonly teaching: string;
  /** Input names in the papers' order; valid identifiers for the expression parser. */
  readonly variables: readonly string[];
  /** Ground truth as infix text over `variables`. */
  readonly truthText: string;
  /** `truthText` parsed. */
  readonly truth: Expr;
  /** n points where the concept is probed (the anchors' distribution). */
  sample(rng: Rng, n: number): Columns;
  /**
   * Latent experiments only: n triplets for the Siamese network, their negatives drawn by `negatives`
   * ('fresh' when not given; 'same-other-invariant' only where `otherInvariants` names one).
   */
  triplets?(rng: Rng, n: number, negatives?: NegativeRule): Triplets;
  /** The concept sought, in words (`angular momentum`), where the system keeps others too. */
  readonly truthName?: string;
  /** The other quantities the system keeps: the check says which one an equation encodes. */
  readonly otherInvariants?: readonly KnownInvariant[];
  /** The rules its triplets can draw negatives by; absent: fresh draws alone. */
  readonly negativeRules?: readonly NegativeRule[];
  /** Classifier experiments only: y = [g(x) (1 + 0.01 N(0,1)) > threshold], one label per row. */
  labels?(rng: Rng, points: Columns): Uint8Array;
  /** Classifier experiments only: the label is 1 where the noisy truth exceeds this. */
  readonly threshold?: number;
  /**
   * The simplest form of the concept known to us, as infix text over `variables`: what a person
   * would write on a board, with constants folded into as few as the concept needs and, where the
   * points lie on a flat subspace, the simplest function that equals the concept there. The check
   * marks a pick as in its simplest form when it is no larger than this plus one constant. Never
   * given to the search.
   */
  readonly simplestForm: string;
}

/** Parses a catalogue formula; a failure is a programming error in the catalogue, so it throws. */
export function parseTruth(text: string, variables: readonly string[]): Expr {
  const result = parseExpression(text, variables);
  if (!result.ok) {
    throw new Error(
      `Catalogue formula '${text}' does not parse: ${result.error.message} at ${result.error.position}`,
    );
  }
  return result.expr;
}

/** `width` zero-filled columns of length n. */
export function emptyColumns(width: number, n: number): Columns {
  return Array.from({ length: width }, () => new Float64Array(n));
}

/** Row i of `columns` as a fresh array (for evaluating a formula at one point). */
export function rowOf(columns: Columns, i: number): Float64Array {
  const row = new Float64Array(columns.length);
  for (let j = 0; j < columns.length; j++) row[j] = columns[j]![i]!;
  return row;
}

/** Writes `row` into row i of `columns`. */
export function setRow(columns: Columns, i: number, row: ArrayLike<number>): void {
  for (let j = 0; j < columns.length; j++) columns[j]![i] = row[j]!;
}

/** Number of rows (0 for no columns). */
export function rowCount(columns: Columns): number {
  return columns[0]?.length ?? 0;
}
