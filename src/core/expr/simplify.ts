// Cheap algebraic simplification, run on every search candidate and before display. A few
// bottom-up passes of local rules plus collection of like terms (in sums) and like factors (in
// products). Guarantees: the value is kept wherever the input and all its intermediates are
// finite (up to rounding), the node count never grows, and no operator outside `allowed` appears.

import { evaluateScalar } from './evaluate.ts';
import { binary, constant, exprEquals, nodeCount, unary } from './types.ts';
import type { Expr, Operator } from './types.ts';

const MAX_PASSES = 4;
const NO_POINT: readonly number[] = [];

interface Context {
  readonly allowed: ReadonlySet<Operator> | undefined;
}

const allows = (ctx: Context, op: Operator): boolean => ctx.allowed === undefined || ctx.allowed.has(op);
const isConst = (e: Expr, v: number): boolean => e.kind === 'const' && e.value === v;

/** The constant `e` stands for, when it is finite; undefined otherwise. */
function foldedValue(e: Expr): number | undefined {
  const v = evaluateScalar(e, NO_POINT);
  return Number.isFinite(v) ? v : undefined;
}

/** -e without a new `neg` where possible: -c, (-c) * a, a for -(-a). Undefined if impossible. */
function negate(e: Expr, ctx: Context): Expr | undefined {
  if (e.kind === 'const') return constant(-e.value);
  if (e.kind === 'unary' && e.op === 'neg') return e.arg;
  if (e.kind === 'binary' && e.op === '*' && e.left.kind === 'const')
    return binary('*', constant(-e.left.value), e.right);
  return allows(ctx, 'neg') ? unary('neg', e) : undefined;
}

// ---- Sums: a list of signed terms, each a coefficient times a term expression. ----

interface Term {
  /** The term without its coefficient; undefined for a constant. */
  readonly key: Expr | undefined;
  coefficient: number;
  /** How the term appeared (without the sign from - or neg), kept when nothing merges into it. */
  readonly original: Expr;
  readonly sign: number;
  count: number;
}

function splitCoefficient(e: Expr): [number, Expr | undefined] {
  if (e.kind === 'const') return [e.value, undefined];
  if (e.kind === 'binary' && e.op === '*') {
    if (e.left.kind === 'const') return [e.left.value, e.right];
    if (e.right.kind === 'const') return [e.right.value, e.left];
  }
  return [1, e];
}

function collectTerms(e: Expr, sign: number, terms: Term[]): void {
  if (e.kind === 'binary' && (e.op === '+' || e.op === '-')) {
    collectTerms(e.left, sign, terms);
    collectTerms(e.right, e.op === '-' ? -sign : sign, terms);
    return;
  }
  if (e.kind === 'unary' && e.op === 'neg') {
    collectTerms(e.arg, -sign, terms);
    return;
  }
  const [c, key] = splitCoefficient(e);
  const same = terms.find((t) =>
    t.key === undefined ? key === undefined : key !== undefined && exprEquals(t.key, key),
  );
  if (same === undefined) {
    terms.push({ key, coefficient: sign * c, original: e, sign, count: 1 });
  } else {
    same.coefficient += sign * c;
    same.count++;
  }
}

/** A term as (sign, magnitude expression), or undefined if writing it needs a disallowed operator. */
function termParts(t: Term, ctx: Context): [number, Expr] | undefined {
  const c = t.coefficient;
  if (t.key === undefined) return [Math.sign(c), constant(Math.abs(c))];
  if (t.count === 1) return [t.sign, t.original];
  if (Math.abs(c) === 1) return [c, t.key];
  return allows(ctx, '*') ? [Math.sign(c), binary('*', constant(Math.abs(c)), t.key)] : undefined;
}

function rebuildSum(e: Expr, ctx: Context): Expr {
  const terms: Term[] = [];
  collectTerms(e, 1, terms);
  const merged = terms.some((t) => t.count > 1);
  const kept = terms.filter((t) => t.coefficient !== 0);
  if (kept.some((t) => !Number.isFinite(t.coefficient))) return e;
  // Constant last, and a positive term first so the sum does not open with a minus.
  kept.sort((p, q) => Number(p.key === undefined) - Number(q.key === undefined));
  const firstPositive = kept.findIndex((t) => t.coefficient > 0);
  if (firstPositive > 0) kept.unshift(...kept.splice(firstPositive, 1));

  let acc: Expr | undefined;
  for (const t of kept) {
    const parts = termParts(t, ctx);
    if (parts === undefined) return e;
    const [sign, magnitude] = parts;
    if (acc === undefined) {
      acc = sign < 0 ? negate(magnitude, ctx) : magnitude;
    } else if (sign < 0 && allows(ctx, '-')) {
      acc = binary('-', acc, magnitude);
    } else if (allows(ctx, '+')) {
      const signed = sign < 0 ? negate(magnitude, ctx) : magnitude;
      acc = signed && binary('+', acc, signed);
    } else if (allows(ctx, '-')) {
      const flipped = negate(magnitude, ctx);
      acc = flipped && binary('-', acc, flipped);
    } else {
      acc = undefined;
    }
    if (acc === undefined) return e;
  }
  return better(acc ?? constant(0), e, merged);
}

/** Takes the rewrite if it is smaller, or as small and something merged (x + x -> 2 * x). */
function better(rewritten: Expr, original: Expr, merged: boolean): Expr {
  const n = nodeCount(rewritten);
  const m = nodeCount(original);
  return n < m || (n === m && merged) ? rewritten : original;
}

// ---- Products: a constant times bases raised to numeric powers. ----

interface Factor {
  readonly base: Expr;
  power: number;
  readonly original: Expr;
  readonly originalPower: number;
  count: number;
}

function collectFactors(
  e: Expr,
  power: number,
  factors: Factor[],
  scale: { value: number; count: number },
): void {
  if (e.kind === 'binary' && (e.op === '*' || e.op === '/')) {
    collectFactors(e.left, power, factors, scale);
    collectFactors(e.right, e.op === '/' ? -power : power, factors, scale);
    return;
  }
  if (e.kind === 'unary' && e.op === 'neg') {
    scale.value = -scale.value;
    collectFactors(e.arg, power, factors, scale);
    return;
  }
  if (e.kind === 'const') {
    scale.value = power > 0 ? scale.value * e.value : scale.value / e.value;
    scale.count++;
    return;
  }
  let base: Expr = e;
  let p = power;
  if (e.kind === 'unary' && e.op === 'square') [base, p] = [e.arg, 2 * power];
  if (e.kind === 'binary' && e.op === '^' && e.right.kind === 'const')
    [base, p] = [e.left, e.right.value * power];
  const same = factors.find((f) => exprEquals(f.base, base));
  if (same === undefined || !mergeablePowers(same.power, p)) {
    factors.push({ base, power: p, original: e, originalPower: power, count: 1 });
  } else {
    same.power += p;
    same.count++;
  }
}

/**
 * Whether a + b is a power that x^a * x^b can become: its rounding error (Knuth's TwoSum) is
 * negligible. Beyond 2^53 it is not: 1.9e21 - 1 rounds to 1.9e21, and x^1.9e21 / x would change
 * sign at x = -1.
 */
function mergeablePowers(a: number, b: number): boolean {
  const sum = a + b;
  const bPart = sum - a;
  const error = a - (sum - bPart) + (b - bPart);
  return Math.abs(error) <= 1e-9;
}

/** base^p for p > 0 with the operators allowed, or undefined. */
function powerOf(base: Expr, p: number, ctx: Context): Expr | undefined {
  if (p === 1) return base;
  if (p === 2 && allows(ctx, 'square')) return unary('square', base);
  if (allows(ctx, '^')) return binary('^', base, constant(p));
  return undefined;
}

function productOf(list: readonly Expr[], ctx: Context): Expr | undefined {
  let acc: Expr | undefined;
  for (const f of list) {
    if (acc === undefined) acc = f;
    else if (allows(ctx, '*')) acc = binary('*', acc, f);
    else return undefined;
  }
  return acc;
}

function rebuildProduct(e: Expr, ctx: Context): Expr {
  const factors: Factor[] = [];
  const scale = { value: 1, count: 0 };
  collectFactors(e, 1, factors, scale);
  const c = scale.value;
  if (!Number.isFinite(c)) return e;
  if (c === 0) return constant(0);
  const merged = scale.count > 1 || factors.some((f) => f.count > 1);
  const numerator: Expr[] = [];
  const denominator: Expr[] = [];
  for (const f of factors) {
    if (f.count === 1) {
      (f.originalPower > 0 ? numerator : denominator).push(f.original);
    } else if (!Number.isFinite(f.power)) {
      return e;
    } else if (f.power !== 0) {
      const term = powerOf(f.base, Math.abs(f.power), ctx);
      if (term === undefined) return e;
      (f.power > 0 ? numerator : denominator).push(term);
    }
  }
  if (Math.abs(c) !== 1 || numerator.length === 0) numerator.unshift(constant(Math.abs(c)));
  let result = productOf(numerator, ctx);
  const under = productOf(denominator, ctx);
  if (result === undefined || (denominator.length > 0 && under === undefined)) return e;
  if (under !== undefined) {
    if (!allows(ctx, '/')) return e;
    result = binary('/', result, under);
  }
  if (c < 0) {
    const negated = negate(result, ctx);
    if (negated === undefined) return e;
    result = negated;
  }
  return better(result, e, merged);
}

// ---- Local rules, bottom-up. ----

function simplifyUnary(e: Expr & { kind: 'unary' }, arg: Expr, ctx: Context): Expr {
  const node = arg === e.arg ? e : unary(e.op, arg);
  if (arg.kind === 'const') {
    const v = foldedValue(node);
    if (v !== undefined) return constant(v);
  }
  const inner = arg.kind === 'unary' ? arg.op : undefined;
  switch (e.op) {
    case 'neg':
      if (inner === 'neg' && arg.kind === 'unary') return arg.arg;
      if (arg.kind === 'binary' && arg.op === '-') return binary('-', arg.right, arg.left);
      if (arg.kind === 'binary' && arg.op === '*' && arg.left.kind === 'const')
        return negate(arg, ctx) ?? node;
      return node;
    case 'square':
    case 'abs':
    case 'cos':
      // Even functions ignore the sign; abs of something non-negative is itself.
      if (inner === 'neg' && arg.kind === 'unary') return unary(e.op, arg.arg);
      if (e.op === 'abs' && (inner === 'abs' || inner === 'square' || inner === 'sqrt' || inner === 'exp'))
        return arg;
      return node;
    case 'sqrt':
      if (inner === 'square' && arg.kind === 'unary' && allows(ctx, 'abs')) return unary('abs', arg.arg);
      return node;
    case 'exp':
      return inner === 'log' && arg.kind === 'unary' ? arg.arg : node;
    case 'log':
      return inner === 'exp' && arg.kind === 'unary' ? arg.arg : node;
    default:
      return node;
  }
}

function simplifyPower(node: Expr, left: Expr, right: Expr, ctx: Context): Expr {
  if (isConst(right, 1)) return left;
  if (isConst(right, 0) || isConst(left, 1)) return constant(1);
  if (isConst(right, 2) && allows(ctx, 'square')) return unary('square', left);
  if (isConst(right, 0.5) && allows(ctx, 'sqrt')) return unary('sqrt', left);
  return node;
}

function simplifyNode(e: Expr, ctx: Context): Expr {
  switch (e.kind) {
    case 'const':
    case 'var':
      return e;
    case 'unary':
      return simplifyUnary(e, simplifyNode(e.arg, ctx), ctx);
    case 'binary': {
      const left = simplifyNode(e.left, ctx);
      const right = simplifyNode(e.right, ctx);
      const node = left === e.left && right === e.right ? e : binary(e.op, left, right);
      if (left.kind === 'const' && right.kind === 'const') {
        const v = foldedValue(node);
        if (v !== undefined) return constant(v);
      }
      switch (e.op) {
        case '+':
        case '-':
          return rebuildSum(node, ctx);
        case '*':
        case '/':
          return rebuildProduct(node, ctx);
        case '^':
          return simplifyPower(node, left, right, ctx);
      }
    }
  }
  return e;
}

/**
 * A simpler tree with the same value (up to rounding) wherever `expr` and its intermediates are
 * finite: constants folded (unless the result would be non-finite), identities applied, like
 * terms and factors collected. Uses no operator outside `allowed` (every operator when omitted)
 * and never returns more nodes than it was given.
 */
export function simplify(expr: Expr, allowed?: ReadonlySet<Operator>): Expr {
  const ctx: Context = { allowed };
  let current = expr;
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const next = simplifyNode(current, ctx);
    if (next === current) break;
    current = next;
  }
  return nodeCount(current) <= nodeCount(expr) ? current : expr;
}
