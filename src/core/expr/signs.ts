// A display rewrite: a sum or difference whose right operand is negative by its own constant
// (`a - -2.1 * b`, `a + -3`) is written with the other sign (`a + 2.1 * b`, `a - 3`). Flipping
// the sign of a number is exact, so the value never changes; the tree keeps its size.

import { binary, constant, type Expr } from './types.ts';

/** `e` negated when that only flips a constant's sign (`-c`, `-c * b`, `-c / b`); else null. */
function negatedConstantTerm(e: Expr): Expr | null {
  if (e.kind === 'const' && e.value < 0) return constant(-e.value);
  if (e.kind === 'binary' && (e.op === '*' || e.op === '/') && e.left.kind === 'const' && e.left.value < 0) {
    return binary(e.op, constant(-e.left.value), e.right);
  }
  if (e.kind === 'binary' && e.op === '*' && e.right.kind === 'const' && e.right.value < 0) {
    return binary('*', e.left, constant(-e.right.value));
  }
  return null;
}

export function tidySigns(e: Expr): Expr {
  if (e.kind === 'unary') return { ...e, arg: tidySigns(e.arg) };
  if (e.kind !== 'binary') return e;
  const left = tidySigns(e.left);
  const right = tidySigns(e.right);
  if (e.op === '+' || e.op === '-') {
    const flipped = negatedConstantTerm(right);
    if (flipped) return binary(e.op === '+' ? '-' : '+', left, flipped);
  }
  return binary(e.op, left, right);
}
