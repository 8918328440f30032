// Evaluation throughput: the compiled kernels against hand-written JavaScript of the same
// expressions, and the tree interpreter, in node-evaluations per second on one thread.

import { Rng } from '../src/core/rng.ts';
import { parseExpression } from '../src/core/expr/parse.ts';
import { nodeCount, type Expr } from '../src/core/expr/types.ts';
import { compileCosine, compileValue } from '../src/core/eval/compile.ts';
import { Workspace } from '../src/core/eval/dual.ts';
import { gradientLoss } from '../src/core/eval/loss.ts';
import type { Columns } from '../src/core/eval/dual.ts';

const POINTS = 1000;
const VARIABLES = ['x0', 'x1', 'x2', 'x3'];

type Kernel = () => void;

/** Hand-written versions, as a person would write them for one expression. */
const handWritten = {
  product: {
    text: 'x0 * x3 - x1 * x2',
    value(x: Columns, out: Float64Array, n: number): void {
      const [a, b, c, d] = x as [Float64Array, Float64Array, Float64Array, Float64Array];
      for (let i = 0; i < n; i++) out[i] = a[i]! * d[i]! - b[i]! * c[i]!;
    },
    cosine(x: Columns, t: Columns, n: number): number {
      const [a, b, c, d] = x as [Float64Array, Float64Array, Float64Array, Float64Array];
      const [t0, t1, t2, t3] = t as [Float64Array, Float64Array, Float64Array, Float64Array];
      let sum = 0;
      for (let i = 0; i < n; i++) {
        const value = a[i]! * d[i]! - b[i]! * c[i]!;
        const g0 = d[i]!,
          g1 = -c[i]!,
          g2 = -b[i]!,
          g3 = a[i]!;
        const norm2 = g0 * g0 + g1 * g1 + g2 * g2 + g3 * g3;
        const dot = g0 * t0[i]! + g1 * t1[i]! + g2 * t2[i]! + g3 * t3[i]!;
        if (!Number.isFinite(value + norm2 + dot)) return NaN;
        if (norm2 > 0) sum += dot / Math.sqrt(norm2);
      }
      return sum;
    },
  },
  transcendental: {
    text: 'sin(x0 * x1) + exp(x2 / (x3 + 1.5)) - x0 / x1',
    value(x: Columns, out: Float64Array, n: number): void {
      const [a, b, c, d] = x as [Float64Array, Float64Array, Float64Array, Float64Array];
      for (let i = 0; i < n; i++)
        out[i] = Math.sin(a[i]! * b[i]!) + Math.exp(c[i]! / (d[i]! + 1.5)) - a[i]! / b[i]!;
    },
    cosine(x: Columns, t: Columns, n: number): number {
      const [a, b, c, d] = x as [Float64Array, Float64Array, Float64Array, Float64Array];
      const [t0, t1, t2, t3] = t as [Float64Array, Float64Array, Float64Array, Float64Array];
      let sum = 0;
      for (let i = 0; i < n; i++) {
        const ai = a[i]!,
          bi = b[i]!,
          ci = c[i]!,
          di = d[i]! + 1.5;
        const s = Math.cos(ai * bi);
        const e = Math.exp(ci / di);
        const value = Math.sin(ai * bi) + e - ai / bi;
        const g0 = s * bi - 1 / bi;
        const g1 = s * ai + ai / (bi * bi);
        const g2 = e / di;
        const g3 = (-e * ci) / (di * di);
        const norm2 = g0 * g0 + g1 * g1 + g2 * g2 + g3 * g3;
        const dot = g0 * t0[i]! + g1 * t1[i]! + g2 * t2[i]! + g3 * t3[i]!;
        if (!Number.isFinite(value + norm2 + dot)) return NaN;
        if (norm2 > 0) sum += dot / Math.sqrt(norm2);
      }
      return sum;
    },
  },
};

/** Node-evaluations per second of `kernel`: the median of several timed batches after a warm-up. */
function rate(kernel: Kernel, nodes: number): number {
  for (let i = 0; i < 300; i++) kernel();
  const rates: number[] = [];
  for (let batch = 0; batch < 7; batch++) {
    let calls = 0;
    const started = performance.now();
    let elapsed = 0;
    while (elapsed < 150) {
      for (let i = 0; i < 50; i++) kernel();
      calls += 50;
      elapsed = performance.now() - started;
    }
    rates.push((nodes * POINTS * calls) / (elapsed / 1000));
  }
  rates.sort((p, q) => p - q);
  return rates[3] as number;
}

export interface ThroughputRow {
  expression: string;
  nodes: number;
  handValue: number;
  compiledValue: number;
  handGradient: number;
  compiledGradient: number;
  interpretedGradient: number;
}

export function runThroughput(): ThroughputRow[] {
  const rng = new Rng(2024);
  const x = VARIABLES.map(() => Float64Array.from({ length: POINTS }, () => rng.uniform(0.5, 2)));
  const t = VARIABLES.map(() => Float64Array.from({ length: POINTS }, () => rng.uniform(-1, 1)));
  const out = new Float64Array(POINTS);
  const ws = new Workspace(POINTS);
  let sink = 0;
  return Object.values(handWritten).map((hand) => {
    const parsed = parseExpression(hand.text, VARIABLES);
    if (!parsed.ok) throw new Error(parsed.error.message);
    const expr: Expr = parsed.expr;
    const nodes = nodeCount(expr);
    const value = compileValue(expr);
    const cosine = compileCosine(expr);
    const row: ThroughputRow = {
      expression: hand.text,
      nodes,
      handValue: rate(() => hand.value(x, out, POINTS), nodes),
      compiledValue: rate(() => value(x, out, POINTS), nodes),
      handGradient: rate(() => (sink += hand.cosine(x, t, POINTS)), nodes),
      compiledGradient: rate(() => (sink += cosine(x, t, POINTS).cosSum), nodes),
      interpretedGradient: rate(() => (sink += gradientLoss(expr, { x, t }, ws, true)), nodes),
    };
    if (Number.isNaN(sink)) throw new Error('kernels disagree on finiteness');
    return row;
  });
}
