// Verification: does a recovered equation encode the same concept as the ground truth? Judged
// up to the equivalence class, by the mean |cos| of the angle between their gradients.

import type { Expr } from '../core/expr/types.ts';
import type { Columns } from '../core/eval/dual.ts';
import { exactGradients } from '../core/eval/gradients.ts';
import { compileCosine } from '../core/eval/compile.ts';
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
export function verifyStage(result: SearchResult, experiment: Experiment, seed: number): ResultCheck {
  const x = experiment.sample(Rng.derived(seed, SEED_STREAM.check), CHECK_POINTS);
  const cos = result.best ? meanAbsCos(result.best.tree, experiment.truth, x) : 0;
  return {
    truth: toInfix(experiment.truth, experiment.variables),
    meanAbsCos: cos,
    recovered: cos >= RECOVERY_COS,
    frontRecovered: result.front.some((e) => meanAbsCos(e.tree, experiment.truth, x) >= RECOVERY_COS),
  };
}
