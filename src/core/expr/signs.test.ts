import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arbitraryExpr, arbitraryPoint, valuesAgree } from './arbitraries.ts';
import { evaluateScalar } from './evaluate.ts';
import { parseExpression } from './parse.ts';
import { toInfix } from './print.ts';
import { tidySigns } from './signs.ts';
import { nodeCount } from './types.ts';

const names = ['x', 'v'];
const tidy = (text: string): string => {
  const r = parseExpression(text, names);
  if (!r.ok) throw new Error(r.error.message);
  return toInfix(tidySigns(r.expr), names);
};

describe('tidy signs', () => {
  it('writes a negative term of a sum or difference with the other sign', () => {
    expect(tidy('x^2 - (-2.13 * v^2)')).toBe('x ^ 2 + 2.13 * v ^ 2');
    expect(tidy('v + (-0.04) * x')).toBe('v - 0.04 * x');
    expect(tidy('x + (-3)')).toBe('x - 3');
    expect(tidy('x - v * (-2)')).toBe('x + v * 2');
    expect(tidy('x - 2 * v')).toBe('x - 2 * v');
  });

  it('keeps the value and the size of any expression', () => {
    fc.assert(
      fc.property(arbitraryExpr(2), arbitraryPoint(2), (e, p) => {
        const t = tidySigns(e);
        expect(nodeCount(t)).toBe(nodeCount(e));
        const [a, b] = [evaluateScalar(e, p), evaluateScalar(t, p)];
        expect(Number.isNaN(a) ? Number.isNaN(b) : valuesAgree(a, b)).toBe(true);
      }),
    );
  });
});
