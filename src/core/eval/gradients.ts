// Gradient sets: the exact gradient of a known expression at sample points, normalisation to unit
// length (dropping the points where that is impossible), and noise of a given relative size.

import type { Expr } from '../expr/types.ts';
import type { Rng } from '../rng.ts';
import { evaluateDual, Workspace, type Columns } from './dual.ts';

/** The gradient of `expr` at each point of `x`, one column per input (zeros where it does not depend). */
export function exactGradients(expr: Expr, x: Columns): Float64Array[] {
  const n = x[0]?.length ?? 0;
  const ws = new Workspace(n);
  const dual = evaluateDual(expr, x, ws);
  const g = x.map(() => new Float64Array(n));
  if (!dual.scalar) dual.vars.forEach((j, k) => (g[j] as Float64Array).set(dual.d[k] as Float64Array));
  return g;
}

export interface UnitGradients {
  /** Points kept, one column per input. */
  x: Float64Array[];
  /** Unit gradient directions at the kept points. */
  t: Float64Array[];
  /** Points dropped for a non-finite value or a zero gradient. */
  skipped: number;
}

/** Normalises each point's gradient to unit length; drops points with a non-finite or zero gradient. */
export function normalizeGradients(x: Columns, g: Columns): UnitGradients {
  const n = x[0]?.length ?? 0;
  const keep: number[] = [];
  const scales: number[] = [];
  const norms: number[] = [];
  for (let i = 0; i < n; i++) {
    let norm2 = 0;
    let finite = true;
    for (let j = 0; j < g.length; j++) {
      const gij = (g[j] as Float64Array)[i] as number;
      const xij = (x[j] as Float64Array)[i] as number;
      if (!Number.isFinite(gij) || !Number.isFinite(xij)) finite = false;
      norm2 += gij * gij;
    }
    if (!finite) continue;
    // Squares of tiny or huge components (1e-200, 1e200) underflow or overflow: rescale by the
    // largest component first, else a usable row is dropped or comes out not of unit length.
    let scale = 1;
    if (!(norm2 >= 1e-300 && norm2 < Infinity)) {
      scale = 0;
      for (const column of g) scale = Math.max(scale, Math.abs(column[i] as number));
      if (scale === 0) continue;
      norm2 = 0;
      for (const column of g) norm2 += ((column[i] as number) / scale) ** 2;
    }
    keep.push(i);
    scales.push(scale);
    norms.push(Math.sqrt(norm2));
  }
  return {
    x: x.map((column) => Float64Array.from(keep, (i) => column[i] as number)),
    t: g.map((column) =>
      Float64Array.from(keep, (i, k) => (column[i] as number) / (scales[k] as number) / (norms[k] as number)),
    ),
    skipped: n - keep.length,
  };
}

/**
 * Adds Gaussian noise of standard deviation `sigma` to each gradient component, before
 * normalisation: a stand-in for a network's imperfect gradients.
 */
export function addGradientNoise(g: Columns, sigma: number, rng: Rng): Float64Array[] {
  const n = g[0]?.length ?? 0;
  const noisy = g.map((column) => Float64Array.from(column));
  for (let i = 0; i < n; i++)
    for (const column of noisy) column[i] = (column[i] as number) + sigma * rng.normal();
  return noisy;
}
