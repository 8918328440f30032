// Limits on operators nested inside others (PySR's `nested_constraints`): sin(sin(sin(x))) or
// exp(exp(x)) can bend a curve to fit nearly anything inside a sampled box, which makes them the
// search's favourite look-alikes and almost never the law a person would write.

import type { Expr, Operator } from '../expr/types.ts';

/** For an outer operator, the most nested occurrences of each inner operator along any path below it. */
export type NestingLimits = Partial<Record<Operator, Partial<Record<Operator, number>>>>;

/** Whether every operator of `tree` keeps the limits on what is nested inside it. */
export function withinNestingLimits(tree: Expr, limits: NestingLimits): boolean {
  return check(tree, limits) !== null;
}

/**
 * The most occurrences of each operator along any path of `tree`, or null where a limit is broken
 * somewhere inside it.
 */
function check(tree: Expr, limits: NestingLimits): Map<Operator, number> | null {
  if (tree.kind === 'const' || tree.kind === 'var') return new Map();
  const below =
    tree.kind === 'unary'
      ? check(tree.arg, limits)
      : merge(check(tree.left, limits), check(tree.right, limits));
  if (below === null) return null;
  for (const [inner, limit] of Object.entries(limits[tree.op] ?? {}))
    if ((below.get(inner as Operator) ?? 0) > (limit ?? Infinity)) return null;
  below.set(tree.op, (below.get(tree.op) ?? 0) + 1);
  return below;
}

function merge(
  a: Map<Operator, number> | null,
  b: Map<Operator, number> | null,
): Map<Operator, number> | null {
  if (a === null || b === null) return null;
  for (const [op, count] of b) a.set(op, Math.max(a.get(op) ?? 0, count));
  return a;
}
