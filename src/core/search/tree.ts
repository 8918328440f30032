// Addressing the nodes of an immutable tree by their pre-order index, and random trees: the
// primitives every mutation is made of.

import type { Rng } from '../rng.ts';
import { binary, constant, unary, variable, type Expr } from '../expr/types.ts';
import type { SearchOptions } from './options.ts';

/** The node at pre-order index `k` (the root is 0). */
export function nodeAt(tree: Expr, k: number): Expr {
  let remaining = k;
  const visit = (e: Expr): Expr | null => {
    if (remaining === 0) return e;
    remaining--;
    if (e.kind === 'unary') return visit(e.arg);
    if (e.kind === 'binary') return visit(e.left) ?? visit(e.right);
    return null;
  };
  const found = visit(tree);
  if (!found) throw new RangeError(`no node at index ${k}`);
  return found;
}

/** A copy of `tree` with the node at pre-order index `k` replaced by `replacement`. */
export function replaceAt(tree: Expr, k: number, replacement: Expr): Expr {
  let remaining = k;
  const visit = (e: Expr): Expr => {
    if (remaining === 0) {
      remaining = -1;
      return replacement;
    }
    if (remaining < 0) return e;
    remaining--;
    if (e.kind === 'unary') {
      const arg = visit(e.arg);
      return arg === e.arg ? e : unary(e.op, arg);
    }
    if (e.kind === 'binary') {
      const left = visit(e.left);
      const right = visit(e.right);
      return left === e.left && right === e.right ? e : binary(e.op, left, right);
    }
    return e;
  };
  return visit(tree);
}

/** Pre-order indices of the nodes that satisfy `test`. */
export function indicesWhere(tree: Expr, test: (e: Expr) => boolean): number[] {
  const found: number[] = [];
  let index = 0;
  const visit = (e: Expr): void => {
    if (test(e)) found.push(index);
    index++;
    if (e.kind === 'unary') visit(e.arg);
    else if (e.kind === 'binary') {
      visit(e.left);
      visit(e.right);
    }
  };
  visit(tree);
  return found;
}

/** The values of the tree's constants in pre-order. */
export function constantsOf(tree: Expr): number[] {
  const values: number[] = [];
  const visit = (e: Expr): void => {
    if (e.kind === 'const') values.push(e.value);
    else if (e.kind === 'unary') visit(e.arg);
    else if (e.kind === 'binary') {
      visit(e.left);
      visit(e.right);
    }
  };
  visit(tree);
  return values;
}

/** A copy of the tree with its constants, in pre-order, set to `values`. */
export function withConstants(tree: Expr, values: ArrayLike<number>): Expr {
  let next = 0;
  const visit = (e: Expr): Expr => {
    switch (e.kind) {
      case 'const':
        return constant(values[next++] as number);
      case 'var':
        return e;
      case 'unary':
        return unary(e.op, visit(e.arg));
      case 'binary':
        return binary(e.op, visit(e.left), visit(e.right));
    }
  };
  return visit(tree);
}

/** The operators and inputs a random tree may use. */
export interface Alphabet {
  readonly binary: SearchOptions['binaryOperators'];
  readonly unary: SearchOptions['unaryOperators'];
  readonly variables: number;
}

const CONSTANT_LEAF_PROBABILITY = 0.25;

/** A variable or, less often, a normally distributed constant. */
export function randomLeaf(rng: Rng, alphabet: Alphabet): Expr {
  return rng.chance(CONSTANT_LEAF_PROBABILITY)
    ? constant(rng.normal())
    : variable(rng.int(alphabet.variables));
}

/** A random operator node over random leaves; unary operators are drawn in proportion to their count. */
export function randomOperatorOver(rng: Rng, alphabet: Alphabet, child: Expr): Expr {
  const total = alphabet.binary.length + alphabet.unary.length;
  const k = rng.int(total);
  if (k < alphabet.binary.length) {
    const op = alphabet.binary[k] as (typeof alphabet.binary)[number];
    return rng.chance(0.5)
      ? binary(op, child, randomLeaf(rng, alphabet))
      : binary(op, randomLeaf(rng, alphabet), child);
  }
  return unary(alphabet.unary[k - alphabet.binary.length] as (typeof alphabet.unary)[number], child);
}

/** A random tree grown by attaching `operators` random operators at random leaves. */
export function randomTree(rng: Rng, alphabet: Alphabet, operators: number): Expr {
  let tree = randomLeaf(rng, alphabet);
  for (let i = 0; i < operators; i++) {
    const leaves = indicesWhere(tree, (e) => e.kind === 'const' || e.kind === 'var');
    const k = rng.pick(leaves);
    tree = replaceAt(tree, k, randomOperatorOver(rng, alphabet, nodeAt(tree, k)));
  }
  return tree;
}
