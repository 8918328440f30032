import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { simplify } from './simplify.ts';
import { parseExpression } from './parse.ts';
import { toInfix } from './print.ts';
import { evaluateScalar } from './evaluate.ts';
import { arbitraryExpr, arbitraryPoint } from './arbitraries.ts';
import { BINARY_OPS, UNARY_OPS, nodeCount, operatorsIn } from './types.ts';
import type { Expr, Operator } from './types.ts';

const names = ['x', 'y', 'z'];
const ALL_OPS: readonly Operator[] = [...UNARY_OPS, ...BINARY_OPS];

function expr(text: string): Expr {
  const r = parseExpression(text, names);
  if (!r.ok) throw new Error(r.error.message);
  return r.expr;
}

/** Simplifies `text` and prints the result. */
function simplified(text: string, allowed?: readonly Operator[]): string {
  return toInfix(simplify(expr(text), allowed && new Set(allowed)), names);
}

/**
 * Evaluates with every operation's result multiplied by (1 + noise * u), u in [-1, 1] drawn from a
 * seeded generator, and says whether every intermediate was finite. Comparing noisy runs with the
 * exact one measures how sensitive the value is to rounding, so badly conditioned points (heavy
 * cancellation, sqrt of rounding noise) get a tolerance they deserve.
 */
function evaluateNoisy(e: Expr, x: readonly number[], noise: number, seed: number): [number, boolean] {
  let state = seed | 1;
  let finite = true;
  const jitter = (v: number): number => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    if (!Number.isFinite(v)) finite = false;
    return v * (1 + (noise * (state | 0)) / 2 ** 31);
  };
  const go = (n: Expr): number => {
    switch (n.kind) {
      case 'const':
        return n.value;
      case 'var':
        return x[n.index] ?? NaN;
      case 'unary':
        return jitter(evaluateScalar({ ...n, arg: { kind: 'const', value: go(n.arg) } }, []));
      case 'binary': {
        const l = go(n.left);
        const r = go(n.right);
        return jitter(
          evaluateScalar({ ...n, left: { kind: 'const', value: l }, right: { kind: 'const', value: r } }, []),
        );
      }
    }
  };
  const value = go(e);
  return [value, finite && Number.isFinite(value)];
}

/**
 * Checks that `s` has the value of `e` at `x` wherever `e` is finite throughout, with a tolerance
 * of 1e-9 relative (1e-12 absolute) widened by how much rounding noise moves `e` there.
 */
function keepsValue(e: Expr, s: Expr, x: readonly number[], seed: number): void {
  const [exact, finite] = evaluateNoisy(e, x, 0, seed);
  if (!finite) return;
  const got = evaluateScalar(s, x);
  // A NaN from noise (a negative base meeting a jittered exponent, sqrt of a jittered zero)
  // means the point is ill-conditioned: anything goes there.
  const deviations = [seed, seed + 7, seed + 13].map((k) =>
    Math.abs(evaluateNoisy(e, x, 1e-13, k)[0] - exact),
  );
  const spread = deviations.some(Number.isNaN) ? Infinity : Math.max(...deviations);
  const fail = (): never => {
    throw new Error(`${toInfix(e, names)} -> ${toInfix(s, names)} at ${x.join(', ')}: ${got} vs ${exact}`);
  };
  if (!Number.isFinite(got)) {
    // Only a well-conditioned point must stay finite (sqrt(log(exp(x)) - x) may not).
    if (spread <= 1e-12 + 1e-6 * Math.abs(exact)) fail();
    return;
  }
  const tolerance = 1e-12 + 1e-9 * Math.max(Math.abs(exact), Math.abs(got)) + 10 * spread;
  if (!(Math.abs(got - exact) <= tolerance)) fail();
}

describe('simplify: rules', () => {
  it('folds constants, unless the result is not finite', () => {
    expect(simplified('2 * 3 + sin(0) + x')).toBe('6 + x');
    expect(simplified('exp(2) * x')).toBe(`${Math.exp(2)} * x`);
    expect(simplified('1 / 0 + x')).toBe('1 / 0 + x');
    expect(simplified('log(-1)')).toBe('log(-1)');
  });

  it('applies identities', () => {
    expect(simplified('x + 0')).toBe('x');
    expect(simplified('0 + x')).toBe('x');
    expect(simplified('x - 0')).toBe('x');
    expect(simplified('0 - x')).toBe('-x');
    expect(simplified('x * 1')).toBe('x');
    expect(simplified('1 * x')).toBe('x');
    expect(simplified('x * 0')).toBe('0');
    expect(simplified('x / 1')).toBe('x');
    expect(simplified('x ^ 1')).toBe('x');
    expect(simplified('x ^ 0')).toBe('1');
    expect(simplified('-(-x)')).toBe('x');
    expect(simplified('-(3)')).toBe('-3');
    expect(simplified('x - x')).toBe('0');
    expect(simplified('sin(x) / sin(x)')).toBe('1');
    expect(simplified('x + -y')).toBe('x - y');
    expect(simplified('x - -y')).toBe('x + y');
    expect(simplified('-x + y')).toBe('y - x');
  });

  it('collects like terms and constants in sums', () => {
    expect(simplified('x + x')).toBe('2 * x');
    expect(simplified('2 * x + 3 * x')).toBe('5 * x');
    expect(simplified('(x + 1) + 2')).toBe('x + 3');
    expect(simplified('x * y - 2 + 3 * (x * y) + 2')).toBe('4 * (x * y)');
    expect(simplified('sin(x) + y - sin(x)')).toBe('y');
    expect(simplified('x + y')).toBe('x + y');
  });

  it('collects like factors in products', () => {
    expect(simplified('(2 * x) * 3')).toBe('6 * x');
    expect(simplified('x * y / x')).toBe('y');
    expect(simplified('x * x')).toBe('square(x)');
    expect(simplified('x * x', ['*', '^'])).toBe('x ^ 2');
    expect(simplified('x * x', ['*'])).toBe('x * x');
    expect(simplified('x / 2')).toBe('x / 2');
    expect(simplified('x * (-1)')).toBe('-x');
    expect(simplified('x * (-1)', ['*'])).toBe('x * (-1)');
  });

  it('keeps apart powers whose sum would round (x^1.9e21 / x is -1 at x = -1, x^1.9e21 is 1)', () => {
    const e = expr('x ^ 1.9073465724950995e21 / x');
    expect(evaluateScalar(simplify(e), [-1, 0, 0])).toBe(evaluateScalar(e, [-1, 0, 0]));
    expect(simplified('x ^ 3 / x')).toBe('square(x)');
  });

  it('does not introduce disallowed operators for identities', () => {
    expect(simplified('0 - x', ['-'])).toBe('0 - x');
    expect(simplified('x + x', ['+'])).toBe('x + x');
    expect(simplified('x + -y', ['+', 'neg'])).toBe('x + (-y)');
  });

  it('keeps simple unary rules', () => {
    expect(simplified('square(-x)')).toBe('square(x)');
    expect(simplified('sqrt(square(x))')).toBe('abs(x)');
    expect(simplified('log(exp(x + y))')).toBe('x + y');
    expect(simplified('x ^ 2')).toBe('square(x)');
  });
});

describe('simplify: laws (property)', () => {
  it('keeps the value, never grows, and is idempotent enough', () => {
    fc.assert(
      fc.property(arbitraryExpr(3, 6), arbitraryPoint(3), fc.integer(), (e, x, seed) => {
        const s = simplify(e);
        expect(nodeCount(s)).toBeLessThanOrEqual(nodeCount(e));
        keepsValue(e, s, x, seed);
        expect(nodeCount(simplify(s))).toBeLessThanOrEqual(nodeCount(s));
      }),
      { numRuns: 3000 },
    );
  });

  it('never introduces an operator outside the allowed set', () => {
    fc.assert(
      fc.property(
        arbitraryExpr(3, 6),
        fc.subarray([...ALL_OPS]),
        arbitraryPoint(3),
        fc.integer(),
        (e, ops, x, seed) => {
          const allowed = new Set(ops);
          const s = simplify(e, allowed);
          const before = operatorsIn(e);
          for (const op of operatorsIn(s)) expect(before.has(op) || allowed.has(op)).toBe(true);
          expect(nodeCount(s)).toBeLessThanOrEqual(nodeCount(e));
          keepsValue(e, s, x, seed);
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('is fast enough for the search loop', () => {
    const trees = fc.sample(arbitraryExpr(3, 7), { numRuns: 2000, seed: 1 });
    const start = performance.now();
    for (const t of trees) simplify(t);
    expect(performance.now() - start).toBeLessThan(1000);
  });
});
