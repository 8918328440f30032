// The gradient loss cannot tell f from a + b·f: an additive constant or a constant factor at the
// root leaves the normalised gradient unchanged (a negative factor flips it, which only the
// sign-invariant loss forgives). Stripping them keeps the same concept at a lower complexity.

import type { Expr } from '../expr/types.ts';

const isConst = (e: Expr): e is Extract<Expr, { kind: 'const' }> => e.kind === 'const';

/** Removes root-level constant offsets and factors that do not change the normalised gradient. */
export function stripGradientInvariants(tree: Expr, signInvariant: boolean): Expr {
  let current = tree;
  for (;;) {
    const next = stripOnce(current, signInvariant);
    if (next === current) return current;
    current = next;
  }
}

function stripOnce(e: Expr, signInvariant: boolean): Expr {
  if (e.kind === 'unary' && e.op === 'neg' && signInvariant) return e.arg;
  if (e.kind !== 'binary') return e;
  const { op, left, right } = e;
  const leftConst = isConst(left) && Number.isFinite(left.value);
  const rightConst = isConst(right) && Number.isFinite(right.value);
  if (leftConst === rightConst) return e;
  const [c, f] = leftConst ? [left.value, right] : [(right as { value: number }).value, left];
  switch (op) {
    case '+':
      return f;
    case '-':
      // c - f points the other way.
      return rightConst ? f : signInvariant ? f : e;
    case '*':
      return c > 0 || (c < 0 && signInvariant) ? f : e;
    case '/':
      // f / c scales f; c / f is not a scaling of f.
      return rightConst && (c > 0 || (c < 0 && signInvariant)) ? f : e;
    default:
      return e;
  }
}

/** Keeps `tree` a valid root under `rootBinary`: stripping must not leave a leaf or unary root. */
export function canonicalForGradients(tree: Expr, signInvariant: boolean, rootBinary: boolean): Expr {
  const stripped = stripGradientInvariants(tree, signInvariant);
  return rootBinary && stripped.kind !== 'binary' ? tree : stripped;
}
