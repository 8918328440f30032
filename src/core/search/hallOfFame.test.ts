import { describe, expect, it } from 'vitest';
import { constant, variable } from '../expr/types.ts';
import { HallOfFame, LOSS_FLOOR, paretoFront, pickBest } from './hallOfFame.ts';

const leaf = variable(0);

describe('hall of fame', () => {
  it('keeps the best candidate of each complexity', () => {
    const hof = new HallOfFame();
    expect(hof.offer(leaf, 3, 0.5)).toBe(true);
    expect(hof.offer(constant(1), 3, 0.7)).toBe(false);
    expect(hof.offer(constant(2), 3, 0.2)).toBe(true);
    expect(hof.offer(constant(3), 4, Infinity)).toBe(false);
    expect(hof.entries()).toEqual([{ tree: constant(2), complexity: 3, loss: 0.2 }]);
  });

  it('builds the Pareto front and scores the drop of log-loss per unit complexity', () => {
    const front = paretoFront([
      { tree: leaf, complexity: 1, loss: 1 },
      { tree: leaf, complexity: 3, loss: 0.1 },
      { tree: leaf, complexity: 4, loss: 0.5 }, // dominated
      { tree: leaf, complexity: 5, loss: 0.01 },
    ]);
    expect(front.map((e) => e.complexity)).toEqual([1, 3, 5]);
    expect(front[0]?.score).toBe(0);
    expect(front[1]?.score).toBeCloseTo(Math.log(10) / 2, 12);
    expect(front[2]?.score).toBeCloseTo(Math.log(10) / 2, 12);
  });

  it('picks the highest score among entries within 1.5x of the lowest loss', () => {
    const front = paretoFront([
      { tree: leaf, complexity: 1, loss: 1 },
      { tree: leaf, complexity: 3, loss: 1e-3 },
      { tree: leaf, complexity: 9, loss: 0.9e-3 },
    ]);
    expect(pickBest(front, 1.5)?.complexity).toBe(3);
    // Outside the 1.5x window the steep drop no longer qualifies; inside a wider one it does.
    const tighter = paretoFront([
      { tree: leaf, complexity: 1, loss: 1 },
      { tree: leaf, complexity: 3, loss: 1e-3 },
      { tree: leaf, complexity: 9, loss: 1e-4 },
    ]);
    expect(pickBest(tighter, 1.5)?.complexity).toBe(9);
    expect(pickBest(tighter, 10)?.complexity).toBe(3);
  });

  it('treats losses below round-off as equal, so the simplest exact form is picked', () => {
    const front = paretoFront([
      { tree: leaf, complexity: 1, loss: 0.3 },
      { tree: leaf, complexity: 3, loss: 1e-14 },
      { tree: leaf, complexity: 7, loss: 1e-17 },
    ]);
    expect(LOSS_FLOOR).toBeGreaterThan(1e-14);
    expect(pickBest(front, 1.5)?.complexity).toBe(3);
  });

  it('has no pick for an empty front', () => {
    expect(pickBest([], 1.5)).toBeUndefined();
  });
});
