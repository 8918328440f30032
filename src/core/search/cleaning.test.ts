// The cleaning a pick goes through (simplification, and stripping the root offsets, factors and
// sign flips the gradient loss cannot see) must never turn the gradient: checked on random trees
// at random points.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arbitraryExpr, arbitraryPoint } from '../expr/arbitraries.ts';
import { simplify } from '../expr/simplify.ts';
import type { Expr } from '../expr/types.ts';
import { exactGradients } from '../eval/gradients.ts';
import { stripGradientInvariants } from './equivalence.ts';

/** The unit gradient of `tree` at `point`, or null where it is not finite or too small to trust. */
function direction(tree: Expr, point: readonly number[]): number[] | null {
  const g = exactGradients(
    tree,
    point.map((v) => Float64Array.of(v)),
  ).map((column) => column[0]!);
  const norm = Math.hypot(...g);
  if (!Number.isFinite(norm) || norm < 1e-6 || norm > 1e6) return null;
  return g.map((v) => v / norm);
}

/** cos between the gradients of `a` and `b` at `point`, or null where either has none. */
function cosine(a: Expr, b: Expr, point: readonly number[]): number | null {
  const [da, db] = [direction(a, point), direction(b, point)];
  if (!da || !db) return null;
  return da.reduce((sum, v, j) => sum + v * db[j]!, 0);
}

describe('cleaning keeps the gradient direction', () => {
  it('simplification keeps it exactly, orientation included', () => {
    let compared = 0;
    fc.assert(
      fc.property(arbitraryExpr(3, 5), arbitraryPoint(3), (tree, point) => {
        const cos = cosine(tree, simplify(tree), point);
        if (cos === null) return;
        compared++;
        expect(cos).toBeGreaterThan(1 - 1e-6);
      }),
      { numRuns: 2000 },
    );
    expect(compared).toBeGreaterThan(200);
  });

  it('stripping root offsets and factors keeps it up to the sign, and the sign without sign invariance', () => {
    let compared = 0;
    fc.assert(
      fc.property(arbitraryExpr(3, 5), arbitraryPoint(3), (tree, point) => {
        const signed = cosine(tree, stripGradientInvariants(tree, false), point);
        const unsigned = cosine(tree, stripGradientInvariants(tree, true), point);
        if (signed === null || unsigned === null) return;
        compared++;
        expect(signed).toBeGreaterThan(1 - 1e-6);
        expect(Math.abs(unsigned)).toBeGreaterThan(1 - 1e-6);
      }),
      { numRuns: 2000 },
    );
    expect(compared).toBeGreaterThan(200);
  });
});
