import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { complexity, defaultComplexityWeights } from './complexity.ts';
import { arbitraryExpr } from './arbitraries.ts';
import { binary, constant, nodeCount, unary, variable } from './types.ts';

describe('complexity', () => {
  it('equals the node count with the default weights', () => {
    fc.assert(fc.property(arbitraryExpr(3), (e) => complexity(e) === nodeCount(e)));
  });

  it('weighs each node by its kind and operator, 1 when unlisted', () => {
    const e = binary('+', unary('exp', variable(0)), binary('*', constant(2), variable(1)));
    const weights = { constant: 0.5, variable: 2, operators: { exp: 3, '*': 1.5 } };
    expect(complexity(e, weights)).toBe(1 + 3 + 2 + 1.5 + 0.5 + 2);
    expect(complexity(e, defaultComplexityWeights)).toBe(6);
  });
});
