// The latent space as a whole. However a network mixes its concepts into its k neurons, at every
// point their gradients span the directions in which those concepts change. A candidate encodes
// one of them when its gradient lies in that span: the search is priced on the length of its unit
// gradient's projection onto the span, which no mixing of the neurons changes. The simplest such
// candidate is the first concept; the next search asks for one whose gradient leaves the span of
// those found, and so on, as many as the rank report counts.

import { Matrix, SingularValueDecomposition } from 'ml-matrix';
import type { Columns } from '../core/eval/dual.ts';
import { exactGradients } from '../core/eval/gradients.ts';
import { orthonormaliseAtPoints, projectOntoTangent } from '../core/eval/tangent.ts';
import type { Expr } from '../core/expr/types.ts';
import type { SearchData } from '../core/search/fitness.ts';

/**
 * At each point of the neurons' gradients `perUnit` (one set of columns per neuron), an
 * orthonormal basis of their `rank` strongest directions: one set of columns per direction.
 */
export function spanBasis(perUnit: readonly Columns[], rank: number): Columns[] {
  const d = perUnit[0]?.length ?? 0;
  const n = perUnit[0]?.[0]?.length ?? 0;
  const basis = Array.from({ length: rank }, () => Array.from({ length: d }, () => new Float64Array(n)));
  for (let i = 0; i < n; i++) {
    // Columns: the neurons' gradients at the point; its left singular vectors span them, strongest first.
    const gradients = new Matrix(d, perUnit.length);
    perUnit.forEach((g, unit) => g.forEach((column, j) => gradients.set(j, unit, column[i] as number)));
    const directions = new SingularValueDecomposition(gradients, {
      computeRightSingularVectors: false,
      autoTranspose: true,
    }).leftSingularVectors;
    for (let r = 0; r < rank; r++) for (let j = 0; j < d; j++) basis[r]![j]![i] = directions.get(j, r);
  }
  return basis;
}

/**
 * The search's data for the span of a latent space's neurons: at each point of `x`, the
 * `spanBasis` of the neurons' gradients `perUnit` (already along the points' flat subspace of
 * `normals`, where they lie on one).
 */
export function spanSearchData(
  variables: readonly string[],
  x: Columns,
  perUnit: readonly Columns[],
  rank: number,
  normals: readonly number[][],
): SearchData {
  const basis = spanBasis(perUnit, rank);
  return {
    variables,
    x,
    target: {
      kind: 'gradient',
      t: basis[0]!,
      ...(rank > 1 ? { span: basis.slice(1) } : {}),
      ...(normals.length > 0 ? { normals } : {}),
    },
  };
}

/**
 * `data` asking for a concept other than `found`: their gradients at the points, along the flat
 * subspace, made orthonormal point by point (a candidate along them is priced as invalid).
 */
export function beyondFound(data: SearchData, found: readonly Expr[]): SearchData {
  if (data.target.kind !== 'gradient' || found.length === 0) return data;
  const normals = data.target.normals ?? [];
  const directions = found.map((tree) => projectOntoTangent(exactGradients(tree, data.x), normals));
  orthonormaliseAtPoints(directions);
  return { ...data, target: { ...data.target, found: directions } };
}
