import { describe, expect, it } from 'vitest';
import { pointCount, type SearchData } from '../core/search/fitness.ts';
import { fitAndPickSets } from './searchStage.ts';

/** A gradient search's data whose first input is the point's position, 0 to n - 1. */
function numbered(n: number): SearchData {
  const positions = Float64Array.from({ length: n }, (_, i) => i);
  return {
    variables: ['i', 'y'],
    x: [positions, new Float64Array(n)],
    target: { kind: 'gradient', t: [new Float64Array(n).fill(1), new Float64Array(n)] },
  };
}

describe('the points the search fits and those its pick is made on', () => {
  it('hold out every fifth point, spread over the whole file', () => {
    const { fit, pick } = fitAndPickSets(numbered(500));
    expect(pointCount(fit)).toBe(400);
    expect(pointCount(pick!)).toBe(100);
    expect([...pick!.x[0]!].slice(0, 3)).toEqual([4, 9, 14]);
    expect(fit.x[0]!.some((i) => i % 5 === 4)).toBe(false);
  });

  it('use a second set where one is given, and hold nothing out of a small file', () => {
    const second = numbered(80);
    expect(fitAndPickSets(numbered(500), second).pick).toBe(second);
    const small = numbered(40);
    expect(fitAndPickSets(small)).toEqual({ fit: small, pick: undefined });
  });
});
