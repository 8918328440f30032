// The fitness of a candidate: how well its normalised gradient matches the neuron's (the papers'
// loss), or plain value MSE for ordinary regression. Invalid candidates get an infinite loss.

import type { Expr } from '../expr/types.ts';
import { evaluateDual, type Columns, type Workspace } from './dual.ts';

/** Sample points and the unit-length gradient direction at each, column by column. */
export interface GradientTarget {
  readonly x: Columns;
  /** `t[j][i]`: component j of the unit target gradient at point i. */
  readonly t: Columns;
}

/** Sample points and the values to fit (ordinary regression). */
export interface ValueTarget {
  readonly x: Columns;
  readonly y: Float64Array;
}

/**
 * Mean squared error between the candidate's normalised gradient and the target, over points and
 * components: mean_i |g_i/|g_i| - t_i|^2 / d. A point where the candidate's gradient vanishes
 * matches nothing and costs the worst value, 4/d. With `signInvariant`, the candidate may point
 * the opposite way everywhere (a decreasing monotone map of the concept) at no cost.
 */
export function gradientLoss(
  expr: Expr,
  target: GradientTarget,
  ws: Workspace,
  signInvariant: boolean,
): number {
  ws.reset();
  const n = ws.n;
  const dims = target.t.length;
  const dual = evaluateDual(expr, target.x, ws);
  if (dual.scalar) return Number.isFinite(dual.c) ? 4 / dims : Infinity;
  const { vars, d, v: values } = dual;
  let cosSum = 0;
  let zeroPoints = 0;
  for (let i = 0; i < n; i++) {
    let dot = 0;
    let norm2 = 0;
    for (let k = 0; k < vars.length; k++) {
      const g = (d[k] as Float64Array)[i] as number;
      dot += g * ((target.t[vars[k] as number] as Float64Array)[i] as number);
      norm2 += g * g;
    }
    // A candidate undefined at a point (log of a negative, say) has no gradient there either.
    if (!Number.isFinite(norm2) || !Number.isFinite(dot) || !Number.isFinite(values[i] as number))
      return Infinity;
    if (norm2 === 0) zeroPoints++;
    else cosSum += dot / Math.sqrt(norm2);
  }
  return lossFromCosines(cosSum, zeroPoints, n, dims, signInvariant);
}

/**
 * The normalised-gradient MSE from the sum of cosines: |g/|g| - t|^2 = 2 - 2 cos at a point with a
 * gradient, and 4 (the worst) at a point without one.
 */
export function lossFromCosines(
  cosSum: number,
  zeroPoints: number,
  n: number,
  dims: number,
  signInvariant: boolean,
): number {
  const agreement = signInvariant ? Math.abs(cosSum) : cosSum;
  const total = 2 * (n - zeroPoints) - 2 * agreement + 4 * zeroPoints;
  return Math.max(0, total) / (n * dims);
}

/** Mean squared error of the candidate's values; non-finite values make the loss infinite. */
export function valueLoss(expr: Expr, target: ValueTarget, ws: Workspace): number {
  ws.reset();
  const n = ws.n;
  const dual = evaluateDual(expr, target.x, ws);
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const value = dual.scalar ? dual.c : (dual.v[i] as number);
    const r = value - (target.y[i] as number);
    sum += r * r;
  }
  return Number.isFinite(sum) ? sum / n : Infinity;
}
