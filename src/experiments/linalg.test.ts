import { describe, expect, it } from 'vitest';
import { Rng } from '../core/rng.ts';
import {
  condition1,
  determinant,
  identity,
  invert,
  matMul,
  orthonormalQ,
  randomOrthogonal,
  randomRotation,
  trace,
  transpose,
} from './linalg.ts';

const maxAbsDiff = (a: Float64Array, b: Float64Array): number =>
  Math.max(...a.map((x, i) => Math.abs(x - b[i]!)));

describe('small dense linear algebra', () => {
  it('inverts and takes determinants of known matrices', () => {
    const a = Float64Array.from([0, 2, 1, 3]); // needs a row swap
    const result = invert(a, 2);
    expect(result).not.toBeNull();
    expect(result!.det).toBeCloseTo(-2, 14);
    expect(maxAbsDiff(result!.inverse, Float64Array.from([-1.5, 1, 0.5, 0]))).toBeLessThan(1e-15);
    expect(invert(Float64Array.from([1, 2, 2, 4]), 2)).toBeNull();
    expect(determinant(Float64Array.from([2, 0, 0, 0, 3, 0, 0, 0, 4]), 3)).toBeCloseTo(24, 13);
    expect(trace(Float64Array.from([1, 9, 9, 2]), 2)).toBe(3);
  });

  it('a random matrix times its inverse is the identity', () => {
    const rng = new Rng(1);
    for (const n of [2, 3, 4]) {
      const a = Float64Array.from({ length: n * n }, () => rng.normal());
      const inv = invert(a, n)!.inverse;
      expect(maxAbsDiff(matMul(a, inv, n), identity(n))).toBeLessThan(1e-12);
    }
  });

  it('measures conditioning', () => {
    expect(condition1(identity(3), 3)).toBe(1);
    expect(condition1(Float64Array.from([1, 1, 1, 1 + 1e-9]), 2)).toBeGreaterThan(1e8);
    expect(condition1(Float64Array.from([1, 1, 1, 1]), 2)).toBe(Infinity);
  });

  it('random orthogonal matrices are orthogonal, rotations have det +1', () => {
    const rng = new Rng(2);
    for (const n of [2, 3, 4]) {
      for (let k = 0; k < 20; k++) {
        const q = randomOrthogonal(rng, n);
        expect(maxAbsDiff(matMul(q, transpose(q, n), n), identity(n))).toBeLessThan(1e-14);
        const r = randomRotation(rng, n);
        expect(maxAbsDiff(matMul(transpose(r, n), r, n), identity(n))).toBeLessThan(1e-14);
        expect(determinant(r, n)).toBeCloseTo(1, 13);
      }
    }
  });

  it('Q of the QR has the sign convention R_ii > 0 (R = Q^T A upper triangular)', () => {
    const rng = new Rng(3);
    const n = 3;
    const a = Float64Array.from({ length: n * n }, () => rng.normal());
    const r = matMul(transpose(orthonormalQ(a, n), n), a, n);
    for (let i = 0; i < n; i++) {
      expect(r[i * n + i]!).toBeGreaterThan(0);
      for (let j = 0; j < i; j++) expect(Math.abs(r[i * n + j]!)).toBeLessThan(1e-14);
    }
  });
});
