// Reference semantics of an expression tree at one point. Slow but plain: the fast batched
// evaluators elsewhere are tested against this one, and the printers' round-trip laws use it.

import type { Expr } from './types.ts';

/**
 * Value of `expr` with variable `i` bound to `x[i]`. Never throws: domain errors give NaN
 * (sqrt/log of a negative), log(0) is -Infinity, and non-finite values propagate. A variable
 * index outside `x` reads as NaN.
 */
export function evaluateScalar(expr: Expr, x: ArrayLike<number>): number {
  switch (expr.kind) {
    case 'const':
      return expr.value;
    case 'var':
      return expr.index >= 0 && expr.index < x.length ? (x[expr.index] ?? NaN) : NaN;
    case 'unary': {
      const a = evaluateScalar(expr.arg, x);
      switch (expr.op) {
        case 'neg':
          return -a;
        case 'sqrt':
          return Math.sqrt(a);
        case 'square':
          return a * a;
        case 'sin':
          return Math.sin(a);
        case 'cos':
          return Math.cos(a);
        case 'exp':
          return Math.exp(a);
        case 'log':
          return Math.log(a);
        case 'abs':
          return Math.abs(a);
      }
      break;
    }
    case 'binary': {
      const a = evaluateScalar(expr.left, x);
      const b = evaluateScalar(expr.right, x);
      switch (expr.op) {
        case '+':
          return a + b;
        case '-':
          return a - b;
        case '*':
          return a * b;
        case '/':
          return a / b;
        case '^':
          return Math.pow(a, b);
      }
    }
  }
  return NaN;
}
