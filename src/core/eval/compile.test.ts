import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arbitraryExpr, arbitraryPoint } from '../expr/arbitraries.ts';
import { evaluateScalar } from '../expr/evaluate.ts';
import { binary, constant, unary, variable, type Expr } from '../expr/types.ts';
import { compileCosine, compileValue, type CosineSums } from './compile.ts';
import { evaluateDual, Workspace, type Columns } from './dual.ts';

const VARIABLES = 3;

function toColumns(points: readonly (readonly number[])[], d: number): Float64Array[] {
  return Array.from({ length: d }, (_, j) => Float64Array.from(points, (p) => p[j] as number));
}

function compiledValues(expr: Expr, x: Columns): Float64Array {
  const n = x[0]?.length ?? 0;
  const out = new Float64Array(n);
  compileValue(expr)(x, out, n);
  return out;
}

/** Same value, bit for bit (NaN equals NaN, 0 differs from -0). */
const identical = (a: number, b: number): boolean => Object.is(a, b);

/** The cosine sums of `compileCosine`, computed from the interpreter's partials. */
function interpretedCosine(expr: Expr, x: Columns, t: Columns): CosineSums {
  const n = x[0]?.length ?? 0;
  const dual = evaluateDual(expr, x, new Workspace(n));
  let cosSum = 0;
  let absCosSum = 0;
  let zeroPoints = 0;
  for (let i = 0; i < n; i++) {
    // Partials scaled by the largest: a gradient that overflows is invalid, one whose largest
    // component is zero or subnormal has no direction.
    const partials = dual.scalar
      ? []
      : dual.vars.map((j, k) => [j, (dual.d[k] as Float64Array)[i] as number]);
    const scale = Math.max(0, ...partials.map(([, g]) => Math.abs(g as number)));
    const value = dual.scalar ? dual.c : (dual.v[i] as number);
    if (!(scale < Infinity) || !Number.isFinite(value))
      return { cosSum, absCosSum, zeroPoints, invalid: true };
    if (scale < 2 ** -1022) {
      zeroPoints++;
      continue;
    }
    let dot = 0;
    let norm2 = 0;
    for (const [j, g] of partials) {
      dot += ((g as number) / scale) * ((t[j as number] as Float64Array)[i] as number);
      norm2 += ((g as number) / scale) ** 2;
    }
    const cos = Math.max(-1, Math.min(1, dot / Math.sqrt(norm2)));
    cosSum += cos;
    absCosSum += Math.abs(cos);
  }
  return { cosSum, absCosSum, zeroPoints, invalid: false };
}

/**
 * An upper bound on the magnitudes the chain rule adds up for the gradient of `expr` at `point`:
 * the gradient computed with every factor and term replaced by its absolute value. A gradient
 * far below this bound is mostly cancellation, so its rounding (and direction) is arbitrary.
 */
function gradientScale(expr: Expr, point: readonly number[]): number {
  const walk = (e: Expr): { v: number; d: number[] } => {
    const zero = point.map(() => 0);
    switch (e.kind) {
      case 'const':
        return { v: e.value, d: zero };
      case 'var':
        return { v: point[e.index] as number, d: zero.map((_, j) => (j === e.index ? 1 : 0)) };
      case 'unary': {
        const a = walk(e.arg);
        const v = evaluateScalar(e, point);
        const slope: Record<typeof e.op, number> = {
          neg: 1,
          sqrt: 0.5 / v,
          square: 2 * a.v,
          sin: Math.cos(a.v),
          cos: Math.sin(a.v),
          exp: v,
          log: 1 / a.v,
          abs: 1,
        };
        return { v, d: a.d.map((da) => Math.abs(slope[e.op]) * da) };
      }
      case 'binary': {
        const a = walk(e.left);
        const b = walk(e.right);
        const v = evaluateScalar(e, point);
        const bVaries = b.d.some((db) => db !== 0);
        const [sa, sb] = {
          '+': [1, 1],
          '-': [1, 1],
          '*': [b.v, a.v],
          '/': [1 / b.v, v / b.v],
          '^': [b.v * Math.pow(a.v, b.v - 1), bVaries ? v * Math.log(a.v) : 0],
        }[e.op];
        return {
          v,
          d: a.d.map((da, j) => Math.abs(sa as number) * da + Math.abs(sb as number) * (b.d[j] as number)),
        };
      }
    }
  };
  return Math.hypot(...walk(expr).d);
}

/** Unit vectors in d dimensions, from components drawn in [-1, 1] (all-zero draws become e_0). */
const unitVector = (d: number): fc.Arbitrary<number[]> =>
  fc.array(fc.double({ min: -1, max: 1, noNaN: true }), { minLength: d, maxLength: d }).map((v) => {
    const norm = Math.hypot(...v);
    return norm > 1e-6 ? v.map((c) => c / norm) : v.map((_, j) => (j === 0 ? 1 : 0));
  });

const samples = fc.array(fc.tuple(arbitraryPoint(VARIABLES), unitVector(VARIABLES)), {
  minLength: 1,
  maxLength: 8,
});

describe('compileValue', () => {
  it('computes exactly what evaluateScalar and evaluateDual compute, on random trees', () => {
    fc.assert(
      fc.property(arbitraryExpr(VARIABLES, 5), samples, (expr, rows) => {
        const points = rows.map(([p]) => p);
        const x = toColumns(points, VARIABLES);
        const out = compiledValues(expr, x);
        const dual = evaluateDual(expr, x, new Workspace(points.length));
        points.forEach((point, i) => {
          const compiled = out[i] as number;
          const reference = evaluateScalar(expr, point);
          const interpreted = dual.scalar ? dual.c : (dual.v[i] as number);
          if (!identical(compiled, reference) || !identical(compiled, interpreted))
            throw new Error(
              `compiled ${compiled}, reference ${reference}, interpreter ${interpreted} at ${point.join(',')}`,
            );
        });
      }),
      { numRuns: 300 },
    );
  });

  it('fills every point of a variable-free tree with its constant value', () => {
    const out = compiledValues(binary('*', constant(2), unary('exp', constant(0))), [new Float64Array(4)]);
    expect([...out]).toEqual([2, 2, 2, 2]);
  });
});

describe('compileCosine', () => {
  it('agrees with the cosines computed from evaluateDual partials, point by point', () => {
    let compared = 0;
    fc.assert(
      fc.property(arbitraryExpr(VARIABLES, 5), samples, (expr, rows) => {
        const kernel = compileCosine(expr);
        rows.forEach(([point, unit]) => {
          const x = toColumns([point], VARIABLES);
          const t = toColumns([unit], VARIABLES);
          const compiled = kernel(x, t, 1);
          const expected = interpretedCosine(expr, x, t);
          expect(compiled.invalid).toBe(expected.invalid);
          if (expected.invalid) return;
          // The two differ in the rounding of d(a/b)/db (-q/b against -q·(1/b)); where the
          // gradient is mostly cancellation that rounding decides its direction, even whether it
          // is exactly 0.
          const g = evaluateDual(expr, x, new Workspace(1));
          const norm = g.scalar ? 0 : Math.hypot(...g.d.map((dk) => dk[0] as number));
          const scale = gradientScale(expr, point);
          if (g.scalar || norm > 1e-8 * scale) {
            compared++;
            expect(compiled.zeroPoints).toBe(expected.zeroPoints);
            expect(Math.abs(compiled.cosSum - expected.cosSum)).toBeLessThanOrEqual(1e-6);
            expect(Math.abs(compiled.absCosSum - expected.absCosSum)).toBeLessThanOrEqual(1e-6);
          }
        });
      }),
      { numRuns: 300 },
    );
    expect(compared).toBeGreaterThan(300);
  });

  it('sums over points like the interpreter and flags an invalid point', () => {
    const x = [Float64Array.from([1, 2, 3, 4]), Float64Array.from([0.5, -1, 2, 0])];
    const t = [Float64Array.from([1, 0, 0.6, -1]), Float64Array.from([0, 1, 0.8, 0])];
    const smooth = binary('+', binary('*', variable(0), variable(0)), unary('sin', variable(1)));
    const sums = compileCosine(smooth)(x, t, 4);
    const expected = interpretedCosine(smooth, x, t);
    expect(sums.invalid).toBe(false);
    expect(sums.zeroPoints).toBe(expected.zeroPoints);
    expect(sums.cosSum).toBeCloseTo(expected.cosSum, 12);
    // sqrt(x1) has no finite slope at x1 = -1 or 0.
    expect(compileCosine(unary('sqrt', variable(1)))(x, t, 4).invalid).toBe(true);
  });

  const x0 = variable(0);
  const x1 = variable(1);

  it('sums the cosines of a known gradient', () => {
    // grad(x0 * x1) = (x1, x0): at (3, 4) it is (4, 3), at (1, 0) it is (0, 1).
    const x = [new Float64Array([3, 1]), new Float64Array([4, 0])];
    const t = [new Float64Array([0.8, 0]), new Float64Array([0.6, 1])];
    const sums = compileCosine(binary('*', x0, x1))(x, t, 2);
    expect(sums.invalid).toBe(false);
    expect(sums.zeroPoints).toBe(0);
    expect(sums.cosSum).toBeCloseTo(1 + 1, 15);
    // Opposite direction: cos = -1 at both points.
    const opposite = compileCosine(unary('neg', binary('*', x0, x1)))(x, t, 2);
    expect(opposite.cosSum).toBeCloseTo(-2, 15);
  });

  it('counts points where the gradient vanishes, and a constant vanishes everywhere', () => {
    const x = [new Float64Array([0, 2, 0])];
    const t = [new Float64Array([1, 1, 1])];
    expect(compileCosine(unary('square', x0))(x, t, 3)).toEqual({
      cosSum: 1,
      absCosSum: 1,
      zeroPoints: 2,
      invalid: false,
    });
    expect(compileCosine(constant(5))(x, t, 3)).toEqual({
      cosSum: 0,
      absCosSum: 0,
      zeroPoints: 3,
      invalid: false,
    });
  });

  it('flags non-finite gradients as invalid', () => {
    const at = (expr: Expr, value: number): boolean =>
      compileCosine(expr)([new Float64Array([1, value])], [new Float64Array([1, 1])], 2).invalid;
    expect(at(unary('sqrt', x0), 4)).toBe(false);
    expect(at(unary('sqrt', x0), 0)).toBe(true);
    expect(at(unary('sqrt', x0), -1)).toBe(true);
    expect(at(unary('log', x0), 0)).toBe(true);
    expect(at(binary('/', constant(1), x0), 0)).toBe(true);
    expect(at(binary('^', x0, constant(0.5)), -2)).toBe(true);
    expect(at(binary('^', constant(-2), x0), 0.5)).toBe(true);
    expect(at(unary('exp', unary('exp', x0)), 1000)).toBe(true);
  });
});

describe('compiled source', () => {
  // Constants reach the source as number literals; these are the awkward ones.
  const awkward = [
    NaN,
    Infinity,
    -Infinity,
    -0,
    0,
    1e-300,
    -1e-300,
    5e-324,
    1.7976931348623157e308,
    -1e21,
    -2,
  ];

  it('compiles and evaluates trees with awkward constants like the reference', () => {
    const x = [Float64Array.from([-2, -0, 0, 0.5, 3])];
    for (const c of awkward) {
      const trees = [
        constant(c),
        binary('/', variable(0), constant(c)),
        binary('-', constant(c), variable(0)),
        binary('^', variable(0), constant(c)),
        unary('neg', binary('*', constant(c), variable(0))),
        binary('*', unary('neg', constant(c)), variable(0)),
      ];
      for (const tree of trees) {
        const out = compiledValues(tree, x);
        x[0]?.forEach((xi, i) => {
          const reference = evaluateScalar(tree, [xi]);
          if (!identical(out[i] as number, reference))
            throw new Error(`constant ${c}: compiled ${out[i]} but reference ${reference} at ${xi}`);
        });
        const sums = compileCosine(tree)(x, [new Float64Array(5).fill(1)], 5);
        expect(typeof sums.invalid).toBe('boolean');
      }
    }
  });

  it('keeps the sign of a -0 constant (1 / -0 is -Infinity)', () => {
    const out = compiledValues(binary('/', variable(0), constant(-0)), [new Float64Array([1])]);
    expect(out[0]).toBe(-Infinity);
  });

  it('compiles deep trees and variables beyond the first', () => {
    let deep: Expr = variable(2);
    for (let k = 0; k < 300; k++) deep = binary('+', unary('sin', deep), constant(k));
    const x = [new Float64Array([9]), new Float64Array([9]), new Float64Array([0.25])];
    expect(compiledValues(deep, x)[0]).toBe(evaluateScalar(deep, [9, 9, 0.25]));
    const t = [new Float64Array([0.6]), new Float64Array([0]), new Float64Array([0.8])];
    expect(compileCosine(deep)(x, t, 1)).toEqual(interpretedCosine(deep, x, t));
  });
});
