// Verification: does a recovered equation encode the same concept as the ground truth? Judged
// up to the equivalence class, by the mean |cos| of the angle between their gradients.

import type { Expr } from '../core/expr/types.ts';
import type { Columns } from '../core/eval/dual.ts';
import { exactGradients } from '../core/eval/gradients.ts';
import { compileCosine, compileValue } from '../core/eval/compile.ts';
import { toInfix } from '../core/expr/print.ts';
import { Rng } from '../core/rng.ts';
import type { SearchResult } from '../core/search/search.ts';
import type { Experiment } from '../experiments/types.ts';
import type { ResultCheck } from './report.ts';
import { SEED_STREAM } from './truthGradients.ts';

/** A pick counts as recovered when its gradients agree with the truth's at least this well. */
export const RECOVERY_COS = 0.999;

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

/**
 * Fresh points for the check. A classifier's concept is its decision boundary, the one place its
 * network learns anything about, so its check points lie on the truth's boundary
 * g(x) = threshold: the sampler's points nearest to it (distance |g - threshold| / |grad g|),
 * moved onto it by Newton steps along the gradient. Any function with that level set passes
 * there. Latent experiments are checked on points from their sampler.
 */
export function checkPoints(experiment: Experiment, seed: number): Columns {
  const rng = Rng.derived(seed, SEED_STREAM.check);
  const threshold = experiment.threshold;
  if (experiment.kind !== 'classifier' || threshold === undefined)
    return experiment.sample(rng, CHECK_POINTS);
  const pool = experiment.sample(rng, CHECK_POINTS * BOUNDARY_OVERSAMPLING);
  const first = newtonStep(experiment.truth, threshold, pool);
  // The distance is a linear estimate: step the nearest few thousand, keep those that land.
  const nearest = Array.from(first.distance.keys())
    .sort((i, j) => (first.distance[i] as number) - (first.distance[j] as number))
    .slice(0, CHECK_POINTS * NEWTON_CANDIDATES);
  let x: Columns = pool.map((column) => Float64Array.from(nearest, (i) => column[i] as number));
  for (let step = 0; step < NEWTON_STEPS; step++) x = newtonStep(experiment.truth, threshold, x).next;
  const landed = newtonStep(experiment.truth, threshold, x).excess;
  const keep = Array.from(landed.keys())
    .filter((i) => (landed[i] as number) <= BOUNDARY_TOLERANCE * (1 + Math.abs(threshold)))
    .slice(0, CHECK_POINTS);
  return x.map((column) => Float64Array.from(keep, (i) => column[i] as number));
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

/** Unit rows of `g`; a zero or non-finite row stays zero, so nothing can agree with it. */
function unitRows(g: Columns): Float64Array[] {
  const n = g[0]?.length ?? 0;
  const t = g.map(() => new Float64Array(n));
  for (let i = 0; i < n; i++) {
    const norm = Math.hypot(...g.map((column) => column[i] as number));
    if (!(norm > 0 && Number.isFinite(norm))) continue;
    g.forEach((column, j) => ((t[j] as Float64Array)[i] = (column[i] as number) / norm));
  }
  return t;
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
 * Mean over the points of |cos| between the gradients of `candidate` and `truth`. Points where
 * either gradient vanishes count as 0; a candidate undefined at some point scores 0 in all.
 * The candidate is compiled: verification prices whole fronts on many points.
 */
export function meanAbsCos(candidate: Expr, truth: Expr, x: Columns): number {
  const n = x[0]?.length ?? 0;
  if (n === 0) return 0;
  const sums = compileCosine(candidate)(x, unitRows(exactGradients(truth, x)), n);
  return sums.invalid ? 0 : Math.min(1, sums.absCosSum / n);
}

/** Stage 5, verify: the pick, and separately the best of the front, against the ground truth. */
export function verifyStage(
  result: SearchResult,
  experiment: Experiment,
  seed: number,
  x: Columns = checkPoints(experiment, seed),
): ResultCheck {
  const cos = result.best ? meanAbsCos(result.best.tree, experiment.truth, x) : 0;
  return {
    truth: toInfix(experiment.truth, experiment.variables),
    meanAbsCos: cos,
    recovered: cos >= RECOVERY_COS,
    frontRecovered: result.front.some((e) => meanAbsCos(e.tree, experiment.truth, x) >= RECOVERY_COS),
  };
}
