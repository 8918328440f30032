import { describe, expect, it } from 'vitest';
import { Rng } from '../core/rng.ts';
import { rk4Advance } from './ode.ts';
import {
  OSCILLATOR_STEP,
  oscillatorExp,
  oscillatorHarmonic,
  oscillatorPoly,
  oscillatorSin,
} from './oscillators.ts';
import { directTruth, relDiff } from './testSupport.ts';
import { rowOf } from './types.ts';

describe("RK4 for x'' = a(x)", () => {
  it('follows the harmonic oscillator x = x0 cos t + v0 sin t', () => {
    const rng = new Rng(21);
    for (let k = 0; k < 20; k++) {
      const x0 = rng.next();
      const v0 = rng.next();
      const t = rng.uniform(0, 3);
      const [x, v] = rk4Advance((y) => -y, x0, v0, t, OSCILLATOR_STEP);
      expect(Math.abs(x - (x0 * Math.cos(t) + v0 * Math.sin(t)))).toBeLessThan(1e-8);
      expect(Math.abs(v - (-x0 * Math.sin(t) + v0 * Math.cos(t)))).toBeLessThan(1e-8);
    }
  });

  it('lands exactly on the requested time and does nothing for zero time', () => {
    expect(rk4Advance((y) => -y, 0.3, 0.4, 0)).toEqual([0.3, 0.4]);
    // Halving the step changes the result only at the level of RK4's error.
    const a = rk4Advance((y) => -y, 0.3, 0.4, 2.345, 1e-2);
    const b = rk4Advance((y) => -y, 0.3, 0.4, 2.345, 5e-3);
    expect(Math.abs(a[0] - b[0])).toBeLessThan(1e-9);
  });
});

describe('oscillator data', () => {
  const cases = [
    // The range of the energy over the initial box U[0,1]^2: [min, max] of the truth on it.
    { e: oscillatorHarmonic, lo: 0, hi: 2 },
    { e: oscillatorPoly, lo: 0, hi: 1.25 },
    { e: oscillatorSin, lo: 0, hi: 0.5 + Math.sin(1) },
    { e: oscillatorExp, lo: Math.E, hi: 1 + Math.exp(2) },
  ];
  for (const { e, lo, hi } of cases) {
    it(`${e.id}: points lie on energies reachable from U[0,1]^2 starts`, () => {
      const cols = e.sample(new Rng(22), 300);
      const g = directTruth[e.id]!;
      for (let i = 0; i < 300; i++) {
        const value = g(rowOf(cols, i));
        expect(value).toBeGreaterThanOrEqual(lo - 1e-9);
        expect(value).toBeLessThanOrEqual(hi + 1e-9);
      }
    });
  }

  it('a positive is a genuinely different point of the same trajectory', () => {
    const { anchor, positive } = oscillatorHarmonic.triplets!(new Rng(23), 200);
    const g = directTruth['oscillator-harmonic']!;
    let moved = 0;
    for (let i = 0; i < 200; i++) {
      const a = rowOf(anchor, i);
      const p = rowOf(positive, i);
      expect(relDiff(g(a), g(p))).toBeLessThan(1e-9);
      if (Math.hypot(a[0]! - p[0]!, a[1]! - p[1]!) > 1e-2) moved++;
    }
    expect(moved).toBeGreaterThan(180);
  });
});
