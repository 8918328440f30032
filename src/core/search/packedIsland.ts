// An island's population as one Float64Array, the form in which it travels between the search
// loop and the workers every round. Cloning a few hundred small trees as objects cost the page's
// main thread (and the workers) a fifth of a core during a search; a flat array clones as one
// block, and the loop never needs to read the members: migrants travel apart (`Arrival`).
// Numbers are stored as they are, so packing and unpacking give back the very same island.

import { BINARY_OPS, UNARY_OPS, type Expr } from '../expr/types.ts';
import type { IslandState, Member } from './island.ts';

export type PackedIsland = Float64Array;

/** A member that migrates into an island before its round, in place of the member at `at`. */
export interface Arrival {
  at: number;
  tree: Expr;
  complexity: number;
  loss: number;
}

// Layout: births, member count, then per member its loss, complexity and birth and its tree in
// prefix order, each node a code (then the constant's value or the variable's index).
const CONST = 0;
const VAR = 1;
const FIRST_UNARY = 2;
const FIRST_BINARY = FIRST_UNARY + UNARY_OPS.length;

function pushTree(out: number[], e: Expr): void {
  switch (e.kind) {
    case 'const':
      out.push(CONST, e.value);
      return;
    case 'var':
      out.push(VAR, e.index);
      return;
    case 'unary':
      out.push(FIRST_UNARY + UNARY_OPS.indexOf(e.op));
      pushTree(out, e.arg);
      return;
    case 'binary':
      out.push(FIRST_BINARY + BINARY_OPS.indexOf(e.op));
      pushTree(out, e.left);
      pushTree(out, e.right);
  }
}

export function packIsland(island: IslandState): PackedIsland {
  const out: number[] = [island.births, island.members.length];
  for (const m of island.members) {
    out.push(m.loss, m.complexity, m.birth);
    pushTree(out, m.tree);
  }
  return Float64Array.from(out);
}

/** How many members a packed island holds, read without unpacking it. */
export function memberCount(packed: PackedIsland): number {
  return packed[1]!;
}

export function unpackIsland(packed: PackedIsland): IslandState {
  let at = 0;
  const next = (): number => packed[at++]!;
  const readTree = (): Expr => {
    const code = next();
    if (code === CONST) return { kind: 'const', value: next() };
    if (code === VAR) return { kind: 'var', index: next() };
    if (code < FIRST_BINARY) return { kind: 'unary', op: UNARY_OPS[code - FIRST_UNARY]!, arg: readTree() };
    const op = BINARY_OPS[code - FIRST_BINARY]!;
    const left = readTree();
    return { kind: 'binary', op, left, right: readTree() };
  };
  const births = next();
  const count = next();
  const members: Member[] = [];
  for (let i = 0; i < count; i++) {
    const loss = next();
    const complexity = next();
    const birth = next();
    members.push({ tree: readTree(), loss, complexity, birth });
  }
  return { members, births };
}

/** The island with its arrivals in place, each born after the island's own members, in order. */
export function withArrivals(island: IslandState, arrivals: readonly Arrival[]): IslandState {
  const members = [...island.members];
  let births = island.births;
  for (const { at, tree, complexity, loss } of arrivals)
    members[at] = { tree, complexity, loss, birth: births++ };
  return { members, births };
}
