import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { toInfix, toSympy } from './print.ts';
import { parseExpression } from './parse.ts';
import { evaluateScalar } from './evaluate.ts';
import { arbitraryExpr, arbitraryPoint, valuesAgree } from './arbitraries.ts';
import { binary, constant, unary, variable } from './types.ts';
import type { Expr } from './types.ts';

const names = ['x0', 'x1', 'x2', 'x3'];
const [a, b, c, d] = [variable(0), variable(1), variable(2), variable(3)];

function roundTrip(e: Expr): Expr {
  const r = parseExpression(toInfix(e, names), names);
  if (!r.ok) throw new Error(`${toInfix(e, names)}: ${r.error.message} at ${r.error.position}`);
  return r.expr;
}

describe('toInfix', () => {
  it('spaces binary operators and omits needless parentheses', () => {
    expect(toInfix(binary('+', a, b), ['a11', 'a22'])).toBe('a11 + a22');
    expect(toInfix(binary('-', binary('*', a, d), binary('*', b, c)), names)).toBe('x0 * x3 - x1 * x2');
    expect(toInfix(binary('+', a, binary('*', b, c)), names)).toBe('x0 + x1 * x2');
    expect(toInfix(binary('^', a, binary('^', b, c)), names)).toBe('x0 ^ x1 ^ x2');
  });

  it('keeps the parentheses associativity needs', () => {
    expect(toInfix(binary('-', a, binary('-', b, c)), names)).toBe('x0 - (x1 - x2)');
    expect(toInfix(binary('/', a, binary('*', b, c)), names)).toBe('x0 / (x1 * x2)');
    expect(toInfix(binary('^', binary('^', a, b), c), names)).toBe('(x0 ^ x1) ^ x2');
    expect(toInfix(binary('*', binary('+', a, b), c), names)).toBe('(x0 + x1) * x2');
  });

  it('parenthesises minus signs where the grammar needs it', () => {
    expect(toInfix(binary('^', constant(-2), a), names)).toBe('(-2) ^ x0');
    expect(toInfix(binary('^', unary('neg', a), constant(2)), names)).toBe('(-x0) ^ 2');
    expect(toInfix(unary('neg', binary('^', a, constant(2))), names)).toBe('-x0 ^ 2');
    expect(toInfix(binary('-', a, constant(-3)), names)).toBe('x0 - (-3)');
    expect(toInfix(unary('neg', unary('neg', a)), names)).toBe('-(-x0)');
    expect(toInfix(unary('neg', binary('*', a, b)), names)).toBe('-(x0 * x1)');
  });

  it('prints functions and numbers that read back exactly', () => {
    expect(toInfix(unary('square', binary('+', a, constant(0.1))), names)).toBe('square(x0 + 0.1)');
    expect(toInfix(constant(1e-7), names)).toBe('1e-7');
    for (const v of [0.1, 1 / 3, Math.PI, 1e21, 5e-324, -0, -2.5e-300, Number.MAX_VALUE]) {
      const back = roundTrip(constant(v));
      expect(evaluateScalar(back, [])).toBe(v);
    }
  });

  it('writes NaN and infinities as expressions that evaluate back to them', () => {
    expect(toInfix(constant(NaN), names)).toBe('(0/0)');
    expect(evaluateScalar(roundTrip(constant(NaN)), [])).toBeNaN();
    expect(evaluateScalar(roundTrip(constant(Infinity)), [])).toBe(Infinity);
    expect(evaluateScalar(roundTrip(binary('^', constant(-Infinity), a)), [3])).toBe(-Infinity);
  });

  it('parses back to an expression with the same value (property)', () => {
    fc.assert(
      fc.property(arbitraryExpr(4, 6), arbitraryPoint(4), (e, x) => {
        const back = roundTrip(e);
        expect(valuesAgree(evaluateScalar(back, x), evaluateScalar(e, x), 0, 0)).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });

  it('is a fixed point after one round trip (property)', () => {
    fc.assert(
      fc.property(arbitraryExpr(4, 6), (e) => {
        const once = toInfix(roundTrip(e), names);
        const r = parseExpression(once, names);
        expect(r.ok && toInfix(r.expr, names)).toBe(once);
      }),
      { numRuns: 500 },
    );
  });
});

describe('toSympy', () => {
  it('uses Python power, Abs and a squared base', () => {
    expect(toSympy(binary('^', a, constant(2)), names)).toBe('x0 ** 2');
    expect(toSympy(unary('square', binary('+', a, b)), names)).toBe('(x0 + x1)**2');
    expect(toSympy(unary('abs', a), names)).toBe('Abs(x0)');
    expect(toSympy(unary('neg', unary('square', a)), names)).toBe('-x0**2');
    expect(toSympy(binary('+', unary('exp', a), unary('log', constant(Infinity))), names)).toBe(
      'exp(x0) + log(oo)',
    );
    expect(toSympy(constant(0.1 + 0.2), names)).toBe('0.30000000000000004');
  });

  it('never throws (property)', () => {
    fc.assert(fc.property(arbitraryExpr(4, 6), (e) => typeof toSympy(e, names) === 'string'));
  });
});
