import { describe, expect, it } from 'vitest';
import { bfgs, optimizeConstants } from './constants.ts';
import { Rng } from '../rng.ts';
import { binary, constant, variable } from '../expr/types.ts';
import { Workspace } from '../eval/dual.ts';
import { gradientLoss } from '../eval/loss.ts';
import { exactGradients, normalizeGradients } from '../eval/gradients.ts';

describe('constant optimisation', () => {
  it('BFGS finds the minimum of a narrow quadratic valley', () => {
    const f = (c: number[]): number => (c[0]! - 3) ** 2 + 100 * (c[1]! + 2 * c[0]!) ** 2;
    const { point, value } = bfgs(f, [0, 0], f([0, 0]), 50);
    expect(value).toBeLessThan(1e-10);
    expect(point[0]).toBeCloseTo(3, 4);
    expect(point[1]).toBeCloseTo(-6, 4);
  });

  it('recovers the constant that sets the direction of a gradient', () => {
    // Target: x0 + 2.5 x1; candidate x0 + c x1 starting at c = 1.
    const rng = new Rng(4);
    const x = [
      Float64Array.from({ length: 60 }, () => rng.normal()),
      Float64Array.from({ length: 60 }, () => rng.normal()),
    ];
    const truth = binary('+', variable(0), binary('*', constant(2.5), variable(1)));
    const { t } = normalizeGradients(x, exactGradients(truth, x));
    const ws = new Workspace(60);
    const lossOf = (tree: typeof truth): number => gradientLoss(tree, { x, t }, ws, true);
    const start = binary('+', variable(0), binary('*', constant(1), variable(1)));
    const tuned = optimizeConstants(start, lossOf(start), lossOf, 30);
    expect(tuned.loss).toBeLessThan(1e-12);
    const c = (tuned.tree as { right: { left: { value: number } } }).right.left.value;
    expect(c).toBeCloseTo(2.5, 5);
  });

  it('returns the tree unchanged when it has no constants or an infinite loss', () => {
    const tree = binary('*', variable(0), variable(1));
    expect(optimizeConstants(tree, 0.3, () => 0, 10)).toEqual({ tree, loss: 0.3 });
    const withConstant = binary('*', constant(2), variable(1));
    expect(optimizeConstants(withConstant, Infinity, () => 0, 10).tree).toBe(withConstant);
  });
});
