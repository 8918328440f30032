// Shared by the tests of this folder: independent JS formulas of every ground truth (so a test
// compares the parsed catalogue text with something written by hand) and small numeric helpers.

import type { Columns } from './types.ts';

const at = (x: ArrayLike<number>, i: number): number => x[i]!;
/** A row read as a tuple so the formulas below can destructure it (missing entries read NaN). */
type Row = readonly [number, number, number, number, number, number, ...number[]];
const asRow = (x: Float64Array): Row => {
  const r = Array.from({ length: Math.max(6, x.length) }, (_, i) => x[i] ?? NaN);
  return r as unknown as Row;
};
const trace = (n: number) => (x: ArrayLike<number>) => {
  let s = 0;
  for (let i = 0; i < n; i++) s += at(x, i * n + i);
  return s;
};

const formulas: Readonly<Record<string, (x: Row) => number>> = {
  'matrix-2x2-trace': trace(2),
  'matrix-2x2-det': (a) => at(a, 0) * at(a, 3) - at(a, 1) * at(a, 2),
  'matrix-3x3-trace': trace(3),
  'matrix-3x3-skew-minors': (a) => {
    // Sum over the three principal 2x2 minors (i, j) with i < j.
    let s = 0;
    for (const [i, j] of [
      [0, 1],
      [0, 2],
      [1, 2],
    ] as const) {
      s += at(a, i * 3 + i) * at(a, j * 3 + j) - at(a, i * 3 + j) * at(a, j * 3 + i);
    }
    return s;
  },
  'matrix-4x4-trace': trace(4),
  'field-strength': (f) => at(f, 0) * at(f, 3) + at(f, 1) * at(f, 4) + at(f, 2) * at(f, 5),
  'oscillator-harmonic': ([x, v]) => x * x + v * v,
  'oscillator-poly': ([x, v]) => v ** 2 / 2 + x ** 2 / 2 + x ** 4 / 4,
  'oscillator-sin': ([x, v]) => v ** 2 / 2 + Math.sin(x),
  'oscillator-exp': ([x, v]) => v ** 2 / 2 + x ** 2 / 2 + Math.exp(x + 1),
  'central-potential': ([x1, x2, v1, v2]) => x1 * v2 - x2 * v1,
  'spacetime-interval': ([t, x, y, z]) => t ** 2 - x ** 2 - y ** 2 - z ** 2,
  'classifier-a': ([a, b]) => a ** 2 + 3 * a * b + 2 * b ** 2,
  'classifier-a1': ([a, b]) => a ** 2 + 2 * b ** 2,
  'classifier-b': ([a, b, c]) => a ** 2 + Math.sin(b + c),
  'classifier-c': ([a, b, c]) => Math.exp(a - b) - Math.PI * c,
  'classifier-d': ([a, b, c]) => a * Math.exp(-(b ** 2 + c ** 2) / 2),
  'classifier-e': ([a, b, c, d, e, f]) => (a * b) / ((c - d) ** 2 + (e - f) ** 2),
  'classifier-f': ([a, b]) => a * b,
  'classifier-g': ([a, b]) => a ** 2 + b ** 2,
  'matrix-2x2-similarity': trace(2),
};

/** The ground truth of each experiment id, written directly in JS. */
export const directTruth: Readonly<Record<string, (x: Float64Array) => number>> = Object.fromEntries(
  Object.entries(formulas).map(([id, f]) => [id, (x: Float64Array) => f(asRow(x))]),
);

/** |a - b| relative to max(1, |a|): relative for large values, absolute near zero. */
export function relDiff(a: number, b: number): number {
  return Math.abs(a - b) / Math.max(1, Math.abs(a));
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}

/** Every entry of every column, flattened (for comparing whole datasets). */
export function flatten(columns: Columns): number[] {
  return columns.flatMap((c) => Array.from(c));
}

/** The experiment ids every link and result file relies on, in their fixed order. */
export const DESIGN_IDS = [
  'matrix-2x2-trace',
  'matrix-2x2-det',
  'matrix-3x3-trace',
  'matrix-3x3-skew-minors',
  'matrix-4x4-trace',
  'field-strength',
  'oscillator-harmonic',
  'oscillator-poly',
  'oscillator-sin',
  'oscillator-exp',
  'central-potential',
  'spacetime-interval',
  'classifier-a',
  'classifier-a1',
  'classifier-b',
  'classifier-c',
  'classifier-d',
  'classifier-e',
  'classifier-f',
  'classifier-g',
  'matrix-2x2-similarity',
];
