import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { arbitraryExpr } from '../expr/arbitraries.ts';
import { constant, variable } from '../expr/types.ts';
import type { IslandState } from './island.ts';
import { memberCount, packIsland, unpackIsland, withArrivals } from './packedIsland.ts';

const arbitraryLoss = fc.oneof(fc.double(), fc.constantFrom(Infinity, NaN, 0));

// Records made plain: fast-check's have no prototype, which a strict comparison would see.
const arbitraryIsland: fc.Arbitrary<IslandState> = fc
  .record({
    members: fc.array(
      fc.record({
        tree: arbitraryExpr(4, 5),
        loss: arbitraryLoss,
        complexity: fc.integer({ min: 1, max: 60 }),
        birth: fc.nat(),
      }),
      { maxLength: 20 },
    ),
    births: fc.nat(),
  })
  .map(({ members, births }) => ({ members: members.map((m) => ({ ...m })), births }));

describe('a packed island', () => {
  it('unpacks to the very same island, non-finite losses included', () => {
    fc.assert(
      fc.property(arbitraryIsland, (island) => {
        const packed = packIsland(island);
        expect(memberCount(packed)).toBe(island.members.length);
        expect(unpackIsland(packed)).toStrictEqual(island);
      }),
    );
  });

  it('keeps trees whose constants are non-finite', () => {
    const island: IslandState = {
      members: [{ tree: constant(-Infinity), loss: 1, complexity: 1, birth: 0 }],
      births: 1,
    };
    expect(unpackIsland(packIsland(island))).toStrictEqual(island);
  });
});

describe('arrivals', () => {
  it('take the places they name, born in order after the island’s members', () => {
    const member = (index: number, birth: number) => ({
      tree: variable(index),
      loss: 1,
      complexity: 1,
      birth,
    });
    const island: IslandState = { members: [member(0, 0), member(1, 1), member(2, 2)], births: 3 };
    const arrived = withArrivals(island, [
      { at: 0, tree: constant(5), complexity: 1, loss: 0.5 },
      { at: 2, tree: constant(7), complexity: 1, loss: 0.25 },
    ]);
    expect(arrived.births).toBe(5);
    expect(arrived.members).toStrictEqual([
      { tree: constant(5), complexity: 1, loss: 0.5, birth: 3 },
      member(1, 1),
      { tree: constant(7), complexity: 1, loss: 0.25, birth: 4 },
    ]);
    expect(island.members[0]).toStrictEqual(member(0, 0));
  });
});
