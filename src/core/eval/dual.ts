// Forward-mode evaluation of a tree over many points at once: each node yields its values and
// the partial derivatives with respect to the inputs it actually depends on (structurally zero
// partials are never stored or computed). This interpreter is the reference the compiled kernels
// are tested against, and the fast path for candidates evaluated only a few times.

import type { BinaryOp, Expr, UnaryOp } from '../expr/types.ts';
import { applyBinary, applyUnary } from '../expr/evaluate.ts';

export type Columns = readonly Float64Array[];

/** The rows `indices` of every column. */
export function selectRows(columns: Columns, indices: readonly number[]): Float64Array[] {
  return columns.map((column) => Float64Array.from(indices, (i) => column[i] as number));
}

/** A node's result: a scalar for variable-free subtrees, else per-point values and sparse partials. */
export type Dual =
  | { readonly scalar: true; readonly c: number }
  | {
      readonly scalar: false;
      readonly v: Float64Array;
      /** Input indices the node depends on, ascending. */
      readonly vars: readonly number[];
      /** `d[k]` holds the partial derivative with respect to input `vars[k]`. */
      readonly d: readonly Float64Array[];
    };

/**
 * Scratch buffers of one length, handed out during an evaluation and all reclaimed at the next.
 * Reusing them keeps the search's inner loop free of allocation.
 */
export class Workspace {
  private readonly buffers: Float64Array[] = [];
  private used = 0;
  readonly ones: Float64Array;

  constructor(readonly n: number) {
    this.ones = new Float64Array(n).fill(1);
  }

  reset(): void {
    this.used = 0;
  }

  take(): Float64Array {
    let buffer = this.buffers[this.used];
    if (!buffer) {
      buffer = new Float64Array(this.n);
      this.buffers.push(buffer);
    }
    this.used++;
    return buffer;
  }
}

/** Evaluates `expr` with values and gradient at the `ws.n` points of `x` (one column per input). */
export function evaluateDual(expr: Expr, x: Columns, ws: Workspace): Dual {
  switch (expr.kind) {
    case 'const':
      return { scalar: true, c: expr.value };
    case 'var': {
      const column = x[expr.index];
      if (!column) throw new RangeError(`variable index ${expr.index} has no data column`);
      return { scalar: false, v: column, vars: [expr.index], d: [ws.ones] };
    }
    case 'unary':
      return unaryDual(expr.op, evaluateDual(expr.arg, x, ws), ws);
    case 'binary':
      return binaryDual(expr.op, evaluateDual(expr.left, x, ws), evaluateDual(expr.right, x, ws), ws);
  }
}

type VectorDual = Extract<Dual, { scalar: false }>;

function unaryDual(op: UnaryOp, a: Dual, ws: Workspace): Dual {
  if (a.scalar) return { scalar: true, c: applyUnary(op, a.c) };
  const n = ws.n;
  const av = a.v;
  const v = ws.take();
  // `slope` holds f'(a) per point; the chain rule then scales every partial of `a` by it.
  const slope = ws.take();
  switch (op) {
    case 'neg':
      for (let i = 0; i < n; i++) v[i] = -(av[i] as number);
      slope.fill(-1);
      break;
    case 'sqrt':
      for (let i = 0; i < n; i++) {
        const r = Math.sqrt(av[i] as number);
        v[i] = r;
        slope[i] = 0.5 / r;
      }
      break;
    case 'square':
      for (let i = 0; i < n; i++) {
        const ai = av[i] as number;
        v[i] = ai * ai;
        slope[i] = 2 * ai;
      }
      break;
    case 'sin':
      for (let i = 0; i < n; i++) {
        const ai = av[i] as number;
        v[i] = Math.sin(ai);
        slope[i] = Math.cos(ai);
      }
      break;
    case 'cos':
      for (let i = 0; i < n; i++) {
        const ai = av[i] as number;
        v[i] = Math.cos(ai);
        slope[i] = -Math.sin(ai);
      }
      break;
    case 'exp':
      for (let i = 0; i < n; i++) {
        const e = Math.exp(av[i] as number);
        v[i] = e;
        slope[i] = e;
      }
      break;
    case 'log':
      for (let i = 0; i < n; i++) {
        const ai = av[i] as number;
        v[i] = Math.log(ai);
        slope[i] = 1 / ai;
      }
      break;
    case 'abs':
      for (let i = 0; i < n; i++) {
        const ai = av[i] as number;
        v[i] = Math.abs(ai);
        slope[i] = Math.sign(ai);
      }
      break;
  }
  const d = a.d.map((da) => {
    const out = ws.take();
    for (let i = 0; i < n; i++) out[i] = (slope[i] as number) * (da[i] as number);
    return out;
  });
  return { scalar: false, v, vars: a.vars, d };
}

function binaryDual(op: BinaryOp, a: Dual, b: Dual, ws: Workspace): Dual {
  if (a.scalar && b.scalar) return { scalar: true, c: applyBinary(op, a.c, b.c) };
  switch (op) {
    case '+':
      return linearCombination(a, 1, b, 1, ws);
    case '-':
      return linearCombination(a, 1, b, -1, ws);
    case '*':
      return product(a, b, ws);
    case '/':
      return quotient(a, b, ws);
    case '^':
      return power(a, b, ws);
  }
}

/** Broadcasts a scalar dual to a vector of the workspace's length. */
function asVector(a: Dual, ws: Workspace): VectorDual {
  if (!a.scalar) return a;
  return { scalar: false, v: ws.take().fill(a.c), vars: [], d: [] };
}

/** Merges the partials of `alpha * a + beta * b`, where `a` and `b` partials scale by per-point or constant factors. */
function mergePartials(
  a: VectorDual,
  scaleA: number | Float64Array,
  b: VectorDual,
  scaleB: number | Float64Array,
  ws: Workspace,
): { vars: number[]; d: Float64Array[] } {
  const n = ws.n;
  const vars: number[] = [];
  const d: Float64Array[] = [];
  let i = 0;
  let j = 0;
  while (i < a.vars.length || j < b.vars.length) {
    const va = i < a.vars.length ? (a.vars[i] as number) : Infinity;
    const vb = j < b.vars.length ? (b.vars[j] as number) : Infinity;
    const out = ws.take();
    if (va === vb) {
      scaledSum(out, a.d[i] as Float64Array, scaleA, b.d[j] as Float64Array, scaleB, n);
      vars.push(va);
      i++;
      j++;
    } else if (va < vb) {
      scaled(out, a.d[i] as Float64Array, scaleA, n);
      vars.push(va);
      i++;
    } else {
      scaled(out, b.d[j] as Float64Array, scaleB, n);
      vars.push(vb);
      j++;
    }
    d.push(out);
  }
  return { vars, d };
}

function scaled(out: Float64Array, x: Float64Array, s: number | Float64Array, n: number): void {
  if (typeof s === 'number') for (let i = 0; i < n; i++) out[i] = s * (x[i] as number);
  else for (let i = 0; i < n; i++) out[i] = (s[i] as number) * (x[i] as number);
}

function scaledSum(
  out: Float64Array,
  x: Float64Array,
  sx: number | Float64Array,
  y: Float64Array,
  sy: number | Float64Array,
  n: number,
): void {
  if (typeof sx === 'number' && typeof sy === 'number') {
    for (let i = 0; i < n; i++) out[i] = sx * (x[i] as number) + sy * (y[i] as number);
    return;
  }
  for (let i = 0; i < n; i++) {
    const fx = typeof sx === 'number' ? sx : (sx[i] as number);
    const fy = typeof sy === 'number' ? sy : (sy[i] as number);
    out[i] = fx * (x[i] as number) + fy * (y[i] as number);
  }
}

function linearCombination(a: Dual, alpha: number, b: Dual, beta: number, ws: Workspace): Dual {
  const n = ws.n;
  const v = ws.take();
  if (a.scalar || b.scalar) {
    const vec = (a.scalar ? b : a) as VectorDual;
    const c = a.scalar ? alpha * a.c : beta * (b as { c: number }).c;
    const s = a.scalar ? beta : alpha;
    const vv = vec.v;
    for (let i = 0; i < n; i++) v[i] = c + s * (vv[i] as number);
    const d = s === 1 ? vec.d : vec.d.map((dk) => negated(dk, ws));
    return { scalar: false, v, vars: vec.vars, d };
  }
  const av = a.v;
  const bv = b.v;
  for (let i = 0; i < n; i++) v[i] = alpha * (av[i] as number) + beta * (bv[i] as number);
  return { scalar: false, v, ...mergePartials(a, alpha, b, beta, ws) };
}

function negated(x: Float64Array, ws: Workspace): Float64Array {
  const out = ws.take();
  for (let i = 0; i < ws.n; i++) out[i] = -(x[i] as number);
  return out;
}

function product(a: Dual, b: Dual, ws: Workspace): Dual {
  const n = ws.n;
  const v = ws.take();
  if (a.scalar || b.scalar) {
    const vec = (a.scalar ? b : a) as VectorDual;
    const c = a.scalar ? a.c : (b as { c: number }).c;
    const vv = vec.v;
    for (let i = 0; i < n; i++) v[i] = c * (vv[i] as number);
    const d = vec.d.map((dk) => {
      const out = ws.take();
      scaled(out, dk, c, n);
      return out;
    });
    return { scalar: false, v, vars: vec.vars, d };
  }
  const av = a.v;
  const bv = b.v;
  for (let i = 0; i < n; i++) v[i] = (av[i] as number) * (bv[i] as number);
  // d(ab) = b da + a db
  return { scalar: false, v, ...mergePartials(a, bv, b, av, ws) };
}

function quotient(a: Dual, b: Dual, ws: Workspace): Dual {
  const n = ws.n;
  const v = ws.take();
  if (b.scalar) {
    const va = a as VectorDual;
    const inv = 1 / b.c;
    const av = va.v;
    // Divide rather than multiply by `inv`: the value must round like `a / b` everywhere else (x / x is 1).
    for (let i = 0; i < n; i++) v[i] = (av[i] as number) / b.c;
    const d = va.d.map((dk) => {
      const out = ws.take();
      scaled(out, dk, inv, n);
      return out;
    });
    return { scalar: false, v, vars: va.vars, d };
  }
  const numerator = asVector(a, ws);
  const av = numerator.v;
  const bv = b.v;
  const invB = ws.take();
  const minusQuotientOverB = ws.take();
  for (let i = 0; i < n; i++) {
    const ib = 1 / (bv[i] as number);
    const q = (av[i] as number) / (bv[i] as number);
    v[i] = q;
    invB[i] = ib;
    minusQuotientOverB[i] = -q * ib;
  }
  // d(a/b) = da / b - (a/b) db / b
  return { scalar: false, v, ...mergePartials(numerator, invB, b, minusQuotientOverB, ws) };
}

function power(a: Dual, b: Dual, ws: Workspace): Dual {
  const n = ws.n;
  const v = ws.take();
  const base = asVector(a, ws);
  const av = base.v;
  if (b.scalar) {
    const c = b.c;
    const slope = ws.take();
    for (let i = 0; i < n; i++) {
      const ai = av[i] as number;
      v[i] = Math.pow(ai, c);
      slope[i] = c * Math.pow(ai, c - 1);
    }
    const d = base.d.map((dk) => {
      const out = ws.take();
      scaled(out, dk, slope, n);
      return out;
    });
    return { scalar: false, v, vars: base.vars, d };
  }
  const bv = b.v;
  const slopeA = ws.take();
  const slopeB = ws.take();
  for (let i = 0; i < n; i++) {
    const ai = av[i] as number;
    const bi = bv[i] as number;
    const p = Math.pow(ai, bi);
    v[i] = p;
    slopeA[i] = bi * Math.pow(ai, bi - 1);
    slopeB[i] = p * Math.log(ai);
  }
  return { scalar: false, v, ...mergePartials(base, slopeA, b, slopeB, ws) };
}
