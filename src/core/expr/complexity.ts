// Complexity of a formula: the price the search pays for size. A weighted node count, so a user
// can make some operators dearer (exp, ^) than others. Called for every candidate, so it is a
// plain recursive switch with no allocation.

import type { Expr, Operator } from './types.ts';

export interface ComplexityWeights {
  /** Weight of each constant leaf. */
  constant: number;
  /** Weight of each variable leaf. */
  variable: number;
  /** Weight of each operator node; an operator missing here weighs 1. */
  operators: Partial<Record<Operator, number>>;
}

/** Every node weighs 1: complexity is the node count. */
export const defaultComplexityWeights: ComplexityWeights = { constant: 1, variable: 1, operators: {} };

/** Sum over the nodes of `expr` of each node's weight. */
export function complexity(expr: Expr, weights: ComplexityWeights = defaultComplexityWeights): number {
  switch (expr.kind) {
    case 'const':
      return weights.constant;
    case 'var':
      return weights.variable;
    case 'unary':
      return (weights.operators[expr.op] ?? 1) + complexity(expr.arg, weights);
    case 'binary':
      return (
        (weights.operators[expr.op] ?? 1) + complexity(expr.left, weights) + complexity(expr.right, weights)
      );
  }
}
