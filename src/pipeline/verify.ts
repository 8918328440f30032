// Verification: does a recovered equation encode the same concept as the ground truth? Judged
// up to the equivalence class, by the mean |cos| of the angle between their gradients.

import type { Expr } from '../core/expr/types.ts';
import type { Columns } from '../core/eval/dual.ts';
import { exactGradients } from '../core/eval/gradients.ts';
import { compileCosine } from '../core/eval/compile.ts';

/** A pick counts as recovered when its gradients agree with the truth's at least this well. */
export const RECOVERY_COS = 0.999;

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
