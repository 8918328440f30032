import { describe, expect, it } from 'vitest';
import { Rng } from '../core/rng.ts';
import { determinant, trace } from './linalg.ts';
import {
  DET_TRACE,
  MAX_CONDITION,
  matrix2x2Det,
  matrix2x2Trace,
  matrix3x3SkewMinors,
  matrix3x3Trace,
  matrix4x4Trace,
  matrixVariables,
  similar,
} from './matrices.ts';
import { rowOf } from './types.ts';

describe('matrix experiments', () => {
  it('names entries row by row', () => {
    expect(matrixVariables(2)).toEqual(['a11', 'a12', 'a21', 'a22']);
    expect(matrix4x4Trace.variables).toHaveLength(16);
    expect(matrix4x4Trace.variables[4]).toBe('a21');
  });

  it('trace experiments sample entries in [0, 1)', () => {
    for (const e of [matrix2x2Trace, matrix3x3Trace, matrix4x4Trace]) {
      const { anchor, negative } = e.triplets!(new Rng(31), 100);
      for (const cols of [anchor, negative, e.sample(new Rng(32), 100)]) {
        for (const c of cols) for (const x of c) expect(x >= 0 && x < 1).toBe(true);
      }
    }
  });

  it('determinant experiment: entries in U[-10,10], diagonal shifted to trace 5', () => {
    const { anchor, positive, negative } = matrix2x2Det.triplets!(new Rng(33), 200);
    for (const cols of [anchor, positive, negative]) {
      for (let i = 0; i < 200; i++) expect(trace(rowOf(cols, i), 2)).toBeCloseTo(DET_TRACE, 9);
    }
    for (const cols of [anchor, negative]) {
      const [a11, a12, a21, a22] = cols;
      for (const x of [...a12!, ...a21!]) expect(Math.abs(x)).toBeLessThanOrEqual(10);
      // a11 + (5 - a11 - a22)/2 = (a11 - a22)/2 + 2.5 with a11, a22 in [-10, 10].
      for (const x of [...a11!, ...a22!]) expect(x >= -7.5 && x <= 12.5).toBe(true);
    }
  });

  it('skew experiment: anchors, positives and negatives are exactly skew-symmetric', () => {
    const { anchor, positive, negative } = matrix3x3SkewMinors.triplets!(new Rng(34), 100);
    for (const cols of [anchor, positive, negative]) {
      for (let i = 0; i < 100; i++) {
        const a = rowOf(cols, i);
        for (let r = 0; r < 3; r++) for (let c = 0; c < 3; c++) expect(a[r * 3 + c]! + a[c * 3 + r]!).toBe(0);
      }
    }
  });

  it('similarity keeps every invariant and redraws an ill-conditioned change of basis', () => {
    const rng = new Rng(35);
    const a = Float64Array.from([1, 2, 3, 4, 5, 6, 7, 8, 10]);
    let draws = 0;
    // The first M offered is singular, the second nearly so; only the third is accepted.
    const offered = [
      Float64Array.from([1, 2, 3, 2, 4, 6, 0, 0, 1]),
      Float64Array.from([1, 1, 0, 1, 1 + 1 / (10 * MAX_CONDITION), 0, 0, 0, 1]),
      Float64Array.from([2, 1, 0, 0, 1, 0, 1, 0, 1]),
    ];
    const b = similar(rng, a, 3, () => offered[draws++]!);
    expect(draws).toBe(3);
    expect(trace(b, 3)).toBeCloseTo(trace(a, 3), 12);
    expect(determinant(b, 3)).toBeCloseTo(determinant(a, 3), 10);
  });
});
