import { describe, expect, it } from 'vitest';
import { parseExpression } from '../expr/parse.ts';
import { defaultNestingLimits } from './options.ts';
import { withinNestingLimits } from './nesting.ts';

const within = (text: string, limits = defaultNestingLimits): boolean => {
  const parsed = parseExpression(text, ['x', 'y']);
  if (!parsed.ok) throw new Error(parsed.error.message);
  return withinNestingLimits(parsed.expr, limits);
};

describe('nesting limits', () => {
  it('refuse a transcendental function inside another, at any depth', () => {
    for (const text of ['sin(sin(x))', 'exp(square(sin(x)) + y)', 'log(2 * exp(x))', 'cos(x + sin(y))'])
      expect(within(text)).toBe(false);
  });

  it('allow them side by side, and other operators nested freely', () => {
    for (const text of [
      'sin(x) * exp(y)',
      'square(square(x))',
      'sqrt(square(x) + exp(y))',
      'exp(x) / log(y)',
    ])
      expect(within(text)).toBe(true);
  });

  it('count nested occurrences against a limit', () => {
    const limits = { sqrt: { sqrt: 1 } };
    expect(within('sqrt(sqrt(x))', limits)).toBe(true);
    expect(within('sqrt(sqrt(sqrt(x)))', limits)).toBe(false);
    expect(within('sin(sin(x))', {})).toBe(true);
  });
});
