// Data that lies on a flat subspace (a trace pinned to 5, a skew-symmetric matrix) says nothing
// about how a function changes off that subspace: a network's gradient there has arbitrary
// components along the normals. These helpers find the normals from the points themselves (the
// directions in which the points do not vary at all) and remove them from gradients.

import { EigenvalueDecomposition, Matrix } from 'ml-matrix';
import type { Columns } from './dual.ts';

/** A direction counts as flat when its variance is below this share of the largest variance. */
const FLAT_VARIANCE = 1e-12;

/** Orthonormal directions (each of length d) in which the points do not vary. */
export function flatDirections(x: Columns): number[][] {
  const d = x.length;
  const n = x[0]?.length ?? 0;
  if (n < 2 || d < 2) return [];
  const means = x.map((column) => column.reduce((a, b) => a + b, 0) / n);
  const covariance = Matrix.zeros(d, d);
  for (let j = 0; j < d; j++) {
    for (let k = j; k < d; k++) {
      let sum = 0;
      for (let i = 0; i < n; i++) sum += (x[j]![i]! - means[j]!) * (x[k]![i]! - means[k]!);
      covariance.set(j, k, sum / n);
      covariance.set(k, j, sum / n);
    }
  }
  const eigen = new EigenvalueDecomposition(covariance, { assumeSymmetric: true });
  const values = eigen.realEigenvalues;
  const largest = Math.max(...values);
  if (!(largest > 0)) return [];
  const vectors = eigen.eigenvectorMatrix;
  return values.flatMap((v, k) => (v < FLAT_VARIANCE * largest ? [vectors.getColumn(k)] : []));
}

/** The dot product of two sets of columns (one per input) at point `i`. */
export function columnsDotAt(a: Columns, b: Columns, i: number): number {
  let dot = 0;
  for (let j = 0; j < a.length; j++) dot += (a[j] as Float64Array)[i]! * (b[j] as Float64Array)[i]!;
  return dot;
}

/**
 * A direction that keeps less than this share of its length once its parts along the earlier ones
 * are removed lies in their span: what is left is rounding error, not a direction of its own.
 */
const DEPENDENT_SHARE = 1e-6;

/**
 * `directions` (each a set of columns, one per input) made orthonormal point by point, in place,
 * each losing its parts along the earlier ones (Gram-Schmidt); one with nothing of its own left
 * at a point (it lies in the span of the earlier ones there) is zero there.
 */
export function orthonormaliseAtPoints(directions: readonly Float64Array[][]): void {
  const n = directions[0]?.[0]?.length ?? 0;
  for (let i = 0; i < n; i++) {
    for (const [r, direction] of directions.entries()) {
      const length = Math.sqrt(columnsDotAt(direction, direction, i));
      for (const earlier of directions.slice(0, r)) {
        const along = columnsDotAt(direction, earlier, i);
        direction.forEach((column, j) => (column[i] = column[i]! - along * earlier[j]![i]!));
      }
      const norm = Math.sqrt(columnsDotAt(direction, direction, i));
      const own = norm > DEPENDENT_SHARE * length && Number.isFinite(norm);
      direction.forEach((column) => (column[i] = own ? column[i]! / norm : 0));
    }
  }
}

/** `g` with its components along the orthonormal `normals` removed, point by point. */
export function projectOntoTangent(g: Columns, normals: readonly (readonly number[])[]): Float64Array[] {
  const out = g.map((column) => Float64Array.from(column));
  const n = g[0]?.length ?? 0;
  for (const normal of normals) {
    for (let i = 0; i < n; i++) {
      let along = 0;
      for (let j = 0; j < out.length; j++) along += out[j]![i]! * normal[j]!;
      for (let j = 0; j < out.length; j++) out[j]![i]! -= along * normal[j]!;
    }
  }
  return out;
}
