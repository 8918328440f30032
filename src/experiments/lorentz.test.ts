import { describe, expect, it } from 'vitest';
import { Rng } from '../core/rng.ts';
import { determinant, matMul, transpose } from './linalg.ts';
import { boostX, fieldTensor, randomLorentz, readField, transformField, transformVector } from './lorentz.ts';

const METRIC = Float64Array.from([1, 0, 0, 0, 0, -1, 0, 0, 0, 0, -1, 0, 0, 0, 0, -1]);

describe('random Lorentz transformations', () => {
  it('preserve the metric, are proper and orthochronous', () => {
    const rng = new Rng(5);
    for (let k = 0; k < 50; k++) {
      const l = randomLorentz(rng);
      const g = matMul(matMul(transpose(l, 4), METRIC, 4), l, 4);
      const scale = l[0]! ** 2; // entries grow like gamma
      g.forEach((x, i) => expect(Math.abs(x - METRIC[i]!)).toBeLessThan(1e-12 * scale));
      expect(determinant(l, 4)).toBeCloseTo(1, 6);
      expect(l[0]!).toBeGreaterThanOrEqual(1);
    }
  });

  it('keep the interval of a 4-vector', () => {
    const rng = new Rng(6);
    const x = [0.3, 0.9, -0.2, 0.5];
    const s = (v: ArrayLike<number>) => v[0]! ** 2 - v[1]! ** 2 - v[2]! ** 2 - v[3]! ** 2;
    for (let k = 0; k < 20; k++) expect(s(transformVector(randomLorentz(rng), x))).toBeCloseTo(s(x), 10);
  });

  it('reads back the field it wrote', () => {
    const eb = [1, 2, 3, 4, 5, 6];
    expect(Array.from(readField(fieldTensor(eb)))).toEqual(eb);
  });

  it('a boost along x transforms E and B as the textbook says', () => {
    const [ex, ey, ez, bx, by, bz] = [0.3, 1.1, -0.4, 0.7, 0.2, 1.5];
    const beta = 0.6;
    const gamma = 1.25;
    const got = transformField(boostX(beta), [ex, ey, ez, bx, by, bz]);
    const want = [
      ex,
      gamma * (ey - beta * bz),
      gamma * (ez + beta * by),
      bx,
      gamma * (by + beta * ez),
      gamma * (bz - beta * ey),
    ];
    want.forEach((w, i) => expect(got[i]!).toBeCloseTo(w, 14));
  });

  it('keep both field invariants, E.B and E^2 - B^2', () => {
    const rng = new Rng(7);
    const eb = [0.5, 1.5, 0.1, 1.2, 0.3, 1.9];
    const dot = (f: ArrayLike<number>) => f[0]! * f[3]! + f[1]! * f[4]! + f[2]! * f[5]!;
    const diff = (f: ArrayLike<number>) =>
      f[0]! ** 2 + f[1]! ** 2 + f[2]! ** 2 - f[3]! ** 2 - f[4]! ** 2 - f[5]! ** 2;
    for (let k = 0; k < 20; k++) {
      const moved = transformField(randomLorentz(rng), eb);
      expect(dot(moved)).toBeCloseTo(dot(eb), 9);
      expect(diff(moved)).toBeCloseTo(diff(eb), 9);
    }
  });
});
