import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Rng } from '../rng.ts';
import { arbitraryExpr } from '../expr/arbitraries.ts';
import { operatorsIn, type Expr, type Operator } from '../expr/types.ts';
import { defaultMutationWeights } from './options.ts';
import { crossover, mutate, type MutationContext, type MutationKind } from './mutate.ts';

const alphabet = { binary: ['+', '*'] as const, unary: ['sin'] as const, variables: 3 };
const allowed = new Set<Operator>(['+', '*', 'sin']);
const kinds = Object.keys(defaultMutationWeights) as MutationKind[];

function maxVariable(e: Expr): number {
  if (e.kind === 'var') return e.index;
  if (e.kind === 'unary') return maxVariable(e.arg);
  if (e.kind === 'binary') return Math.max(maxVariable(e.left), maxVariable(e.right));
  return -1;
}

describe('mutations', () => {
  it('only ever use the alphabet: its operators and its variables', () => {
    fc.assert(
      fc.property(arbitraryExpr(3, 4), fc.integer(), fc.constantFrom(...kinds), (tree, seed, kind) => {
        const source = new Set(operatorsIn(tree));
        const ctx: MutationContext = {
          rng: new Rng(seed),
          alphabet: { binary: [...alphabet.binary], unary: [...alphabet.unary], variables: 3 },
          allowed,
          temperature: 0.5,
        };
        const child = mutate(tree, kind, ctx);
        if (child === null) return;
        for (const op of operatorsIn(child)) expect(allowed.has(op) || source.has(op)).toBe(true);
        expect(maxVariable(child)).toBeLessThan(3);
      }),
      { numRuns: 400 },
    );
  });

  it('crossover exchanges subtrees without inventing nodes', () => {
    fc.assert(
      fc.property(arbitraryExpr(3, 4), arbitraryExpr(3, 4), fc.integer(), (a, b, seed) => {
        const [c, d] = crossover(a, b, new Rng(seed));
        const ops = new Set([...operatorsIn(a), ...operatorsIn(b)]);
        for (const op of [...operatorsIn(c), ...operatorsIn(d)]) expect(ops.has(op)).toBe(true);
      }),
    );
  });
});
