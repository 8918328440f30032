import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { binary, constant, unary, variable } from '../expr/types.ts';
import { Rng } from '../rng.ts';
import { addGradientNoise, exactGradients, normalizeGradients } from './gradients.ts';

const x0 = variable(0);
const x2 = variable(2);

const columns = (...rows: number[][]): Float64Array[] =>
  Array.from({ length: rows[0]?.length ?? 0 }, (_, j) => Float64Array.from(rows, (r) => r[j] as number));

const row = (cols: readonly Float64Array[], i: number): number[] => cols.map((c) => c[i] as number);

describe('exactGradients', () => {
  it('gives every input a column, zero where the expression does not depend on it', () => {
    const x = columns([1, 2, 3], [-1, 0.5, 4]);
    const g = exactGradients(binary('*', x0, unary('sin', x2)), x);
    expect(g).toHaveLength(3);
    expect(row(g, 0)).toEqual([Math.sin(3), 0, Math.cos(3)]);
    expect(row(g, 1)).toEqual([Math.sin(4), 0, -Math.cos(4)]);
  });

  it('is all zeros for a constant', () => {
    const g = exactGradients(constant(3), columns([1, 2], [3, 4]));
    expect(g.map((c) => [...c])).toEqual([
      [0, 0],
      [0, 0],
    ]);
  });
});

describe('normalizeGradients', () => {
  it('keeps points with a usable gradient and scales each to unit length', () => {
    const x = columns([1, 1], [2, 2], [3, 3]);
    const g = columns([3, 4], [0, -2], [1e-100, 1e-100]);
    const unit = normalizeGradients(x, g);
    expect(unit.skipped).toBe(0);
    expect(row(unit.t, 0)).toEqual([0.6, 0.8]);
    expect(row(unit.t, 1)).toEqual([0, -1]);
    expect(row(unit.t, 2)[0]).toBeCloseTo(Math.SQRT1_2, 15);
    expect(row(unit.x, 2)).toEqual([3, 3]);
  });

  it('drops and counts zero, NaN and infinite gradients and non-finite points', () => {
    const x = columns([0, 0], [1, 1], [2, 2], [3, 3], [NaN, 4], [5, Infinity], [6, 6], [7, 7]);
    const g = columns([1, 0], [0, 0], [NaN, 1], [1, -Infinity], [1, 1], [1, 1], [0, -0], [0, 2]);
    const unit = normalizeGradients(x, g);
    expect(unit.skipped).toBe(6);
    expect([...(unit.x[0] as Float64Array)]).toEqual([0, 7]);
    expect(row(unit.t, 0)).toEqual([1, 0]);
    expect(row(unit.t, 1)).toEqual([0, 1]);
  });

  it('normalises tiny and huge gradients whose squares underflow or overflow', () => {
    const x = columns([1, 1], [2, 2], [3, 3], [4, 4]);
    const g = columns([1e-200, -1e-200], [3e200, 4e200], [5e-324, 0], [1.7e308, 1.7e308]);
    const unit = normalizeGradients(x, g);
    expect(unit.skipped).toBe(0);
    expect(row(unit.t, 0)[0]).toBeCloseTo(Math.SQRT1_2, 15);
    expect(row(unit.t, 0)[1]).toBeCloseTo(-Math.SQRT1_2, 15);
    expect(row(unit.t, 1)[0]).toBeCloseTo(0.6, 15);
    expect(row(unit.t, 1)[1]).toBeCloseTo(0.8, 15);
    expect(row(unit.t, 2)).toEqual([1, 0]);
    expect(row(unit.t, 3)[0]).toBeCloseTo(Math.SQRT1_2, 15);
  });

  it('gives unit rows for any finite input, subnormal and huge components included', () => {
    const finite = fc.double({ noNaN: true, noDefaultInfinity: true });
    fc.assert(
      fc.property(fc.array(fc.array(finite, { minLength: 6, maxLength: 6 }), { minLength: 1 }), (rows) => {
        const cols = columns(...rows);
        const unit = normalizeGradients(cols.slice(0, 3), cols.slice(3));
        const kept = unit.t[0]?.length ?? 0;
        expect(kept + unit.skipped).toBe(rows.length);
        for (let i = 0; i < kept; i++) expect(Math.hypot(...row(unit.t, i))).toBeCloseTo(1, 12);
      }),
      { numRuns: 200 },
    );
  });
});

describe('addGradientNoise', () => {
  const t = columns([0.6, 0.8], [1, 0], [0, -1]);

  it('is deterministic for a seed and differs between seeds', () => {
    const a = addGradientNoise(t, 0.1, new Rng(42));
    const b = addGradientNoise(t, 0.1, new Rng(42));
    const c = addGradientNoise(t, 0.1, new Rng(43));
    expect(a.map((col) => [...col])).toEqual(b.map((col) => [...col]));
    expect(a.map((col) => [...col])).not.toEqual(c.map((col) => [...col]));
  });

  it('leaves its input alone and adds nothing at sigma 0', () => {
    const before = t.map((col) => [...col]);
    const noisy = addGradientNoise(t, 0, new Rng(1));
    expect(noisy.map((col) => [...col])).toEqual(before);
    expect(noisy[0]).not.toBe(t[0]);
    addGradientNoise(t, 1, new Rng(1));
    expect(t.map((col) => [...col])).toEqual(before);
  });

  it('adds noise of standard deviation sigma', () => {
    const n = 20000;
    const zero = [new Float64Array(n), new Float64Array(n)];
    const noisy = addGradientNoise(zero, 0.3, new Rng(7));
    const all = noisy.flatMap((col) => [...col]);
    const mean = all.reduce((s, v) => s + v, 0) / all.length;
    const sd = Math.sqrt(all.reduce((s, v) => s + (v - mean) ** 2, 0) / all.length);
    expect(Math.abs(mean)).toBeLessThan(0.01);
    expect(sd).toBeGreaterThan(0.29);
    expect(sd).toBeLessThan(0.31);
  });
});
