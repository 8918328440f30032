// Public API of the expression layer: the tree, its reference evaluator, parser, printers,
// complexity and simplification. Test generators live in ./arbitraries.ts and are not exported here.

export {
  BINARY_OPS,
  UNARY_OPS,
  binary,
  constant,
  depth,
  exprEquals,
  isBinaryOp,
  isUnaryOp,
  nodeCount,
  operatorsIn,
  unary,
  variable,
} from './types.ts';
export type { BinaryOp, Expr, Operator, ParseError, ParseResult, UnaryOp } from './types.ts';
export { evaluateScalar } from './evaluate.ts';
export { MAX_EXPRESSION_LENGTH, MAX_NESTING_DEPTH, parseExpression } from './parse.ts';
export { toInfix, toSympy } from './print.ts';
export { toLatex, typesetName } from './latex.ts';
export type { LatexOptions } from './latex.ts';
export { complexity, defaultComplexityWeights } from './complexity.ts';
export type { ComplexityWeights } from './complexity.ts';
export { simplify } from './simplify.ts';
