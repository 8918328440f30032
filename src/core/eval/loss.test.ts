import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arbitraryExpr } from '../expr/arbitraries.ts';
import { binary, constant, unary, variable, type Expr } from '../expr/types.ts';
import { Rng } from '../rng.ts';
import { compileCosine } from './compile.ts';
import { Workspace } from './dual.ts';
import { exactGradients, normalizeGradients } from './gradients.ts';
import { projectOntoTangent } from './tangent.ts';
import {
  gradientLoss,
  gradientPointLosses,
  lossFromCosines,
  valueLoss,
  valuePointLosses,
  type GradientTarget,
} from './loss.ts';

const x0 = variable(0);
const x1 = variable(1);
const x2 = variable(2);
const product = binary('*', x0, x1);

/** `n` points uniform in [low, high)^d, column by column. */
function samplePoints(rng: Rng, n: number, d: number, low: number, high: number): Float64Array[] {
  return Array.from({ length: d }, () => Float64Array.from({ length: n }, () => rng.uniform(low, high)));
}

/** The unit gradients of `truth` at the points as a target (every point must be usable). */
function targetOf(truth: Expr, x: Float64Array[]): GradientTarget {
  const unit = normalizeGradients(x, exactGradients(truth, x));
  expect(unit.skipped).toBe(0);
  return unit;
}

const loss = (expr: Expr, target: GradientTarget, signInvariant = false): number =>
  gradientLoss(expr, target, new Workspace(target.x[0]?.length ?? 0), signInvariant);

describe('gradientLoss', () => {
  const d = 3;
  const positive = targetOf(product, samplePoints(new Rng(11), 200, d, 0.1, 3));

  it('is 0 for the truth itself and for increasing maps of it', () => {
    const increasing = [
      product,
      unary('exp', product),
      unary('log', product),
      unary('sqrt', product),
      binary('+', binary('*', constant(3), product), constant(2)),
      binary('^', product, constant(3)),
      binary('*', x1, x0),
      binary('/', x0, binary('/', constant(1), x1)),
    ];
    for (const candidate of increasing) {
      expect(loss(candidate, positive, false)).toBeLessThanOrEqual(1e-15);
      expect(loss(candidate, positive, true)).toBeLessThanOrEqual(1e-15);
    }
  });

  it('is sign-invariant only when asked: a decreasing map costs 0 or the worst, 4/d', () => {
    const decreasing = [
      unary('neg', product),
      binary('/', constant(1), product),
      binary('-', constant(5), product),
    ];
    for (const candidate of decreasing) {
      expect(loss(candidate, positive, true)).toBeLessThanOrEqual(1e-15);
      expect(loss(candidate, positive, false)).toBeCloseTo((2 + 2) / d, 14);
    }
  });

  it('costs the worst, 4/d, for a constant candidate', () => {
    expect(loss(constant(7), positive, false)).toBe(4 / d);
    expect(loss(constant(7), positive, true)).toBe(4 / d);
    expect(loss(binary('-', x0, x0), positive, true)).toBe(4 / d);
  });

  it('charges a point where the candidate has no gradient as much as an opposite one', () => {
    // square(x2) has gradient (0, 0, 2 x2): zero at x2 = 0, orthogonal to the target elsewhere.
    const x = [Float64Array.from([1, 2]), Float64Array.from([1, 1]), Float64Array.from([0, 1])];
    const target = targetOf(product, x);
    // Point 0: no gradient, cost 4; point 1: cos = 0, cost 2. Mean over 2 points and 3 components.
    expect(loss(unary('square', x2), target, false)).toBeCloseTo((4 + 2) / (2 * 3), 15);
  });

  it('is Infinity for a candidate whose gradient is not finite at some point', () => {
    const x = samplePoints(new Rng(5), 50, 2, -1, 1);
    x[0]?.set([0], 10);
    const target = targetOf(product, x);
    expect(loss(unary('sqrt', x0), target, true)).toBe(Infinity);
    expect(loss(binary('/', constant(1), x0), target, true)).toBe(Infinity);
    expect(loss(unary('exp', unary('exp', binary('*', constant(1000), x1))), target, true)).toBe(Infinity);
  });

  it('is Infinity for a candidate undefined at some point, even where its slope formula is finite', () => {
    // log(x0) at negative x0: the value is NaN although 1/x0 is a finite number.
    const target = targetOf(product, samplePoints(new Rng(6), 50, 2, -1, 1));
    expect(loss(unary('log', x0), target, true)).toBe(Infinity);
    expect(loss(unary('log', unary('abs', x0)), target, true)).toBeLessThan(Infinity);
  });

  const mixed = targetOf(binary('+', product, unary('sin', x2)), samplePoints(new Rng(3), 40, d, -2, 2));
  const n = mixed.x[0]?.length ?? 0;

  it('lies in [0, 4/d] for random candidates, or is Infinity exactly when a value or a gradient is not finite', () => {
    fc.assert(
      fc.property(arbitraryExpr(d, 5), fc.boolean(), (candidate, signInvariant) => {
        const value = loss(candidate, mixed, signInvariant);
        expect(value === Infinity).toBe(compileCosine(candidate)(mixed.x, mixed.t, n).invalid);
        if (value === Infinity) return;
        expect(value).toBeGreaterThanOrEqual(0);
        expect(value).toBeLessThanOrEqual(4 / d + 1e-12);
      }),
      { numRuns: 300 },
    );
  });

  it('equals the loss from the compiled cosine kernel', () => {
    // Random trees are compared point by point in compile.test.ts; a sum over points would also
    // add up the arbitrary directions of gradients that cancel to rounding noise.
    const candidates = [
      product,
      binary('+', product, unary('sin', x2)),
      binary('-', binary('*', x0, x0), binary('/', x1, unary('exp', x2))),
      unary('cos', binary('+', x0, binary('*', x1, x2))),
      binary('^', unary('abs', x0), x2),
      unary('square', x2),
    ];
    for (const candidate of candidates)
      for (const signInvariant of [false, true]) {
        const sums = compileCosine(candidate)(mixed.x, mixed.t, n);
        const compiled = lossFromCosines(sums.cosSum, sums.zeroPoints, n, d, signInvariant);
        expect(loss(candidate, mixed, signInvariant)).toBeCloseTo(compiled, 12);
      }
  });

  it('is the mean of the per-point losses, which are null exactly when the loss is Infinity', () => {
    fc.assert(
      fc.property(arbitraryExpr(d, 5), fc.boolean(), (candidate, signInvariant) => {
        const perPoint = gradientPointLosses(candidate, mixed, new Workspace(n), signInvariant);
        const value = loss(candidate, mixed, signInvariant);
        expect(perPoint === null).toBe(value === Infinity);
        if (perPoint === null) return;
        expect(perPoint.reduce((a, b) => a + b, 0) / n).toBeCloseTo(value, 12);
      }),
      { numRuns: 200 },
    );
  });

  it('prices each point on its own: 0 where the candidate agrees, 4/d where it has no gradient', () => {
    // |x0 - 1| has no gradient at x0 = 1 and points along the target (x0) only where x0 > 1.
    const x = [Float64Array.from([0.5, 1, 2]), Float64Array.from([1, 1, 1])];
    const target = { x, t: [Float64Array.from([1, 1, 1]), Float64Array.from([0, 0, 0])] };
    const candidate = unary('abs', binary('-', x0, constant(1)));
    expect(Array.from(gradientPointLosses(candidate, target, new Workspace(3), false) ?? [])).toEqual([
      2, 2, 0,
    ]);
  });

  it('reads the workspace size as the number of points and resets it between calls', () => {
    const ws = new Workspace(positive.x[0]?.length ?? 0);
    const first = gradientLoss(unary('sin', product), positive, ws, false);
    for (let k = 0; k < 3; k++) gradientLoss(binary('*', x0, x2), positive, ws, true);
    expect(gradientLoss(unary('sin', product), positive, ws, false)).toBe(first);
  });
});

describe('gradientLoss along a subspace', () => {
  // 2x2 matrices (a11, a12, a21, a22) with the trace pinned to 5: the data cannot tell det from
  // det + k tr, whose gradients differ only along the normal (1, 0, 0, 1) / sqrt 2.
  const rng = new Rng(4);
  const n = 100;
  const a11 = Float64Array.from({ length: n }, () => rng.uniform(-5, 10));
  const [a12, a21] = [0, 1].map(() => Float64Array.from({ length: n }, () => rng.uniform(-10, 10))) as [
    Float64Array,
    Float64Array,
  ];
  const x = [a11, a12, a21, a11.map((v) => 5 - v)];
  const x3 = variable(3);
  const det = binary('-', binary('*', x0, x3), binary('*', x1, x2));
  const trace = binary('+', x0, x3);
  const shifted = binary('-', det, binary('*', constant(2.5), trace));
  const normal = [Math.SQRT1_2, 0, 0, Math.SQRT1_2];
  // The target: det's gradient with its normal part removed, as the gradient stage leaves it.
  const unit = normalizeGradients(x, projectOntoTangent(exactGradients(det, x), [normal]));
  const onData = { ...unit, normals: [normal] };

  it('prices functions that agree on the subspace the same', () => {
    expect(loss(det, onData)).toBeCloseTo(0, 12);
    expect(loss(shifted, onData)).toBeCloseTo(0, 12);
    expect(loss(det, unit)).toBeGreaterThan(1e-3);
    expect(loss(shifted, unit)).toBeCloseTo(0, 12);
  });

  it('gives a function that is constant on the subspace the worst loss', () => {
    expect(loss(trace, onData)).toBeCloseTo(4 / 4, 12);
  });
});

describe('lossFromCosines', () => {
  it('maps perfect, opposite and missing agreement to 0, 4/d and 4/d', () => {
    expect(lossFromCosines(10, 0, 10, 2, false)).toBe(0);
    expect(lossFromCosines(-10, 0, 10, 2, false)).toBe(2);
    expect(lossFromCosines(-10, 0, 10, 2, true)).toBe(0);
    expect(lossFromCosines(0, 10, 10, 2, true)).toBe(2);
    // Half the points orthogonal (cost 2 each), half perfect (cost 0).
    expect(lossFromCosines(5, 0, 10, 4, false)).toBe(10 / 40);
  });

  it('never goes below 0 when rounding pushes the cosine sum past n', () => {
    expect(lossFromCosines(10 + 1e-12, 0, 10, 2, false)).toBe(0);
  });
});

describe('valueLoss', () => {
  const x = [Float64Array.from([1, 2, 3, 4]), Float64Array.from([0.5, 0.5, -1, 2])];
  const y = Float64Array.from([0.5, 1, -3, 8]);
  const ws = new Workspace(4);

  it('is 0 for the exact formula and the mean squared error otherwise', () => {
    expect(valueLoss(product, { x, y }, ws)).toBe(0);
    expect(valueLoss(binary('+', product, constant(1)), { x, y }, ws)).toBe(1);
    // Residuals of x0: 0.5, 1, 6, -4.
    expect(valueLoss(x0, { x, y }, ws)).toBe((0.25 + 1 + 36 + 16) / 4);
  });

  it('handles a constant candidate', () => {
    const mean = (0.5 + 1 - 3 + 8) / 4;
    const expected = [0.5, 1, -3, 8].reduce((s, v) => s + (v - mean) ** 2, 0) / 4;
    expect(valueLoss(constant(mean), { x, y }, ws)).toBeCloseTo(expected, 14);
  });

  it('is the mean of the squared errors point by point', () => {
    expect(Array.from(valuePointLosses(x0, { x, y }, ws) ?? [])).toEqual([0.25, 1, 36, 16]);
    expect(valuePointLosses(unary('log', x1), { x, y }, ws)).toBeNull();
  });

  it('is Infinity when a value is not finite', () => {
    expect(valueLoss(unary('log', x1), { x, y }, ws)).toBe(Infinity);
    expect(valueLoss(binary('/', x0, binary('-', x1, x1)), { x, y }, ws)).toBe(Infinity);
  });
});

describe('broken gradients are never cheaper', () => {
  const x = samplePoints(new Rng(23), 100, 2, 0.5, 1.5);
  // The target points along x0 + x1; the candidates below point along x0 + 2 x1 (a real misfit).
  const target = targetOf(binary('+', x0, x1), x);
  const misfit = (scale: number): Expr =>
    binary('*', constant(scale), binary('+', x0, binary('*', constant(2), x1)));
  const unscaled = loss(misfit(1), target);
  const worst = 4 / 2;

  it('prices a direction the same at every representable scale of its gradient', () => {
    fc.assert(
      fc.property(fc.integer({ min: -300, max: 300 }), (exponent) => {
        const scaled = loss(misfit(10 ** exponent), target);
        expect(scaled).toBeCloseTo(unscaled, 12);
        // The compiled kernel (verification) agrees with the search's loss.
        const sums = compileCosine(misfit(10 ** exponent))(x, target.t, 100);
        expect(sums.invalid).toBe(false);
        expect(sums.cosSum / 100).toBeCloseTo(1 - unscaled, 12);
      }),
    );
  });

  it('gives a gradient that underflows below the normal range the worst loss, never a free match', () => {
    for (const scale of [1e-309, 1e-320, 0]) {
      expect(loss(misfit(scale), target)).toBe(worst);
      const points = gradientPointLosses(misfit(scale), target, new Workspace(100), true);
      expect(points?.every((p) => p === worst)).toBe(true);
      expect(compileCosine(misfit(scale))(x, target.t, 100).zeroPoints).toBe(100);
    }
  });

  it('prices a gradient that overflows as invalid', () => {
    expect(loss(misfit(1e308), target)).toBe(Infinity);
    expect(compileCosine(misfit(1e308))(x, target.t, 100).invalid).toBe(true);
  });

  it('gives a pole on the boundary no advantage: exp of a quotient vanishing there', () => {
    // Points on both sides of, and very near, the level set x0 x1 = 1 of the concept.
    const rng = new Rng(5);
    const near = [new Float64Array(100), new Float64Array(100)];
    for (let i = 0; i < 100; i++) {
      const a = rng.uniform(0.5, 2);
      near[0]![i] = a;
      near[1]![i] = (1 + (i % 2 === 0 ? 1 : -1) * 10 ** -rng.uniform(1, 4)) / a;
    }
    const concept = binary('-', product, constant(1));
    const onBoundary = targetOf(concept, near);
    const pole = unary('exp', binary('/', constant(-1), binary('*', concept, concept)));
    const lossOfPole = loss(pole, onBoundary, true);
    expect(lossOfPole).toBeGreaterThan(loss(concept, onBoundary, true));
    expect(lossOfPole).toBeGreaterThan(0);
    for (const p of gradientPointLosses(pole, onBoundary, new Workspace(100), true) ?? []) {
      expect(p).toBeGreaterThanOrEqual(0);
    }
  });
});
