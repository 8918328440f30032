import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arbitraryExpr, arbitraryPoint, valuesAgree } from '../expr/arbitraries.ts';
import { evaluateScalar } from '../expr/evaluate.ts';
import { binary, constant, unary, variable, type Expr } from '../expr/types.ts';
import { evaluateDual, Workspace, type Columns, type Dual } from './dual.ts';

const VARIABLES = 3;
const RUNS = Number(process.env['DUAL_RUNS'] ?? 300);

/** Points as rows → one Float64Array column per input. */
function toColumns(points: readonly (readonly number[])[], d: number): Float64Array[] {
  return Array.from({ length: d }, (_, j) => Float64Array.from(points, (p) => p[j] as number));
}

function evaluate(expr: Expr, x: Columns): Dual {
  return evaluateDual(expr, x, new Workspace(x[0]?.length ?? 0));
}

function valueAt(dual: Dual, i: number): number {
  return dual.scalar ? dual.c : (dual.v[i] as number);
}

/** The partial with respect to input `j` at point `i`, or undefined when it is not listed. */
function partialAt(dual: Dual, j: number, i: number): number | undefined {
  if (dual.scalar) return undefined;
  const k = dual.vars.indexOf(j);
  return k < 0 ? undefined : (dual.d[k] as Float64Array)[i];
}

function variablesIn(expr: Expr, into = new Set<number>()): Set<number> {
  if (expr.kind === 'var') into.add(expr.index);
  else if (expr.kind === 'unary') variablesIn(expr.arg, into);
  else if (expr.kind === 'binary') {
    variablesIn(expr.left, into);
    variablesIn(expr.right, into);
  }
  return into;
}

const pointsArb = fc.array(arbitraryPoint(VARIABLES), { minLength: 1, maxLength: 6 });

/** Arguments of every `abs` in the tree: the only places a finite value can have a kink. */
function absArguments(expr: Expr, into: Expr[] = []): Expr[] {
  if (expr.kind === 'unary') {
    if (expr.op === 'abs') into.push(expr.arg);
    absArguments(expr.arg, into);
  } else if (expr.kind === 'binary') {
    absArguments(expr.left, into);
    absArguments(expr.right, into);
  }
  return into;
}

/**
 * A central-difference estimate of the partial of `expr` along input `j` at `point`, or NaN where
 * it is no evidence: a side is not finite, an `abs` changes sign within the step (|x| at 0 has a
 * central difference of 0 for every step), the second difference shows a kink anyway, or two step
 * sizes disagree (a pole, overflow or a large truncation error nearby). `noise` is the expected
 * rounding error of a difference quotient with step `h`.
 */
function finiteDifference(expr: Expr, point: readonly number[], j: number, h: number, noise: number): number {
  const moved = (step: number): number[] => {
    const at = [...point];
    at[j] = (point[j] as number) + step;
    return at;
  };
  const steps = [0, h, -h, h / 2, -h / 2];
  for (const arg of absArguments(expr)) {
    const signs = new Set(steps.map((step) => Math.sign(evaluateScalar(arg, moved(step)))));
    if (signs.size > 1 || signs.has(0)) return NaN;
  }
  const [f0, plus, minus, halfPlus, halfMinus] = steps.map((step) => evaluateScalar(expr, moved(step))) as [
    number,
    number,
    number,
    number,
    number,
  ];
  if (![f0, plus, minus, halfPlus, halfMinus].every(Number.isFinite)) return NaN;
  const coarse = (plus - minus) / (2 * h);
  const fine = (halfPlus - halfMinus) / h;
  // h² f'' for a smooth function; about h times the jump in slope at a kink.
  const secondDifference = Math.abs(plus - 2 * f0 + minus);
  if (secondDifference > h * Math.max(1, Math.abs(fine)) + noise * h) return NaN;
  if (!close(coarse, fine, 1e-5, noise)) return NaN;
  return fine;
}

/** The largest magnitude of any subtree's value at `point`: a bound on the rounding in `expr`. */
function largestIntermediate(expr: Expr, point: readonly number[]): number {
  const own = Math.abs(evaluateScalar(expr, point));
  const here = Number.isNaN(own) ? Infinity : own;
  if (expr.kind === 'unary') return Math.max(here, largestIntermediate(expr.arg, point));
  if (expr.kind === 'binary')
    return Math.max(here, largestIntermediate(expr.left, point), largestIntermediate(expr.right, point));
  return here;
}

const close = (a: number, b: number, relative: number, absolute: number): boolean =>
  Math.abs(a - b) <= relative * Math.max(Math.abs(a), Math.abs(b)) + absolute;

describe('evaluateDual values', () => {
  it('agree with evaluateScalar on random trees at random points, NaN and infinities included', () => {
    fc.assert(
      fc.property(arbitraryExpr(VARIABLES, 5), pointsArb, (expr, points) => {
        const dual = evaluate(expr, toColumns(points, VARIABLES));
        points.forEach((point, i) => {
          const reference = evaluateScalar(expr, point);
          const value = valueAt(dual, i);
          if (!valuesAgree(value, reference, 1e-12, 1e-300))
            throw new Error(`value ${value} differs from the reference ${reference} at ${point.join(',')}`);
        });
      }),
      { numRuns: RUNS },
    );
  });

  it('divides like the reference, so x / x is exactly 1 and a negative base stays usable', () => {
    // Multiplying by a reciprocal gives 0.9999999999999999 for some x, and a negative number to
    // that power is NaN.
    const x = Float64Array.from({ length: 2000 }, (_, i) => 0.001 + i * 0.01234567);
    const ratio = evaluate(binary('/', variable(0), variable(0)), [x]);
    expect(ratio.scalar).toBe(false);
    if (!ratio.scalar) expect(ratio.v.every((v) => v === 1)).toBe(true);
    const third = evaluate(binary('/', variable(0), constant(3)), [x]);
    if (!third.scalar) expect(third.v.every((v, i) => v === (x[i] as number) / 3)).toBe(true);
    const power = binary('^', variable(1), binary('/', variable(0), variable(0)));
    const base = new Float64Array(x.length).fill(-2);
    const dual = evaluate(power, [x, base]);
    if (!dual.scalar) expect(dual.v.every((v) => v === -2)).toBe(true);
  });

  it('is a scalar exactly for variable-free trees', () => {
    fc.assert(
      fc.property(arbitraryExpr(0, 4), (expr) => {
        const dual = evaluate(expr, [new Float64Array(2)]);
        expect(dual.scalar).toBe(true);
        expect(Object.is(valueAt(dual, 0), evaluateScalar(expr, []))).toBe(true);
      }),
      { numRuns: 100 },
    );
  });

  it('lists exactly the variables that occur in the tree, ascending', () => {
    fc.assert(
      fc.property(arbitraryExpr(4, 5), (expr) => {
        const dual = evaluate(expr, toColumns([[0.5, -1.5, 2, 0.25]], 4));
        const expected = [...variablesIn(expr)].sort((a, b) => a - b);
        if (expected.length === 0) {
          expect(dual.scalar).toBe(true);
          return;
        }
        expect(dual.scalar).toBe(false);
        if (dual.scalar) return;
        expect(dual.vars).toEqual(expected);
        expect(dual.d).toHaveLength(expected.length);
      }),
      { numRuns: 200 },
    );
  });

  it('throws a RangeError when a variable has no data column', () => {
    expect(() => evaluate(variable(2), [new Float64Array(1), new Float64Array(1)])).toThrow(RangeError);
  });
});

describe('evaluateDual partial derivatives', () => {
  it('match central finite differences where the function is smooth', () => {
    let compared = 0;
    fc.assert(
      fc.property(arbitraryExpr(VARIABLES, 5), pointsArb, (expr, points) => {
        const dual = evaluate(expr, toColumns(points, VARIABLES));
        const present = variablesIn(expr);
        points.forEach((point, i) => {
          // Large intermediates (x^-2.4 near 0 inside a sine) leave a difference quotient mostly
          // rounding noise; such points are ill-conditioned for this check.
          const largest = largestIntermediate(expr, point);
          if (largest > 1e6) return;
          for (let j = 0; j < VARIABLES; j++) {
            const partial = partialAt(dual, j, i);
            if (!present.has(j)) {
              expect(partial).toBeUndefined();
              continue;
            }
            // Forward mode gives NaN where an intermediate is singular even when the whole is
            // smooth (sqrt(x^2) at 0); the examples below pin the operators at such points.
            if (partial === undefined || !Number.isFinite(partial)) continue;
            const h = 1e-5 * Math.max(1, Math.abs(point[j] as number));
            // Rounding noise of a difference quotient: each evaluation is off by some eps·largest.
            const noise = (1e-14 * Math.max(1, largest)) / h;
            const estimate = finiteDifference(expr, point, j, h, noise);
            if (Number.isNaN(estimate)) continue;
            compared++;
            if (!close(partial, estimate, 1e-4, 1e-6 + noise))
              throw new Error(
                `d/dx${j} = ${partial} but the finite difference is ${estimate} at ${point.join(',')}`,
              );
          }
        });
      }),
      { numRuns: RUNS },
    );
    // The smoothness filter must leave most comparisons standing, or the test proves nothing.
    expect(compared).toBeGreaterThan(RUNS);
  });

  const x0 = variable(0);
  const x1 = variable(1);
  const at = (expr: Expr, point: number[]): number[] => {
    const dual = evaluate(expr, toColumns([point], point.length));
    return point.map((_, j) => partialAt(dual, j, 0) ?? 0);
  };

  it('differentiates each operator exactly at simple points', () => {
    expect(at(unary('neg', x0), [2])).toEqual([-1]);
    expect(at(unary('sqrt', x0), [4])).toEqual([0.25]);
    expect(at(unary('square', x0), [3])).toEqual([6]);
    expect(at(unary('sin', x0), [0])).toEqual([1]);
    expect(at(unary('cos', x0), [Math.PI / 2])).toEqual([-1]);
    expect(at(unary('exp', x0), [0])).toEqual([1]);
    expect(at(unary('log', x0), [2])).toEqual([0.5]);
    expect(at(unary('abs', x0), [-3])).toEqual([-1]);
    expect(at(binary('+', x0, x1), [2, 5])).toEqual([1, 1]);
    expect(at(binary('-', x0, x1), [2, 5])).toEqual([1, -1]);
    expect(at(binary('*', x0, x1), [2, 5])).toEqual([5, 2]);
    expect(at(binary('/', x0, x1), [2, 4])).toEqual([0.25, -0.125]);
    expect(at(binary('^', x0, x1), [2, 3])).toEqual([12, 8 * Math.log(2)]);
    expect(at(binary('^', x0, constant(3)), [2])).toEqual([12]);
    expect(at(binary('^', constant(2), x0), [3])).toEqual([8 * Math.log(2)]);
    expect(at(binary('/', constant(1), x0), [2])).toEqual([-0.25]);
    expect(at(binary('-', constant(1), x0), [2])).toEqual([-1]);
    expect(at(binary('*', constant(3), x0), [2])).toEqual([3]);
  });

  it('gives non-finite partials at singular points instead of throwing', () => {
    expect(at(unary('sqrt', x0), [0])[0]).toBe(Infinity);
    expect(at(unary('log', x0), [0])[0]).toBe(Infinity);
    expect(at(binary('/', constant(1), x0), [0])[0]).toBe(-Infinity);
    expect(at(binary('^', x0, constant(0.5)), [-1])[0]).toBeNaN();
  });

  it('lists an input that cancels out, with a zero partial, and no absent input', () => {
    const dual = evaluate(binary('-', x1, x1), toColumns([[1, 2, 3]], 3));
    expect(dual.scalar).toBe(false);
    if (dual.scalar) return;
    expect(dual.vars).toEqual([1]);
    expect(dual.d[0]?.[0]).toBe(0);
  });
});
