// fast-check generators and comparison helpers for expression trees, shared by the tests of this
// folder and of the search. Test support only: nothing in the product imports it.

import fc from 'fast-check';
import { BINARY_OPS, UNARY_OPS, binary, constant, unary, variable } from './types.ts';
import type { Expr } from './types.ts';

/** A double with magnitude in [min, max] (min > 0) and either sign: no subnormals, no -0. */
function signedMagnitude(min: number, max: number): fc.Arbitrary<number> {
  return fc
    .tuple(fc.boolean(), fc.double({ min, max, noNaN: true }))
    .map(([negative, v]) => (negative ? -v : v));
}

/**
 * Constants in a sane range (magnitude 1e-3 to 10, or 0), with 0, 1, 2, -1 and 0.5 drawn often:
 * extreme constants make laws fail on overflow and underflow rather than on logic.
 */
export const arbitraryConstant: fc.Arbitrary<number> = fc.oneof(
  { weight: 2, arbitrary: fc.constantFrom(0, 1, 2, -1, 0.5, 3) },
  { weight: 2, arbitrary: fc.integer({ min: -9, max: 9 }) },
  { weight: 3, arbitrary: signedMagnitude(1e-3, 10) },
);

/**
 * Random trees over `nVariables` variables (indices 0..n-1) with depth at most `maxDepth`
 * (a leaf has depth 1). With no variables, every leaf is a constant.
 */
export function arbitraryExpr(nVariables: number, maxDepth = 5): fc.Arbitrary<Expr> {
  const constLeaf = arbitraryConstant.map(constant);
  const leaf =
    nVariables > 0
      ? fc.oneof(
          { weight: 2, arbitrary: constLeaf },
          { weight: 3, arbitrary: fc.integer({ min: 0, max: nVariables - 1 }).map(variable) },
        )
      : constLeaf;
  let tree: fc.Arbitrary<Expr> = leaf;
  for (let level = 2; level <= maxDepth; level++) {
    const sub = tree;
    tree = fc.oneof(
      { weight: 2, arbitrary: leaf },
      { weight: 2, arbitrary: fc.tuple(fc.constantFrom(...UNARY_OPS), sub).map(([op, a]) => unary(op, a)) },
      {
        weight: 4,
        arbitrary: fc.tuple(fc.constantFrom(...BINARY_OPS), sub, sub).map(([op, a, b]) => binary(op, a, b)),
      },
    );
  }
  return tree;
}

/** A point in [-3, 3]^n (coordinates 0, ±1, or of magnitude at least 1e-3) to compare expressions at. */
export function arbitraryPoint(nVariables: number): fc.Arbitrary<number[]> {
  const coordinate = fc.oneof(
    { weight: 1, arbitrary: fc.constantFrom(0, 1, -1) },
    { weight: 5, arbitrary: signedMagnitude(1e-3, 3) },
  );
  return fc.array(coordinate, { minLength: nVariables, maxLength: nVariables });
}

/**
 * Whether two values agree: both NaN, equal infinities, or within `relative` of the larger
 * magnitude with an absolute floor of `absolute`.
 */
export function valuesAgree(a: number, b: number, relative = 1e-9, absolute = 1e-12): boolean {
  if (Number.isNaN(a) || Number.isNaN(b)) return Number.isNaN(a) && Number.isNaN(b);
  if (!Number.isFinite(a) || !Number.isFinite(b)) return a === b;
  return Math.abs(a - b) <= Math.max(absolute, relative * Math.max(Math.abs(a), Math.abs(b)));
}
