// Compiles a validated expression tree into straight-line JavaScript over typed arrays: the fast
// path for trees evaluated many times (re-scoring the front, verification, benchmarks). The hot
// path of the product, so it is written by hand: no library turns a tree into a typed-array loop.
// Safety: the source is assembled only from generated identifiers, numbers formatted by
// `numberLiteral` and a fixed table of Math functions; no user text ever reaches `new Function`.

import type { BinaryOp, Expr, UnaryOp } from '../expr/types.ts';
import type { Columns } from './dual.ts';

/** Writes the candidate's value at each of `n` points into `out`. */
export type ValueKernel = (x: Columns, out: Float64Array, n: number) => void;

/** Sums, over `n` points, the cosine between the candidate's gradient and the unit target `t`. */
export type CosineKernel = (x: Columns, t: Columns, n: number) => CosineSums;

export interface CosineSums {
  /** Sum of cos(gradient, target) over points with a non-zero gradient. */
  cosSum: number;
  /** Sum of |cos(gradient, target)|: agreement up to the sign, for verification. */
  absCosSum: number;
  /** Points where the candidate's gradient vanishes. */
  zeroPoints: number;
  /** True when any gradient component was NaN or infinite. */
  invalid: boolean;
}

function numberLiteral(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (value === Infinity) return 'Infinity';
  if (value === -Infinity) return '(-Infinity)';
  // String(-0) is "0", which would flip the sign of 1 / -0.
  if (Object.is(value, -0)) return '(-0)';
  return value < 0 ? `(${String(value)})` : String(value);
}

const unaryValue: Record<UnaryOp, (a: string) => string> = {
  neg: (a) => `-${a}`,
  sqrt: (a) => `Math.sqrt(${a})`,
  square: (a) => `${a} * ${a}`,
  sin: (a) => `Math.sin(${a})`,
  cos: (a) => `Math.cos(${a})`,
  exp: (a) => `Math.exp(${a})`,
  log: (a) => `Math.log(${a})`,
  abs: (a) => `Math.abs(${a})`,
};

/** f'(a) given the argument `a` and the already computed value `v` = f(a). */
const unarySlope: Record<UnaryOp, (a: string, v: string) => string> = {
  neg: () => '-1',
  sqrt: (_a, v) => `0.5 / ${v}`,
  square: (a) => `2 * ${a}`,
  sin: (a) => `Math.cos(${a})`,
  cos: (a) => `-Math.sin(${a})`,
  exp: (_a, v) => v,
  log: (a) => `1 / ${a}`,
  abs: (a) => `Math.sign(${a})`,
};

const binaryValue: Record<BinaryOp, (a: string, b: string) => string> = {
  '+': (a, b) => `${a} + ${b}`,
  '-': (a, b) => `${a} - ${b}`,
  '*': (a, b) => `${a} * ${b}`,
  '/': (a, b) => `${a} / ${b}`,
  '^': (a, b) => `Math.pow(${a}, ${b})`,
};

/** Straight-line code for one point: statements, and the name (or literal) holding each result. */
class Emitter {
  readonly lines: string[] = [];
  private next = 0;

  temp(code: string): string {
    const name = `s${this.next++}`;
    this.lines.push(`const ${name} = ${code};`);
    return name;
  }
}

interface Emitted {
  value: string;
  /** Partial derivatives by input index; absent inputs are structurally zero. */
  partials: Map<number, string> | null;
  constant: boolean;
}

function times(a: string, b: string): string {
  if (a === '1') return b;
  if (b === '1') return a;
  return `${a} * ${b}`;
}

function emit(expr: Expr, out: Emitter, withPartials: boolean): Emitted {
  switch (expr.kind) {
    case 'const':
      // Trees may come from saved JSON: only a real number may reach the source.
      if (typeof expr.value !== 'number') throw new TypeError('constant is not a number');
      return { value: numberLiteral(expr.value), partials: null, constant: true };
    case 'var':
      if (!Number.isInteger(expr.index) || expr.index < 0)
        throw new TypeError('variable index is not an index');
      return {
        value: `x${expr.index}`,
        partials: withPartials ? new Map([[expr.index, '1']]) : null,
        constant: false,
      };
    case 'unary': {
      const a = emit(expr.arg, out, withPartials);
      const value = out.temp(unaryValue[expr.op](`(${a.value})`));
      if (!a.partials || a.constant) return { value, partials: null, constant: a.constant };
      const slope = out.temp(unarySlope[expr.op](`(${a.value})`, value));
      const partials = new Map<number, string>();
      for (const [j, da] of a.partials) partials.set(j, out.temp(times(slope, da)));
      return { value, partials, constant: false };
    }
    case 'binary': {
      const a = emit(expr.left, out, withPartials);
      const b = emit(expr.right, out, withPartials);
      const value = out.temp(binaryValue[expr.op](`(${a.value})`, `(${b.value})`));
      const constant = a.constant && b.constant;
      if (!withPartials || constant) return { value, partials: null, constant };
      return { value, partials: binaryPartials(expr.op, a, b, value, out), constant: false };
    }
  }
}

function binaryPartials(
  op: BinaryOp,
  a: Emitted,
  b: Emitted,
  value: string,
  out: Emitter,
): Map<number, string> {
  // Each partial is `slopeA * da + slopeB * db`; a null slope means that side has no partials.
  let slopeA: string;
  let slopeB: string;
  switch (op) {
    case '+':
      slopeA = '1';
      slopeB = '1';
      break;
    case '-':
      slopeA = '1';
      slopeB = '-1';
      break;
    case '*':
      slopeA = b.value;
      slopeB = a.value;
      break;
    case '/':
      slopeA = b.partials ? out.temp(`1 / (${b.value})`) : `(1 / (${b.value}))`;
      slopeB = out.temp(`-${value} / (${b.value})`);
      break;
    case '^':
      slopeA = out.temp(`(${b.value}) * Math.pow(${a.value}, (${b.value}) - 1)`);
      slopeB = b.partials ? out.temp(`${value} * Math.log(${a.value})`) : '0';
      break;
  }
  const partials = new Map<number, string>();
  const inputs = new Set([...(a.partials?.keys() ?? []), ...(b.partials?.keys() ?? [])]);
  for (const j of [...inputs].sort((p, q) => p - q)) {
    const da = a.partials?.get(j);
    const db = b.partials?.get(j);
    const terms: string[] = [];
    if (da) terms.push(times(slopeA, da));
    if (db) terms.push(slopeB === '-1' ? `-${db}` : times(slopeB, db));
    partials.set(j, out.temp(terms.join(' + ')));
  }
  return partials;
}

function loadInputs(expr: Expr): string[] {
  const used = new Set<number>();
  const visit = (e: Expr): void => {
    if (e.kind === 'var') used.add(e.index);
    else if (e.kind === 'unary') visit(e.arg);
    else if (e.kind === 'binary') {
      visit(e.left);
      visit(e.right);
    }
  };
  visit(expr);
  return [...used].sort((p, q) => p - q).map((j) => `const c${j} = x[${j}];`);
}

/** Compiles the value of `expr` into a loop over points. */
export function compileValue(expr: Expr): ValueKernel {
  const out = new Emitter();
  const root = emit(expr, out, false);
  const inputs = loadInputs(expr);
  const reads = inputs.map((line) => line.replace(/const c(\d+) = x\[\d+\];/, 'const x$1 = c$1[i];'));
  const source = [
    ...inputs,
    'for (let i = 0; i < n; i++) {',
    ...reads,
    ...out.lines,
    `out[i] = ${root.value};`,
    '}',
  ].join('\n');
  return new Function('x', 'out', 'n', source) as ValueKernel;
}

/** Compiles the cosine between the gradient of `expr` and the unit target into a loop over points. */
export function compileCosine(expr: Expr): CosineKernel {
  const out = new Emitter();
  const root = emit(expr, out, true);
  const inputs = loadInputs(expr);
  const reads = inputs.map((line) => line.replace(/const c(\d+) = x\[\d+\];/, 'const x$1 = c$1[i];'));
  const partials = [...(root.partials ?? new Map<number, string>())];
  const targets = partials.map(([j]) => `const t${j} = t[${j}];`);
  // As the search's loss: partials scaled by the largest, so squares cannot underflow or overflow;
  // a gradient whose largest component is zero or subnormal has no direction.
  const scale =
    partials.length > 0 ? `Math.max(${partials.map(([, g]) => `Math.abs(${g})`).join(', ')})` : '0';
  const dot = partials.map(([j, g]) => `(${g} / s) * t${j}[i]`).join(' + ') || '0';
  const norm = partials.map(([, g]) => `(${g} / s) ** 2`).join(' + ') || '0';
  const source = [
    ...inputs,
    ...targets,
    'let cosSum = 0, absCosSum = 0, zeroPoints = 0;',
    'for (let i = 0; i < n; i++) {',
    ...reads,
    ...out.lines,
    `const s = ${scale};`,
    `if (!(s < Infinity && Number.isFinite(${root.value}))) return { cosSum, absCosSum, zeroPoints, invalid: true };`,
    `if (s < ${2 ** -1022}) { zeroPoints++; continue; }`,
    `const cos = Math.max(-1, Math.min(1, (${dot}) / Math.sqrt(${norm})));`,
    'cosSum += cos; absCosSum += Math.abs(cos);',
    '}',
    'return { cosSum, absCosSum, zeroPoints, invalid: false };',
  ].join('\n');
  return new Function('x', 't', 'n', source) as CosineKernel;
}
