import { describe, expect, it } from 'vitest';
import { Rng } from '../rng.ts';
import { flatDirections, projectOntoTangent } from './tangent.ts';

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
