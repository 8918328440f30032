// Reference semantics of an expression tree at one point. Slow but plain: the fast batched
// evaluators elsewhere are tested against this one, and the printers' round-trip laws use it.

import type { BinaryOp, Expr, UnaryOp } from './types.ts';

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
    case 'unary':
      return applyUnary(expr.op, evaluateScalar(expr.arg, x));
    case 'binary':
      return applyBinary(expr.op, evaluateScalar(expr.left, x), evaluateScalar(expr.right, x));
  }
}

/** One operator at one point: the semantics every evaluator shares (NaN and infinities propagate). */
export function applyUnary(op: UnaryOp, a: number): number {
  switch (op) {
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
}

export function applyBinary(op: BinaryOp, a: number, b: number): number {
  switch (op) {
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
