// Verification: does a recovered equation encode the same concept as the ground truth? Judged
// up to the equivalence class, by the mean |cos| of the angle between their gradients.

import type { Expr } from '../core/expr/types.ts';
import type { Columns } from '../core/eval/dual.ts';
import { exactGradients } from '../core/eval/gradients.ts';

/** A pick counts as recovered when its gradients agree with the truth's at least this well. */
export const RECOVERY_COS = 0.999;

/**
 * Mean over the points of |cos| between the gradients of `candidate` and `truth`. A point where
 * either gradient is zero or not finite counts as 0 (no agreement).
 */
export function meanAbsCos(candidate: Expr, truth: Expr, x: Columns): number {
  const n = x[0]?.length ?? 0;
  if (n === 0) return 0;
  const g = exactGradients(candidate, x);
  const h = exactGradients(truth, x);
  let sum = 0;
  for (let i = 0; i < n; i++) {
    let dot = 0;
    let gg = 0;
    let hh = 0;
    for (let j = 0; j < x.length; j++) {
      const gj = (g[j] as Float64Array)[i] as number;
      const hj = (h[j] as Float64Array)[i] as number;
      dot += gj * hj;
      gg += gj * gj;
      hh += hj * hj;
    }
    const cos = Math.abs(dot) / Math.sqrt(gg * hh);
    if (Number.isFinite(cos)) sum += Math.min(cos, 1);
  }
  return sum / n;
}
