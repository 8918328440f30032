import { describe, expect, it } from 'vitest';
import { parseExpression } from '../expr/parse.ts';
import { toInfix } from '../expr/print.ts';
import type { Expr } from '../expr/types.ts';
import { canonicalForGradients, stripGradientInvariants } from './equivalence.ts';

const names = ['x', 'y'];
const parse = (text: string): Expr => {
  const r = parseExpression(text, names);
  if (!r.ok) throw new Error(r.error.message);
  return r.expr;
};
const strip = (text: string, signInvariant = true): string =>
  toInfix(stripGradientInvariants(parse(text), signInvariant), names);

describe('stripping what the gradient loss cannot see', () => {
  it('removes root offsets and positive factors', () => {
    expect(strip('3 + x * y')).toBe('x * y');
    expect(strip('x * y - 2')).toBe('x * y');
    expect(strip('2.5 * (x + y) + 1')).toBe('x + y');
    expect(strip('(x + y) / 4')).toBe('x + y');
  });

  it('removes sign flips only when the loss is sign-invariant', () => {
    expect(strip('-(x * y)')).toBe('x * y');
    expect(strip('-2 * (x * y)')).toBe('x * y');
    expect(strip('1 - x * y')).toBe('x * y');
    expect(strip('-2 * (x * y)', false)).toBe('-2 * (x * y)');
    expect(strip('1 - x * y', false)).toBe('1 - x * y');
  });

  it('leaves non-affine uses of a constant alone', () => {
    expect(strip('2 / (x + y)')).toBe('2 / (x + y)');
    expect(strip('x ^ 2')).toBe('x ^ 2');
    expect(strip('sin(x) + cos(y)')).toBe('sin(x) + cos(y)');
  });

  it('keeps a binary root when the search requires one', () => {
    const tree = parse('2 * sin(x)');
    expect(toInfix(canonicalForGradients(tree, true, true), names)).toBe('2 * sin(x)');
    expect(toInfix(canonicalForGradients(tree, true, false), names)).toBe('sin(x)');
  });
});
