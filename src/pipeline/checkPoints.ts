// The fresh points a check is made on: for a latent concept, points from its sampler and points
// spread beyond them; for a classifier, points moved onto each known rule's decision boundary.

import type { Expr } from '../core/expr/types.ts';
import type { Columns } from '../core/eval/dual.ts';
import { exactGradients } from '../core/eval/gradients.ts';
import { compileValue } from '../core/eval/compile.ts';
import { flatDirections } from '../core/eval/tangent.ts';
import { Rng } from '../core/rng.ts';
import type { Experiment } from '../experiments/types.ts';
import { SEED_STREAM } from './truthGradients.ts';

/** How far beyond the sampled range the exact tier looks: points spread this much about their centre (`spreadBeyond`). */
const BEYOND_SPREAD = 1.5;

/** Fresh points the check is made on. */
const CHECK_POINTS = 1000;

/** Classifiers' check points are the nearest to the boundary among this many times as many. */
const BOUNDARY_OVERSAMPLING = 20;

/** Newton steps that move a classifier's check point onto the boundary (they start close). */
const NEWTON_STEPS = 4;

/** Points stepped towards the boundary, as a multiple of those kept (some do not land). */
const NEWTON_CANDIDATES = 3;

/** A check point counts as on the boundary when |g - threshold| is below this, relative. */
const BOUNDARY_TOLERANCE = 1e-9;

/** Fresh points of a check, and the flat directions of the data they compare along. */
export interface CheckPoints {
  /** Within the sampled range (a classifier's: on its boundary). */
  readonly inRange: Columns;
  /** Beyond it (latent concepts): the sampler's points spread about their centre. */
  readonly beyond: Columns | null;
  /** Unit normals of a flat subspace the sampler's points lie on: gradients compare along it. */
  readonly normals: number[][];
  /** Where each of the experiment's other invariants is checked, in their order, if not here: a classifier's other rule on its own boundary. */
  readonly others?: readonly CheckPoints[];
}

/**
 * Fresh points for the check. A classifier's concept is its decision boundary, the one place its
 * network learns anything about, so its check points lie on the truth's boundary
 * g(x) = threshold: the sampler's points nearest to it (distance |g - threshold| / |grad g|),
 * moved onto it by Newton steps along the gradient. Any function with that level set passes
 * there. Latent experiments are checked on points from their sampler and, so that a look-alike
 * fitted to the box is told from the law, on points spread 1.5x about their centre (which keeps
 * a flat subspace the points lie on).
 */
export function checkPoints(experiment: Experiment, seed: number): CheckPoints {
  const rng = Rng.derived(seed, SEED_STREAM.check);
  const threshold = experiment.threshold;
  if (experiment.kind !== 'classifier' || threshold === undefined) {
    const inRange = experiment.sample(rng, CHECK_POINTS);
    const normals = flatDirections(inRange);
    const beyond = spreadBeyond(experiment.sample(rng, CHECK_POINTS), inRange, normals.length > 0);
    return { inRange, beyond, normals };
  }
  const pool = experiment.sample(rng, CHECK_POINTS * BOUNDARY_OVERSAMPLING);
  const normals = flatDirections(pool);
  const onBoundary = (truth: Expr, level: number): CheckPoints => ({
    inRange: boundaryPoints(pool, truth, level),
    beyond: null,
    normals,
  });
  const sought = onBoundary(experiment.truth, threshold);
  // Each other rule of a confusion case is checked on its own boundary.
  const others = (experiment.otherInvariants ?? []).map((other) =>
    other.threshold === undefined ? sought : onBoundary(other.truth, other.threshold),
  );
  return others.length > 0 ? { ...sought, others } : sought;
}

/** The points of `pool` nearest to the level set truth = level, moved onto it by Newton steps. */
function boundaryPoints(pool: Columns, truth: Expr, level: number): Columns {
  const first = newtonStep(truth, level, pool);
  // The distance is a linear estimate: step the nearest few thousand, keep those that land.
  const nearest = Array.from(first.distance.keys())
    .sort((i, j) => (first.distance[i] as number) - (first.distance[j] as number))
    .slice(0, CHECK_POINTS * NEWTON_CANDIDATES);
  let x: Columns = pool.map((column) => Float64Array.from(nearest, (i) => column[i] as number));
  for (let step = 0; step < NEWTON_STEPS; step++) x = newtonStep(truth, level, x).next;
  const landed = newtonStep(truth, level, x).excess;
  const keep = Array.from(landed.keys())
    .filter((i) => (landed[i] as number) <= BOUNDARY_TOLERANCE * (1 + Math.abs(level)))
    .slice(0, CHECK_POINTS);
  return x.map((column) => Float64Array.from(keep, (i) => column[i] as number));
}

/**
 * `x` spread BEYOND_SPREAD times about the centre of `inRange`. An input the sampler draws only
 * positive (a mass, a speed of light) is spread on a log scale, so it stays positive: beyond zero
 * lies another physics, where equal laws can differ (c / sqrt(c^2 - u^2) and 1 / sqrt(1 - u^2/c^2)
 * part at c < 0). On a flat subspace every input spreads linearly, which keeps the subspace.
 */
function spreadBeyond(x: Columns, inRange: Columns, flat: boolean): Float64Array[] {
  const mean = (column: Float64Array) => column.reduce((a, b) => a + b, 0) / column.length;
  return x.map((column, j) => {
    const sampled = inRange[j]!;
    if (!flat && sampled.every((v) => v > 0)) {
      const centre = mean(sampled.map(Math.log));
      return column.map((v) => Math.exp(centre + BEYOND_SPREAD * (Math.log(v) - centre)));
    }
    const centre = mean(sampled);
    return column.map((v) => centre + BEYOND_SPREAD * (v - centre));
  });
}

/**
 * One Newton step towards g = threshold for every point: the moved points, each point's
 * estimated distance to the boundary |g - threshold| / |grad g|, and |g - threshold|.
 */
function newtonStep(truth: Expr, threshold: number, x: Columns) {
  const n = x[0]?.length ?? 0;
  const values = new Float64Array(n);
  compileValue(truth)(x, values, n);
  const g = exactGradients(truth, x);
  const distance = new Float64Array(n);
  const excess = new Float64Array(n);
  const next = x.map((column) => Float64Array.from(column));
  for (let i = 0; i < n; i++) {
    const over = (values[i] as number) - threshold;
    const slope2 = g.reduce((sum, column) => sum + (column[i] as number) ** 2, 0);
    const d = Math.abs(over) / Math.sqrt(slope2);
    distance[i] = Number.isFinite(d) ? d : Infinity;
    excess[i] = Number.isFinite(over) ? Math.abs(over) : Infinity;
    for (let j = 0; j < next.length; j++)
      next[j]![i] = (x[j]![i] as number) - (over * (g[j]![i] as number)) / slope2;
  }
  return { next, distance, excess };
}
