// The fitness of a candidate: how well its normalised gradient matches the neuron's (the papers'
// loss), or plain value MSE for ordinary regression. Invalid candidates get an infinite loss.

import type { Expr } from '../expr/types.ts';
import { evaluateDual, type Columns, type Workspace } from './dual.ts';
import { columnsDotAt } from './tangent.ts';

/** Sample points and the unit-length gradient direction at each, column by column. */
export interface GradientTarget {
  readonly x: Columns;
  /** `t[j][i]`: component j of the unit target gradient at point i. */
  readonly t: Columns;
  /**
   * Unit normals of a flat subspace the points lie on (the target has no component along them).
   * Where given, a candidate's gradient is compared after its components along them are removed:
   * functions that agree on the subspace are then equal.
   */
  readonly normals?: Normals;
  /**
   * A latent space of several neurons: further unit directions per point (each one column per
   * input) that, with `t`, make an orthonormal basis of the span of the neurons' gradients. A
   * candidate is then compared with the span: its cosine is the length of its unit gradient's
   * projection onto it, whatever the orientation, so any mixing of the neurons scores alike.
   */
  readonly span?: readonly Columns[];
  /**
   * Orthonormal unit directions per point of the concepts already found in the span: a candidate
   * whose gradient lies mostly along them (mean sine of its angle to them below
   * `MIN_INDEPENDENCE`) encodes nothing new and is priced as invalid.
   */
  readonly found?: readonly Columns[];
}

/** A new concept's gradient must leave the found ones' span by at least this mean sine. */
export const MIN_INDEPENDENCE = 0.1;

/** Orthonormal directions, each with one component per input. */
export type Normals = readonly (readonly number[])[];

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
  const sums = cosineSums(expr, target, ws);
  if (sums === null) return Infinity;
  return lossFromCosines(sums.cosSum, sums.zeroPoints, ws.n, target.t.length, signInvariant);
}

/**
 * The terms `gradientLoss` averages, one per point (each already divided by d), or null for an
 * invalid candidate. The pick compares candidates point by point with them.
 */
export function gradientPointLosses(
  expr: Expr,
  target: GradientTarget,
  ws: Workspace,
  signInvariant: boolean,
): Float64Array | null {
  const cosines = new Float64Array(ws.n);
  const sums = cosineSums(expr, target, ws, cosines);
  if (sums === null) return null;
  const dims = target.t.length;
  const sign = signInvariant && sums.cosSum < 0 ? -1 : 1;
  return cosines.map((cos) => (Number.isNaN(cos) ? 4 : 2 - 2 * sign * cos) / dims);
}

/**
 * The sum of the cosines between the candidate's gradient and the target over the points with a
 * gradient, and the count of points without one; null where the candidate is undefined. With
 * `cosines`, each point's cosine is stored there too (NaN at a point without a gradient).
 */
function cosineSums(
  expr: Expr,
  target: GradientTarget,
  ws: Workspace,
  cosines?: Float64Array,
): { cosSum: number; zeroPoints: number } | null {
  ws.reset();
  const n = ws.n;
  const dual = evaluateDual(expr, target.x, ws);
  if (dual.scalar) {
    cosines?.fill(NaN);
    return Number.isFinite(dual.c) ? { cosSum: 0, zeroPoints: n } : null;
  }
  const { vars, d, v: values } = dual;
  let cosSum = 0;
  let zeroPoints = 0;
  let independence = 0;
  for (let i = 0; i < n; i++) {
    // A candidate undefined at a point (log of a negative, say) has no gradient there either.
    if (!Number.isFinite(values[i] as number)) return null;
    const cos = pointCosine(d, vars, i, target);
    if (cos === null) return null;
    if (cosines) cosines[i] = cos;
    if (Number.isNaN(cos)) zeroPoints++;
    else cosSum += cos;
    if (target.found) independence += sineToFound(d, vars, i, target.found, target.normals);
  }
  if (target.found && independence < MIN_INDEPENDENCE * n) return null;
  return { cosSum, zeroPoints };
}

/** Below this a gradient's largest component is zero or subnormal: it has no usable direction. */
const SMALLEST_USABLE = 2 ** -1022;

/**
 * The cosine between the candidate's gradient (sparse partials `d` over `vars`) and the target at
 * point `i`: NaN where the gradient has no usable direction (it vanishes or underflows), null where
 * it overflows or is undefined. The partials are scaled by the largest first, so that squares of
 * tiny or huge components cannot underflow or overflow into a cosine above 1 (a free match).
 */
function pointCosine(
  d: readonly Float64Array[],
  vars: readonly number[],
  i: number,
  target: GradientTarget,
): number | null {
  let scale = 0;
  for (let k = 0; k < vars.length; k++)
    scale = Math.max(scale, Math.abs((d[k] as Float64Array)[i] as number));
  if (!(scale < Infinity)) return null;
  if (scale < SMALLEST_USABLE) return NaN;
  let dot = 0;
  let norm2 = 0;
  for (let k = 0; k < vars.length; k++) {
    const g = ((d[k] as Float64Array)[i] as number) / scale;
    dot += g * ((target.t[vars[k] as number] as Float64Array)[i] as number);
    norm2 += g * g;
  }
  if (target.normals) norm2 = normAlongSubspace(norm2, d, vars, i, target.normals, scale);
  if (norm2 === 0) return NaN;
  if (!target.span && !target.found) return Math.max(-1, Math.min(1, dot / Math.sqrt(norm2)));
  return spanCosine(d, vars, i, target, scale, norm2);
}

/**
 * The cosine of `pointCosine` for a span (`target.span`): the length of the unit gradient's
 * projection onto it. With concepts found (`target.found`), of the gradient's part beyond them:
 * a new concept's gradient leaves the found ones' directions within the span, where a look-alike
 * of a found concept leaves them into whatever its error holds. NaN where nothing is left.
 */
function spanCosine(
  d: readonly Float64Array[],
  vars: readonly number[],
  i: number,
  target: GradientTarget,
  scale: number,
  norm2: number,
): number {
  const directions = [target.t, ...(target.span ?? [])];
  const along = directions.map((direction) => dotAt(d, vars, i, direction) / scale);
  let remaining = norm2;
  for (const found of target.found ?? []) {
    const onFound = dotAt(d, vars, i, found) / scale;
    remaining -= onFound * onFound;
    directions.forEach((direction, r) => (along[r]! -= onFound * columnsDotAt(direction, found, i)));
  }
  if (!(remaining > SUBSPACE_ROUND_OFF * norm2)) return NaN;
  const projection2 = along.reduce((sum, a) => sum + a * a, 0);
  return Math.min(1, Math.sqrt(projection2 / remaining));
}

/** The dot product at point `i` of the sparse partials `d` over `vars` with the columns `direction`. */
function dotAt(d: readonly Float64Array[], vars: readonly number[], i: number, direction: Columns): number {
  let dot = 0;
  for (let k = 0; k < vars.length; k++)
    dot +=
      ((d[k] as Float64Array)[i] as number) * ((direction[vars[k] as number] as Float64Array)[i] as number);
  return dot;
}

/**
 * The sine of the angle at point `i` between the gradient (along the points' flat subspace, where
 * they lie on one) and the span of the orthonormal `found` directions; 0 where it has no gradient.
 */
function sineToFound(
  d: readonly Float64Array[],
  vars: readonly number[],
  i: number,
  found: readonly Columns[],
  normals: Normals | undefined,
): number {
  let scale = 0;
  for (let k = 0; k < vars.length; k++)
    scale = Math.max(scale, Math.abs((d[k] as Float64Array)[i] as number));
  if (!(scale >= SMALLEST_USABLE && scale < Infinity)) return 0;
  let norm2 = 0;
  for (let k = 0; k < vars.length; k++) norm2 += (((d[k] as Float64Array)[i] as number) / scale) ** 2;
  if (normals) norm2 = normAlongSubspace(norm2, d, vars, i, normals, scale);
  if (norm2 === 0) return 0;
  let along2 = 0;
  for (const direction of found) along2 += (dotAt(d, vars, i, direction) / scale) ** 2;
  return Math.sqrt(Math.max(0, 1 - along2 / norm2));
}

/**
 * The squared norm of a gradient (`norm2`, sparse partials `d` over `vars` divided by `scale`, at
 * point `i`) once its components along the orthonormal `normals` are removed; 0 when nothing is
 * left but round-off.
 */
function normAlongSubspace(
  norm2: number,
  d: readonly Float64Array[],
  vars: readonly number[],
  i: number,
  normals: Normals,
  scale: number,
): number {
  let remaining = norm2;
  for (const normal of normals) {
    let along = 0;
    for (let k = 0; k < vars.length; k++)
      along += (((d[k] as Float64Array)[i] as number) / scale) * (normal[vars[k] as number] as number);
    remaining -= along * along;
  }
  return remaining > SUBSPACE_ROUND_OFF * norm2 ? remaining : 0;
}

/** A gradient whose part along the subspace is below this share of its square norm has none. */
const SUBSPACE_ROUND_OFF = 1e-12;

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

/** Squared error of the candidate's value at each point, or null where one is not finite. */
export function valuePointLosses(expr: Expr, target: ValueTarget, ws: Workspace): Float64Array | null {
  ws.reset();
  const dual = evaluateDual(expr, target.x, ws);
  const losses = target.y.map((y, i) => ((dual.scalar ? dual.c : (dual.v[i] as number)) - y) ** 2);
  return losses.every(Number.isFinite) ? losses : null;
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
