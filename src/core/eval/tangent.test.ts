import { describe, expect, it } from 'vitest';
import { Rng } from '../rng.ts';
import { flatDirections, projectOntoTangent, columnsDotAt, orthonormaliseAtPoints } from './tangent.ts';

const rng = new Rng(3);
const column = (f: () => number): Float64Array => Float64Array.from({ length: 300 }, f);

describe('flat directions of the data', () => {
  it('finds a pinned sum and removes it from gradients', () => {
    const a = column(() => rng.uniform(-10, 10));
    const b = column(() => rng.uniform(-10, 10));
    const x = [a, b, Float64Array.from(a, (v) => 5 - v)]; // x0 + x2 = 5
    const normals = flatDirections(x);
    expect(normals).toHaveLength(1);
    const [n0, n1, n2] = normals[0]!;
    expect(Math.abs(n0!)).toBeCloseTo(Math.SQRT1_2, 9);
    expect(n1).toBeCloseTo(0, 9);
    expect(n2! / n0!).toBeCloseTo(1, 9);
    const g = [column(() => 1), column(() => 2), column(() => 3)];
    const t = projectOntoTangent(g, normals);
    expect(t[0]![0]).toBeCloseTo(-1, 9);
    expect(t[1]![0]).toBeCloseTo(2, 9);
    expect(t[2]![0]).toBeCloseTo(1, 9);
  });

  it('finds none in data that varies every way', () => {
    expect(flatDirections([column(() => rng.next()), column(() => rng.next())])).toEqual([]);
  });
});

describe('orthonormal directions at each point', () => {
  it('makes independent directions orthonormal, and zeroes one that lies in the span of the earlier ones', () => {
    // Three directions in three inputs at two points; the third is the sum of the first two.
    const column = (...values: number[]) => Float64Array.from(values);
    const first = [column(0.1, 0.7), column(0.3, 1 / 3), column(0.2, 0.9)];
    const second = [column(0.7, 0.11), column(0.13, 0.3), column(0.6, 0.17)];
    const third = [0, 1, 2].map((j) => column(...[0, 1].map((i) => first[j]![i]! + second[j]![i]!)));
    const directions = [first, second, third];
    orthonormaliseAtPoints(directions);
    for (const i of [0, 1]) {
      expect(columnsDotAt(first, first, i)).toBeCloseTo(1, 12);
      expect(columnsDotAt(second, second, i)).toBeCloseTo(1, 12);
      expect(columnsDotAt(first, second, i)).toBeCloseTo(0, 12);
      // Rounding leaves a sliver of the third: it is no direction of its own.
      expect(third.every((c) => c[i] === 0)).toBe(true);
    }
  });
});
