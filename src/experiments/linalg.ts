// Dense linear algebra for the small square matrices of the catalogue (2x2 to 4x4): products,
// inverse, determinant, condition number and random orthogonal matrices. Written by hand rather
// than pulling in a library: a few dozen lines, exact control over the random draws, no dependency.
// A matrix is a Float64Array of n*n entries, row by row.

import type { Rng } from '../core/rng.ts';

/** The n x n matrix product a b. */
export function matMul(a: Float64Array, b: Float64Array, n: number): Float64Array {
  const c = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let k = 0; k < n; k++) {
      const aik = a[i * n + k]!;
      for (let j = 0; j < n; j++) c[i * n + j]! += aik * b[k * n + j]!;
    }
  }
  return c;
}

export function transpose(a: Float64Array, n: number): Float64Array {
  const t = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) t[j * n + i] = a[i * n + j]!;
  return t;
}

export function identity(n: number): Float64Array {
  const m = new Float64Array(n * n);
  for (let i = 0; i < n; i++) m[i * n + i] = 1;
  return m;
}

export function trace(a: Float64Array, n: number): number {
  let s = 0;
  for (let i = 0; i < n; i++) s += a[i * n + i]!;
  return s;
}

/**
 * Gauss-Jordan elimination with partial pivoting. Returns the inverse and the determinant, or
 * null when a pivot is exactly zero (a singular matrix).
 */
export function invert(a: Float64Array, n: number): { inverse: Float64Array; det: number } | null {
  const w = Float64Array.from(a);
  const inv = identity(n);
  let det = 1;
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++)
      if (Math.abs(w[r * n + col]!) > Math.abs(w[pivot * n + col]!)) pivot = r;
    const p = w[pivot * n + col]!;
    if (p === 0) return null;
    if (pivot !== col) {
      swapRows(w, n, pivot, col);
      swapRows(inv, n, pivot, col);
      det = -det;
    }
    det *= p;
    for (let j = 0; j < n; j++) {
      w[col * n + j]! /= p;
      inv[col * n + j]! /= p;
    }
    for (let r = 0; r < n; r++) {
      if (r === col) continue;
      const f = w[r * n + col]!;
      if (f === 0) continue;
      for (let j = 0; j < n; j++) {
        w[r * n + j]! -= f * w[col * n + j]!;
        inv[r * n + j]! -= f * inv[col * n + j]!;
      }
    }
  }
  return { inverse: inv, det };
}

function swapRows(m: Float64Array, n: number, r1: number, r2: number): void {
  for (let j = 0; j < n; j++) {
    const t = m[r1 * n + j]!;
    m[r1 * n + j] = m[r2 * n + j]!;
    m[r2 * n + j] = t;
  }
}

export function determinant(a: Float64Array, n: number): number {
  return invert(a, n)?.det ?? 0;
}

/** Largest absolute column sum. */
export function norm1(a: Float64Array, n: number): number {
  let best = 0;
  for (let j = 0; j < n; j++) {
    let s = 0;
    for (let i = 0; i < n; i++) s += Math.abs(a[i * n + j]!);
    best = Math.max(best, s);
  }
  return best;
}

/** Condition number in the 1-norm, ||a|| ||a^-1||; Infinity for a singular matrix. */
export function condition1(a: Float64Array, n: number): number {
  const inv = invert(a, n);
  return inv === null ? Infinity : norm1(a, n) * norm1(inv.inverse, n);
}

/**
 * Q of the QR decomposition of `a` (columns orthonormalised in order), by modified Gram-Schmidt
 * applied twice so that Q stays orthogonal to round-off. Gram-Schmidt makes R's diagonal the
 * positive column norms, which is the sign convention that makes Q of a Gaussian matrix Haar.
 */
export function orthonormalQ(a: Float64Array, n: number): Float64Array {
  const q = Float64Array.from(a);
  for (let j = 0; j < n; j++) {
    for (let pass = 0; pass < 2; pass++) {
      for (let k = 0; k < j; k++) {
        let dot = 0;
        for (let i = 0; i < n; i++) dot += q[i * n + k]! * q[i * n + j]!;
        for (let i = 0; i < n; i++) q[i * n + j]! -= dot * q[i * n + k]!;
      }
    }
    let norm = 0;
    for (let i = 0; i < n; i++) norm += q[i * n + j]! ** 2;
    norm = Math.sqrt(norm);
    for (let i = 0; i < n; i++) q[i * n + j]! /= norm;
  }
  return q;
}

/** A random orthogonal matrix, Haar distributed: Q of the QR of a standard Gaussian matrix. */
export function randomOrthogonal(rng: Rng, n: number): Float64Array {
  const g = new Float64Array(n * n);
  for (let i = 0; i < g.length; i++) g[i] = rng.normal();
  return orthonormalQ(g, n);
}

/** A random rotation (orthogonal, determinant +1), Haar distributed on SO(n). */
export function randomRotation(rng: Rng, n: number): Float64Array {
  const q = randomOrthogonal(rng, n);
  // Flipping one column maps the determinant -1 half of O(n) onto SO(n) and keeps the measure.
  if (determinant(q, n) < 0) for (let i = 0; i < n; i++) q[i * n] = -q[i * n]!;
  return q;
}
