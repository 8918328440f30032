// Mutation primitives and crossover, each a small function of a tree and an explicit generator.
// A primitive returns null when it does not apply (no constant to perturb, say); the caller then
// draws again.

import type { Rng } from '../rng.ts';
import { binary, constant, nodeCount, unary, variable, type Expr, type Operator } from '../expr/types.ts';
import { simplify } from '../expr/simplify.ts';
import type { MutationWeights } from './options.ts';
import {
  indicesWhere,
  nodeAt,
  randomLeaf,
  randomOperatorOver,
  randomTree,
  replaceAt,
  type Alphabet,
} from './tree.ts';

export type MutationKind = keyof MutationWeights;

export interface MutationContext {
  readonly rng: Rng;
  readonly alphabet: Alphabet;
  /** Operators simplification may produce. */
  readonly allowed: ReadonlySet<Operator>;
  /** Annealing temperature in [0, 1]: hotter perturbs constants more. */
  readonly temperature: number;
}

const isLeaf = (e: Expr): boolean => e.kind === 'const' || e.kind === 'var';
const isOperator = (e: Expr): boolean => e.kind === 'unary' || e.kind === 'binary';

/** Draws a mutation kind in proportion to its weight. */
export function drawMutationKind(rng: Rng, weights: MutationWeights): MutationKind {
  const kinds = Object.keys(weights) as MutationKind[];
  const total = kinds.reduce((sum, kind) => sum + weights[kind], 0);
  let r = rng.next() * total;
  for (const kind of kinds) {
    r -= weights[kind];
    if (r < 0) return kind;
  }
  return 'doNothing';
}

function perturbConstant(tree: Expr, ctx: MutationContext): Expr | null {
  const { rng } = ctx;
  const sites = indicesWhere(tree, (e) => e.kind === 'const');
  if (sites.length === 0) return null;
  const k = rng.pick(sites);
  const old = (nodeAt(tree, k) as { value: number }).value;
  const scale = Math.exp(rng.normal() * (0.05 + 0.5 * ctx.temperature));
  const sign = rng.chance(0.05) ? -1 : 1;
  const value = old === 0 ? rng.normal() * 0.1 : sign * old * scale;
  return replaceAt(tree, k, constant(value));
}

function changeOperator(tree: Expr, { rng, alphabet }: MutationContext): Expr | null {
  const sites = indicesWhere(tree, isOperator);
  if (sites.length === 0) return null;
  const k = rng.pick(sites);
  const node = nodeAt(tree, k);
  if (node.kind === 'unary' && alphabet.unary.length > 0)
    return replaceAt(tree, k, unary(rng.pick(alphabet.unary), node.arg));
  if (node.kind === 'binary')
    return replaceAt(tree, k, binary(rng.pick(alphabet.binary), node.left, node.right));
  return null;
}

function changeFeature(tree: Expr, { rng, alphabet }: MutationContext): Expr | null {
  const sites = indicesWhere(tree, (e) => e.kind === 'var');
  if (sites.length === 0 || alphabet.variables < 2) return null;
  return replaceAt(tree, rng.pick(sites), variable(rng.int(alphabet.variables)));
}

function swapOperands(tree: Expr, { rng }: MutationContext): Expr | null {
  const sites = indicesWhere(tree, (e) => e.kind === 'binary');
  if (sites.length === 0) return null;
  const k = rng.pick(sites);
  const node = nodeAt(tree, k) as Extract<Expr, { kind: 'binary' }>;
  return replaceAt(tree, k, binary(node.op, node.right, node.left));
}

/**
 * Tree rotation: op1(A, op2(B, C)) becomes op2(op1(A, B), C) (or the mirror image), regrouping
 * an operand without changing the operators used.
 */
function rotate(tree: Expr, { rng }: MutationContext): Expr | null {
  const sites = indicesWhere(
    tree,
    (e) => e.kind === 'binary' && (e.left.kind === 'binary' || e.right.kind === 'binary'),
  );
  if (sites.length === 0) return null;
  const k = rng.pick(sites);
  const node = nodeAt(tree, k) as Extract<Expr, { kind: 'binary' }>;
  const { left, right } = node;
  const rotateRight = right.kind === 'binary' && (left.kind !== 'binary' || rng.chance(0.5));
  if (rotateRight && right.kind === 'binary') {
    return replaceAt(tree, k, binary(right.op, binary(node.op, left, right.left), right.right));
  }
  if (left.kind !== 'binary') return null;
  return replaceAt(tree, k, binary(left.op, left.left, binary(node.op, left.right, right)));
}

/** Wraps a random node in a new operator. */
function insertNode(tree: Expr, { rng, alphabet }: MutationContext): Expr {
  const k = rng.int(nodeCount(tree));
  return replaceAt(tree, k, randomOperatorOver(rng, alphabet, nodeAt(tree, k)));
}

/** Replaces a random operator by one of its operands. */
function deleteNode(tree: Expr, { rng }: MutationContext): Expr | null {
  const sites = indicesWhere(tree, isOperator);
  if (sites.length === 0) return null;
  const k = rng.pick(sites);
  const node = nodeAt(tree, k);
  if (node.kind === 'unary') return replaceAt(tree, k, node.arg);
  if (node.kind === 'binary') return replaceAt(tree, k, rng.chance(0.5) ? node.left : node.right);
  return null;
}

/** Puts a new operator above the root, or grows a leaf into a new operator over fresh leaves. */
function prependOrAppend(tree: Expr, { rng, alphabet }: MutationContext): Expr {
  if (rng.chance(0.5)) return randomOperatorOver(rng, alphabet, tree);
  const k = rng.pick(indicesWhere(tree, isLeaf));
  return replaceAt(tree, k, randomOperatorOver(rng, alphabet, randomLeaf(rng, alphabet)));
}

function replaceSubtree(tree: Expr, { rng, alphabet }: MutationContext): Expr {
  const k = rng.int(nodeCount(tree));
  return replaceAt(tree, k, randomTree(rng, alphabet, rng.int(3)));
}

/** Applies one mutation; null when it does not apply to this tree. Constant optimisation is the island's. */
export function mutate(tree: Expr, kind: MutationKind, ctx: MutationContext): Expr | null {
  switch (kind) {
    case 'mutateConstant':
      return perturbConstant(tree, ctx);
    case 'mutateOperator':
      return changeOperator(tree, ctx);
    case 'mutateFeature':
      return changeFeature(tree, ctx);
    case 'swapOperands':
      return swapOperands(tree, ctx);
    case 'rotate':
      return rotate(tree, ctx);
    case 'insertNode':
      return insertNode(tree, ctx);
    case 'deleteNode':
      return deleteNode(tree, ctx);
    case 'prependOrAppend':
      return prependOrAppend(tree, ctx);
    case 'replaceSubtree':
      return replaceSubtree(tree, ctx);
    case 'simplify':
      return simplify(tree, ctx.allowed);
    case 'randomize':
      return randomTree(ctx.rng, ctx.alphabet, 1 + ctx.rng.int(5));
    case 'optimizeConstants':
    case 'doNothing':
      return tree;
  }
}

/** Swaps a random subtree of `a` with a random subtree of `b`. */
export function crossover(a: Expr, b: Expr, rng: Rng): [Expr, Expr] {
  const ka = rng.int(nodeCount(a));
  const kb = rng.int(nodeCount(b));
  return [replaceAt(a, ka, nodeAt(b, kb)), replaceAt(b, kb, nodeAt(a, ka))];
}
