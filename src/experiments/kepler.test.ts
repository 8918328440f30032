import { describe, expect, it } from 'vitest';
import { Rng } from '../core/rng.ts';
import { keplerPropagate, stumpff } from './kepler.ts';
import type { PlanarState } from './kepler.ts';
import { relDiff } from './testSupport.ts';

type State = [number, number, number, number];

const angularMomentum = (s: PlanarState): number => s[0] * s[3] - s[1] * s[2];
const energy = (s: PlanarState): number => (s[2] ** 2 + s[3] ** 2) / 2 - 1 / Math.hypot(s[0], s[1]);

/** An independent oracle: fine fixed-step RK4 on x'' = -x/|x|^3 (only for orbits without close passes). */
function rk4(state: State, duration: number, steps: number): State {
  const h = duration / steps;
  const deriv = ([x1, x2, v1, v2]: State): State => {
    const r3 = Math.hypot(x1, x2) ** 3;
    return [v1, v2, -x1 / r3, -x2 / r3];
  };
  const add = (a: State, b: State, k: number): State => [
    a[0] + k * b[0],
    a[1] + k * b[1],
    a[2] + k * b[2],
    a[3] + k * b[3],
  ];
  let s = state;
  for (let i = 0; i < steps; i++) {
    const k1 = deriv(s);
    const k2 = deriv(add(s, k1, h / 2));
    const k3 = deriv(add(s, k2, h / 2));
    const k4 = deriv(add(s, k3, h));
    s = s.map((x, j) => x + (h / 6) * (k1[j]! + 2 * k2[j]! + 2 * k3[j]! + k4[j]!)) as State;
  }
  return s;
}

describe('Kepler propagation (universal variables)', () => {
  it('the Stumpff series and closed forms agree where they meet', () => {
    for (const z of [-1, 1]) {
      const [cIn, sIn] = stumpff(z * (1 - 1e-12));
      const [cOut, sOut] = stumpff(z * (1 + 1e-12));
      expect(Math.abs(cIn - cOut)).toBeLessThan(1e-12);
      expect(Math.abs(sIn - sOut)).toBeLessThan(1e-12);
    }
    expect(stumpff(0)).toEqual([0.5, 1 / 6]);
  });

  it('follows a circular orbit exactly, over several turns', () => {
    for (const t of [0.7, 3, 20]) {
      const s = keplerPropagate([1, 0, 0, 1], t);
      [Math.cos(t), Math.sin(t), -Math.sin(t), Math.cos(t)].forEach((w, i) =>
        expect(s[i]!).toBeCloseTo(w, 12),
      );
    }
  });

  it('agrees with a fine RK4 integration on orbits without close passes', () => {
    const rng = new Rng(11);
    let checked = 0;
    while (checked < 10) {
      const s0: State = [rng.next(), rng.next(), rng.next(), rng.next()];
      // Keep orbits whose periapsis stays above 0.2, where a fixed step is trustworthy.
      const l = angularMomentum(s0);
      const e = energy(s0);
      const periapsis = (l * l) / (1 + Math.sqrt(1 + 2 * e * l * l));
      if (periapsis < 0.2) continue;
      checked++;
      const exact = keplerPropagate(s0, 3);
      const numeric = rk4(s0, 3, 6000);
      exact.forEach((x, i) => expect(Math.abs(x - numeric[i]!)).toBeLessThan(1e-9));
    }
  });

  it('composes: going a then b is going a + b', () => {
    const rng = new Rng(12);
    for (let k = 0; k < 50; k++) {
      const s0: State = [rng.next(), rng.next(), rng.next(), rng.next()];
      const a = rng.uniform(0, 1.5);
      const b = rng.uniform(0, 1.5);
      const once = keplerPropagate(s0, a + b);
      const twice = keplerPropagate(keplerPropagate(s0, a), b);
      // Tolerance in units of the local speed scale: close passes are fast.
      const scale = Math.max(1, Math.hypot(once[2], once[3]));
      once.forEach((x, i) => expect(Math.abs(x - twice[i]!)).toBeLessThan(1e-8 * scale));
    }
  });

  it('conserves angular momentum and energy from random starts, close passes and escapes included', () => {
    const rng = new Rng(13);
    let worstL = 0;
    let worstE = 0;
    let bound = 0;
    for (let k = 0; k < 2000; k++) {
      const s0: State = [rng.next(), rng.next(), rng.next(), rng.next()];
      const s = keplerPropagate(s0, rng.uniform(0, 3));
      worstL = Math.max(worstL, relDiff(angularMomentum(s0), angularMomentum(s)));
      worstE = Math.max(worstE, relDiff(energy(s0), energy(s)));
      if (energy(s0) < 0) bound++;
    }
    expect(worstL).toBeLessThan(1e-12);
    expect(worstE).toBeLessThan(1e-9);
    // Both kinds of orbit were exercised (escapes from U[0,1]^4 are rare: a few per thousand).
    expect(bound).toBeGreaterThan(100);
    expect(bound).toBeLessThan(2000);
  });

  it('handles hyperbolic and near-radial orbits', () => {
    const hyper: State = [1, 0, 0.2, 2]; // energy > 0
    const s = keplerPropagate(hyper, 3);
    expect(relDiff(energy(hyper), energy(s))).toBeLessThan(1e-12);
    expect(relDiff(angularMomentum(hyper), angularMomentum(s))).toBeLessThan(1e-12);
    const radial: State = [1, 0, 0, 1e-4]; // falls almost straight into the origin and back
    const r = keplerPropagate(radial, 1.5);
    expect(relDiff(angularMomentum(radial), angularMomentum(r))).toBeLessThan(1e-12);
    expect(relDiff(energy(radial), energy(r))).toBeLessThan(1e-6);
  });
});
