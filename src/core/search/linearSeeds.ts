// Seeds for the search read straight off the gradients. Many laws are a sum of a few simple terms
// (an energy: v^2 + x^2 + c e^x) or a product of powers (q1 q2 / (eps r^2), whose logarithm is a
// sum of c_j log x_j). A sum sum_k c_k T_k has the gradient sum_k c_k grad T_k, so the direction
// of the target picks the coefficients c up to scale, by linear algebra: c minimises the share of
// the combined gradient that is perpendicular to the target. A beam search over small subsets of
// a library of terms finds the sums that fit best; they enter the hall of fame before the first
// round, where evolution refines them or passes them over. Nothing here knows the concept: the
// library is built from the operators the user allowed and every input alike.

import { EigenvalueDecomposition, Matrix } from 'ml-matrix';
import { binary, constant, operatorsIn, unary, variable, type Expr, type UnaryOp } from '../expr/types.ts';
import { exactGradients } from '../eval/gradients.ts';
import { compileValue } from '../eval/compile.ts';
import { projectOntoTangent } from '../eval/tangent.ts';
import type { Columns } from '../eval/dual.ts';
import type { Normals } from '../eval/loss.ts';
import type { SearchOptions } from './options.ts';
import { Fitness, type SearchData } from './fitness.ts';
import { complexityWeights, makeConstraint } from './island.ts';
import { complexity } from '../expr/complexity.ts';

/** Points the seeds are fitted on (the first ones: the data's order is already random). */
const SEED_POINTS = 250;
/** Subsets kept at each size of the beam search. */
const BEAM_WIDTH = 6;
/** Most terms in a seeded sum, and most factors in a seeded product. */
const MAX_TERMS = 8;
/** Functions of two inputs' sum or difference enter the library up to this many inputs. */
const MAX_INPUTS_FOR_PAIRS = 6;
/** The largest power in a seeded product (r^-5 in a dipole's field). */
const MAX_POWER = 6;
/** Powers in a seeded product are rounded to halves when this close to one. */
const POWER_TOLERANCE = 0.04;

/** The data the seeds are read from: points, unit target gradients, flat directions. */
export interface SeedData {
  readonly x: Columns;
  readonly t: Columns;
  readonly normals?: Normals;
  /** Further target directions: a seed's gradient may lie anywhere in their span with `t`'s. */
  readonly span?: readonly Columns[];
  /** Directions of concepts already found: a seed is fitted for what its gradient holds beyond them. */
  readonly found?: readonly Columns[];
}

/** What a seed's gradient is fitted to: orthonormal target directions, and found directions to leave. */
interface SeedTarget {
  readonly directions: readonly Columns[];
  readonly found: readonly Columns[];
}

/** A candidate priced on all points, as the hall of fame takes it. */
export interface PricedCandidate {
  tree: Expr;
  complexity: number;
  loss: number;
}

/**
 * The seeds of `linearSeeds` for a gradient search, priced on all points; those that break the
 * search's limits or use an operator it does not allow are left out.
 */
export function pricedSeeds(data: SearchData, options: SearchOptions): PricedCandidate[] {
  if (!options.seedFromGradients || data.target.kind !== 'gradient') return [];
  const seeds = linearSeeds(
    {
      x: data.x,
      t: data.target.t,
      ...(data.target.normals ? { normals: data.target.normals } : {}),
      ...(data.target.span ? { span: data.target.span } : {}),
      ...(data.target.found ? { found: data.target.found } : {}),
    },
    options,
  );
  const fitness = new Fitness(data, options.signInvariant);
  const fits = makeConstraint(options);
  const weights = complexityWeights(options);
  const allowed = new Set<string>([...options.binaryOperators, ...options.unaryOperators]);
  return seeds.flatMap((tree) => {
    const size = complexity(tree, weights);
    if (!fits(tree, size) || ![...operatorsIn(tree)].every((op) => allowed.has(op))) return [];
    const loss = fitness.fullLoss(tree);
    return Number.isFinite(loss) ? [{ tree, complexity: size, loss }] : [];
  });
}

/** Sums and products of library terms whose gradients fit the target's direction best, smallest first. */
export function linearSeeds(data: SeedData, options: SearchOptions): Expr[] {
  const n = Math.min(SEED_POINTS, data.x[0]?.length ?? 0);
  if (n < 2) return [];
  const x = data.x.map((column) => column.subarray(0, n));
  const head = (g: Columns) => g.map((column) => column.subarray(0, n));
  const [t, ...span] = [data.t, ...(data.span ?? [])].map(head);
  const normals = (data.normals ?? []).map((normal) => [...normal]);
  const plain = x.map((_, j) => variable(j));
  // A span's directions mix its concepts point by point: no input pair shows in them alone.
  const merged = span.length === 0 ? mergedInputs(t!) : null;
  const target = { directions: [t!, ...span], found: (data.found ?? []).map(head) };
  return [plain, ...(merged ? [merged] : [])].flatMap((inputs) =>
    seedsOver(inputs, x, target, normals, options),
  );
}

/** The seeds whose terms are built from `inputs` (the variables, or some of them merged). */
function seedsOver(
  inputs: Expr[],
  x: Columns,
  target: SeedTarget,
  normals: readonly number[][],
  options: SearchOptions,
): Expr[] {
  const fits = libraries(inputs, x, options).flatMap((terms) => beamSearch(terms, x, target, normals));
  const sums = fits.map(({ terms, c }) => sumOf(terms, c));
  const factored = fits.flatMap(({ terms, c }) => factoredQuadratic(terms, c, x.length) ?? []);
  // Products of the inputs alone, then with factors: a wide library can lead the beam away
  // from a product of plain powers.
  const products = productBases(inputs, x, options).flatMap((bases) => {
    const logs = bases.map((base) => unary('log', base));
    return beamSearch(logs, x, target, normals).flatMap(({ terms, c }) => {
      const factors = terms.map((term) => bases[logs.indexOf(term)]!);
      return roundedPowers(c).map((powers) => productOf(factors, powers, options));
    });
  });
  return [...sums, ...factored, ...products];
}

/**
 * Two inputs whose gradient components are opposite at every point (to this share of their
 * size, as a mean square) enter the law only through their difference; equal ones, only
 * through their sum.
 */
const MERGE_TOLERANCE = 0.05;

/**
 * The inputs with each pair that enters the law only as a difference or a sum (x2 - x3, read off
 * the gradients: the partials along x2 and x3 cancel everywhere) merged into that one input, as
 * AI Feynman reads such symmetries; null where there is none. A law of positions written in
 * their differences is then a law of fewer inputs, within the libraries' reach.
 */
function mergedInputs(t: Columns): Expr[] | null {
  const d = t.length;
  const meanSquare = (f: (i: number) => number) => {
    let sum = 0;
    for (let i = 0; i < t[0]!.length; i++) sum += f(i) ** 2;
    return sum / t[0]!.length;
  };
  const partner = new Map<number, Expr>();
  for (let j = 0; j < d; j++)
    for (let k = j + 1; k < d; k++) {
      if (partner.has(j) || partner.has(k)) continue;
      const [tj, tk] = [t[j]!, t[k]!];
      const size = meanSquare((i) => tj[i]!) + meanSquare((i) => tk[i]!);
      if (!(size > 0)) continue;
      const join =
        meanSquare((i) => tj[i]! + tk[i]!) <= MERGE_TOLERANCE * size
          ? '-'
          : meanSquare((i) => tj[i]! - tk[i]!) <= MERGE_TOLERANCE * size
            ? '+'
            : null;
      if (!join) continue;
      const pair = binary(join, variable(j), variable(k));
      partner.set(j, pair).set(k, pair);
    }
  if (partner.size === 0) return null;
  return Array.from({ length: d }, (_, j) => partner.get(j) ?? variable(j)).filter(
    (input, j, all) => all.indexOf(input) === j,
  );
}

/** Products take factors that are sums or differences of two monomials up to this many inputs... */
const MAX_INPUTS_FOR_MONOMIAL_FACTORS = 4;
/** ...and sums or differences of two inputs, or of their squares, up to this many. */
const MAX_INPUTS_FOR_PAIR_FACTORS = 6;

/**
 * Libraries of the factors a seeded product is made of, each positive at every point (a product of powers is
 * a sum of their logarithms): the positive inputs and, for few inputs, sums and differences of
 * two monomials without a shared input, 1 among them (c - v, c^2 + v^2, c^2 + u v, x - u t,
 * 1 + chi), written in the order that keeps them positive; a difference that changes sign is no
 * factor of a power; and sums of three inputs' squares. The positive inputs are a library of
 * their own, and so are they with each kind of factor.
 */
function productBases(inputs: Expr[], x: Columns, options: SearchOptions): Expr[][] {
  const d = inputs.length;
  const allowed = new Set<string>([...options.binaryOperators, ...options.unaryOperators]);
  const positive = (base: Expr) => exactValues(base, x).every((v) => v > 0);
  const positiveInputs = inputs.filter(positive);
  if (d > MAX_INPUTS_FOR_PAIR_FACTORS || !allowed.has('*')) return [positiveInputs];
  // 1 pairs with every monomial (1 + chi, 1 - v/c once c is divided out): a dimensionless law's unit.
  const monomials: { expr: Expr; uses: number[]; shape: 'one' | 'input' | 'square' | 'product' }[] = [
    { expr: constant(1), uses: [], shape: 'one' },
  ];
  for (let j = 0; j < d; j++) {
    monomials.push({ expr: inputs[j]!, uses: [j], shape: 'input' });
    if (allowed.has('square'))
      monomials.push({ expr: unary('square', inputs[j]!), uses: [j], shape: 'square' });
    if (d <= MAX_INPUTS_FOR_MONOMIAL_FACTORS)
      for (let k = j + 1; k < d; k++)
        monomials.push({ expr: binary('*', inputs[j]!, inputs[k]!), uses: [j, k], shape: 'product' });
  }
  const pairs: Expr[] = [];
  const withOne: Expr[] = [];
  for (const [i, a] of monomials.entries())
    for (const b of monomials.slice(i + 1)) {
      const factors = a.shape === 'one' ? withOne : pairs;
      if (a.uses.some((j) => b.uses.includes(j))) continue;
      if (d > MAX_INPUTS_FOR_MONOMIAL_FACTORS && a.shape !== b.shape && a.shape !== 'one') continue;
      if (allowed.has('+')) factors.push(binary('+', a.expr, b.expr));
      // c^2 - v^2 is (c - v)(c + v), already a product of factors (and 1 is a square): the
      // library must not hold its own logarithm twice over (the fit would cancel them).
      const squares = [a, b].every((m) => m.shape === 'square' || m.shape === 'one');
      if (allowed.has('-') && !squares)
        factors.push(binary('-', a.expr, b.expr), binary('-', b.expr, a.expr));
    }
  // A squared length in three dimensions (x^2 + y^2 + z^2, the merged differences of two
  // positions): sums of three inputs' squares.
  const threeSquares: Expr[] = [];
  if (allowed.has('square') && allowed.has('+'))
    for (let i = 0; i < d; i++)
      for (let j = i + 1; j < d; j++)
        for (let k = j + 1; k < d; k++)
          threeSquares.push(
            binary(
              '+',
              binary('+', unary('square', inputs[i]!), unary('square', inputs[j]!)),
              unary('square', inputs[k]!),
            ),
          );
  // Each kind of factor in a library of its own: one wide library leads the beam astray.
  return [
    positiveInputs,
    ...[pairs, withOne, threeSquares].map((factors) => [...positiveInputs, ...factors.filter(positive)]),
  ];
}

/** The values of `tree` at every point. */
function exactValues(tree: Expr, x: Columns): Float64Array {
  const n = x[0]?.length ?? 0;
  const out = new Float64Array(n);
  compileValue(tree)(x, out, n);
  return out;
}

/**
 * Libraries of terms built from the allowed operators, each searched on its own so that terms of
 * one kind cannot crowd out a fit of another: the inputs (linear laws), the inputs with their
 * products and squares (quadratic forms), and the inputs with each allowed function of one input,
 * x^4 and, for few inputs, sin, cos and exp of two inputs' sum or difference (sums of such terms,
 * such as energies); and the inputs with their squares and, for few inputs, the lengths of two or
 * three inputs and their reciprocals.
 */
function libraries(inputs: Expr[], x: Columns, options: SearchOptions): Expr[][] {
  const d = inputs.length;
  const allowed = new Set<string>([...options.binaryOperators, ...options.unaryOperators]);
  const positiveInputs = inputs.map((input) => exactValues(input, x).every((v) => v > 0));
  const positive = (j: number) => positiveInputs[j]!;
  const quadratic: Expr[] = [];
  if (allowed.has('*'))
    for (let j = 0; j < d; j++)
      for (let k = j; k < d; k++)
        quadratic.push(
          j === k && allowed.has('square')
            ? unary('square', inputs[j]!)
            : binary('*', inputs[j]!, inputs[k]!),
        );
  const oneInput: Expr[] = [];
  const unaries: UnaryOp[] = ['square', 'sqrt', 'sin', 'cos', 'exp', 'log'];
  for (const op of unaries) {
    if (!allowed.has(op)) continue;
    for (let j = 0; j < d; j++) {
      if ((op === 'sqrt' || op === 'log') && !positive(j)) continue;
      oneInput.push(unary(op, inputs[j]!));
    }
  }
  if (allowed.has('square'))
    for (let j = 0; j < d; j++) oneInput.push(unary('square', unary('square', inputs[j]!)));
  const squares = inputs.map((input) => unary('square', input));
  // sin(x1 + x2), exp(x0 - x1): functions of a sum or difference of two inputs, for few inputs.
  const twoInputs: Expr[] = [];
  if (d <= MAX_INPUTS_FOR_PAIRS)
    for (const op of ['sin', 'cos', 'exp'] as const) {
      if (!allowed.has(op)) continue;
      for (let j = 0; j < d; j++)
        for (let k = j + 1; k < d; k++)
          for (const join of ['+', '-'] as const)
            if (allowed.has(join)) twoInputs.push(unary(op, binary(join, inputs[j]!, inputs[k]!)));
    }
  return [
    inputs,
    [...inputs, ...quadratic],
    [...inputs, ...oneInput, ...twoInputs],
    [...inputs, ...squares, ...lengths(squares, allowed)],
  ];
}

/**
 * The length r of each two or three inputs (given as their `squared`), and 1/r, for few inputs: a
 * distance, and the potential of a central force in a sum (|v|^2/2 - 1/|x|).
 */
function lengths(squared: Expr[], allowed: ReadonlySet<string>): Expr[] {
  const d = squared.length;
  if (d > MAX_INPUTS_FOR_PAIRS || !['square', 'sqrt', '+', '/'].every((op) => allowed.has(op))) return [];
  const sums: Expr[] = [];
  for (let i = 0; i < d; i++)
    for (let j = i + 1; j < d; j++) {
      sums.push(binary('+', squared[i]!, squared[j]!));
      for (let k = j + 1; k < d; k++)
        sums.push(binary('+', binary('+', squared[i]!, squared[j]!), squared[k]!));
    }
  return sums.flatMap((sum) => {
    const r = unary('sqrt', sum);
    return [r, binary('/', constant(1), r)];
  });
}

interface Fit {
  terms: Expr[];
  /** Coefficients, one per term. */
  c: number[];
  /** Share of the combined gradient perpendicular to the target, weighted by its length. */
  misfit: number;
}

/**
 * For subsets of `terms` of each size up to MAX_TERMS, the coefficients that minimise the
 * Rayleigh quotient c'Ac / c'Bc, where A sums the squared parts of the gradients perpendicular to
 * the target and B their squared lengths (so combinations whose gradients cancel cannot look
 * good); the best fit of each size. Subsets are grown one term at a time from the best
 * BEAM_WIDTH of the size before and, for small libraries, also shrunk one term at a time from
 * the whole library (a forward beam can be led away by terms that mimic a part of the law; the
 * whole library holds it, and dropping what it does not need keeps it).
 */
function beamSearch(terms: Expr[], x: Columns, target: SeedTarget, normals: readonly number[][]): Fit[] {
  const k = terms.length;
  if (k === 0) return [];
  const gradients = terms.map((term) => projectOntoTangent(exactGradients(term, x), normals));
  const usable = terms.flatMap((_, i) =>
    gradients[i]!.every((column) => column.every(Number.isFinite)) ? [i] : [],
  );
  const { a, b } = gramMatrices(gradients, target);
  const bySize = forwardBeam(a, b, usable);
  if (usable.length <= BACKWARD_LIMIT)
    for (const [size, fit] of backwardElimination(a, b, usable))
      if (fit.misfit < (bySize.get(size)?.misfit ?? Infinity)) bySize.set(size, fit);
  return [...bySize.entries()]
    .sort(([p], [q]) => p - q)
    .map(([, fit]) => ({ terms: fit.indices.map((i) => terms[i]!), c: fit.c, misfit: fit.misfit }));
}

interface SubsetFit {
  indices: number[];
  misfit: number;
  c: number[];
}

/** Libraries up to this many terms are also searched by backward elimination. */
const BACKWARD_LIMIT = 64;

/** The best subset of each size, grown one term at a time from the best of the size before. */
function forwardBeam(a: number[][], b: number[][], usable: number[]): Map<number, SubsetFit> {
  let beam: SubsetFit[] = [{ indices: [], misfit: Infinity, c: [] }];
  const best = new Map<number, SubsetFit>();
  for (let size = 1; size <= Math.min(MAX_TERMS, usable.length); size++) {
    const grown = new Map<string, SubsetFit>();
    for (const entry of beam) {
      for (const next of usable) {
        if (entry.indices.includes(next)) continue;
        const indices = [...entry.indices, next].sort((p, q) => p - q);
        const key = indices.join(',');
        if (grown.has(key)) continue;
        const fit = smallestRayleigh(a, b, indices);
        if (fit) grown.set(key, { indices, ...fit });
      }
    }
    beam = [...grown.values()].sort((p, q) => p.misfit - q.misfit).slice(0, BEAM_WIDTH);
    const top = beam[0];
    if (!top) break;
    best.set(size, top);
    if (top.misfit < 1e-14) break;
  }
  return best;
}

/**
 * The best subset of each size up to MAX_TERMS found by starting from the whole library and
 * dropping, one at a time, the term whose loss costs least. A large library is first cut to the
 * BACKWARD_START terms that weigh most in the fit of all of them (coefficient times gradient
 * size). B gets a faint ridge, so that nearly dependent gradients can still be solved.
 */
function backwardElimination(a: number[][], b: number[][], usable: number[]): Map<number, SubsetFit> {
  const ridged = b.map((row, i) => row.map((v, j) => (i === j ? v * (1 + 1e-9) : v)));
  const best = new Map<number, SubsetFit>();
  let current = [...usable];
  if (current.length > BACKWARD_START) {
    const whole = smallestRayleigh(a, ridged, current);
    if (!whole) return best;
    const weight = (k: number) => Math.abs(whole.c[k]!) * Math.sqrt(b[current[k]!]![current[k]!]!);
    current = current
      .map((term, k) => ({ term, w: weight(k) }))
      .sort((p, q) => q.w - p.w)
      .slice(0, BACKWARD_START)
      .map(({ term }) => term)
      .sort((p, q) => p - q);
  }
  while (current.length > 1) {
    let cheapest: SubsetFit | null = null;
    for (const drop of current) {
      const indices = current.filter((i) => i !== drop);
      const fit = smallestRayleigh(a, ridged, indices);
      if (fit && (!cheapest || fit.misfit < cheapest.misfit)) cheapest = { indices, ...fit };
    }
    if (!cheapest) break;
    current = cheapest.indices;
    if (current.length <= MAX_TERMS) best.set(current.length, cheapest);
  }
  return best;
}

/** Backward elimination starts from at most this many terms. */
const BACKWARD_START = 14;

/**
 * A[k][l] = sum_i g_k.g_l - sum_r (g_k.t_r)(g_l.t_r) and B[k][l] = sum_i g_k.g_l - sum_f
 * (g_k.f)(g_l.f) over the points, for the orthonormal target directions t_r (one, or a span's)
 * and found directions f: the misfit is the part of a combination's gradient off the target, as a
 * share of its part beyond what was found (a combination along a found concept fits nothing new).
 */
function gramMatrices(gradients: Float64Array[][], target: SeedTarget): { a: number[][]; b: number[][] } {
  const k = gradients.length;
  const n = target.directions[0]?.[0]?.length ?? 0;
  const along = (directions: readonly Columns[]) =>
    gradients.map((g) =>
      directions.map((t) => {
        const s = new Float64Array(n);
        g.forEach((column, j) => column.forEach((v, i) => (s[i]! += v * t[j]![i]!)));
        return s;
      }),
    );
  const [alongTargets, alongFound] = [along(target.directions), along(target.found)];
  /** sum over the points and directions of (g_p.t)(g_q.t). */
  const shared = (parts: Float64Array[][], p: number, q: number) => {
    let sum = 0;
    for (const [r, sp] of parts[p]!.entries()) {
      const sq = parts[q]![r]!;
      for (let i = 0; i < n; i++) sum += sp[i]! * sq[i]!;
    }
    return sum;
  };
  const active = gradients.map((g) => g.flatMap((column, j) => (column.some((v) => v !== 0) ? [j] : [])));
  const a = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  const b = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  for (let p = 0; p < k; p++) {
    for (let q = p; q < k; q++) {
      let gg = 0;
      for (const j of active[p]!) {
        if (!active[q]!.includes(j)) continue;
        const [gp, gq] = [gradients[p]![j]!, gradients[q]![j]!];
        for (let i = 0; i < n; i++) gg += gp[i]! * gq[i]!;
      }
      a[p]![q] = a[q]![p] = gg - shared(alongTargets, p, q);
      b[p]![q] = b[q]![p] = gg - shared(alongFound, p, q);
    }
  }
  return { a, b };
}

/** min over c of c'Ac / c'Bc on the sub-matrices of `indices`, by Cholesky of B; null if B is singular. */
function smallestRayleigh(
  a: number[][],
  b: number[][],
  indices: number[],
): { misfit: number; c: number[] } | null {
  const s = indices.length;
  const sub = (m: number[][]) => indices.map((p) => indices.map((q) => m[p]![q]!));
  // Cholesky B = L L'; the problem becomes the symmetric eigenproblem of L^-1 A L^-T.
  const l = sub(b);
  for (let j = 0; j < s; j++) {
    for (let k = 0; k < j; k++) {
      for (let i = j; i < s; i++) l[i]![j]! -= l[i]![k]! * l[j]![k]!;
    }
    const pivot = l[j]![j]!;
    if (!(pivot > 1e-12 * Math.max(1, b[indices[j]!]![indices[j]!]!))) return null;
    const root = Math.sqrt(pivot);
    for (let i = j; i < s; i++) l[i]![j]! /= root;
  }
  const inverse = invertLower(l);
  // M = L^-1 A L^-T, symmetric; its smallest eigenpair (y) gives c = L^-T y.
  const sa = sub(a);
  const la = inverse.map((row) => indices.map((_, q) => row.reduce((sum, v, k) => sum + v * sa[k]![q]!, 0)));
  const m = la.map((row) => inverse.map((other) => row.reduce((sum, v, k) => sum + v * other[k]!, 0)));
  const { value, vector } = smallestEigenpair(m);
  const c = indices.map((_, k) => inverse.reduce((sum, row, i) => sum + row[k]! * vector[i]!, 0));
  return c.every(Number.isFinite) ? { misfit: Math.max(0, value), c } : null;
}

/** The inverse of a lower-triangular matrix with a positive diagonal. */
function invertLower(lower: number[][]): number[][] {
  const s = lower.length;
  const inverse = Array.from({ length: s }, () => new Array<number>(s).fill(0));
  for (let col = 0; col < s; col++) {
    for (let i = col; i < s; i++) {
      let sum = i === col ? 1 : 0;
      for (let k = col; k < i; k++) sum -= lower[i]![k]! * inverse[k]![col]!;
      inverse[i]![col] = sum / lower[i]![i]!;
    }
  }
  return inverse;
}

/**
 * The smallest eigenvalue of a small symmetric matrix and its unit eigenvector, by cyclic Jacobi
 * rotations (the beam search solves thousands of these, of size 8 at most).
 */
function smallestEigenpair(matrix: number[][]): { value: number; vector: number[] } {
  const s = matrix.length;
  const m = matrix.map((row) => [...row]);
  const v = Array.from({ length: s }, (_, i) =>
    Array.from({ length: s }, (_, j): number => (i === j ? 1 : 0)),
  );
  for (let sweep = 0; sweep < 50; sweep++) {
    let off = 0;
    for (let p = 0; p < s; p++) for (let q = p + 1; q < s; q++) off += m[p]![q]! ** 2;
    if (off < 1e-30) break;
    for (let p = 0; p < s; p++) {
      for (let q = p + 1; q < s; q++) {
        const apq = m[p]![q]!;
        if (Math.abs(apq) < 1e-300) continue;
        const theta = (m[q]![q]! - m[p]![p]!) / (2 * apq);
        const tan = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const cos = 1 / Math.sqrt(tan * tan + 1);
        const sin = tan * cos;
        for (let k = 0; k < s; k++) {
          const [mkp, mkq] = [m[k]![p]!, m[k]![q]!];
          m[k]![p] = cos * mkp - sin * mkq;
          m[k]![q] = sin * mkp + cos * mkq;
        }
        for (let k = 0; k < s; k++) {
          const [mpk, mqk] = [m[p]![k]!, m[q]![k]!];
          m[p]![k] = cos * mpk - sin * mqk;
          m[q]![k] = sin * mpk + cos * mqk;
        }
        for (let k = 0; k < s; k++) {
          const [vkp, vkq] = [v[k]![p]!, v[k]![q]!];
          v[k]![p] = cos * vkp - sin * vkq;
          v[k]![q] = sin * vkp + cos * vkq;
        }
      }
    }
  }
  let smallest = 0;
  for (let i = 1; i < s; i++) if (m[i]![i]! < m[smallest]![smallest]!) smallest = i;
  return { value: m[smallest]![smallest]!, vector: v.map((row) => row[smallest]!) };
}

/**
 * A fitted quadratic form (terms x_j x_k and x_j^2 only) that is indefinite of rank 2 written as
 * the product of its two linear factors, (u.x)(w.x): x0^2 + 3 x0 x1 + 2 x1^2 = (x0 + x1)(x0 + 2 x1).
 * Null for any other fit.
 */
function factoredQuadratic(terms: Expr[], c: number[], d: number): Expr | null {
  const form = Matrix.zeros(d, d);
  for (const [i, term] of terms.entries()) {
    const pair = quadraticPair(term);
    if (!pair) return null;
    const [j, k] = pair;
    if (j === k) form.set(j, j, form.get(j, j) + c[i]!);
    else {
      form.set(j, k, form.get(j, k) + c[i]! / 2);
      form.set(k, j, form.get(k, j) + c[i]! / 2);
    }
  }
  const eigen = new EigenvalueDecomposition(form, { assumeSymmetric: true });
  const values = eigen.realEigenvalues;
  const scale = Math.max(...values.map(Math.abs));
  const significant = values.flatMap((v, i) => (Math.abs(v) > RANK_TOLERANCE * scale ? [i] : []));
  if (significant.length !== 2) return null;
  const [p, q] = significant as [number, number];
  const [up, down] = values[p]! > 0 ? [p, q] : [q, p];
  if (!(values[up]! > 0 && values[down]! < 0)) return null;
  const e1 = eigen.eigenvectorMatrix.getColumn(up).map((v) => v * Math.sqrt(values[up]!));
  const e2 = eigen.eigenvectorMatrix.getColumn(down).map((v) => v * Math.sqrt(-values[down]!));
  const linear = (w: number[]): Expr => {
    const used = w.flatMap((v, j) =>
      Math.abs(v) > RANK_TOLERANCE * Math.max(...w.map(Math.abs)) ? [j] : [],
    );
    return sumOf(
      used.map((j) => variable(j)),
      used.map((j) => w[j]!),
    );
  };
  return binary('*', linear(e1.map((v, j) => v - e2[j]!)), linear(e1.map((v, j) => v + e2[j]!)));
}

/** Below this share of the largest, an eigenvalue or a coefficient of a factor counts as zero. */
const RANK_TOLERANCE = 1e-6;

/** The inputs (j, k) of a term x_j * x_k or square(x_j); null for any other term. */
function quadraticPair(term: Expr): [number, number] | null {
  if (term.kind === 'unary' && term.op === 'square' && term.arg.kind === 'var')
    return [term.arg.index, term.arg.index];
  if (term.kind === 'binary' && term.op === '*' && term.left.kind === 'var' && term.right.kind === 'var')
    return [term.left.index, term.right.index];
  return null;
}

/** T1 + (c2/c1) T2 + ...: the first term's coefficient divided out (the scale is free). */
function sumOf(terms: Expr[], c: number[]): Expr {
  const scale = c[0]!;
  return terms.reduce<Expr>((sum, term, i) => {
    if (i === 0) return term;
    const ratio = c[i]! / scale;
    return ratio < 0
      ? binary('-', sum, binary('*', constant(-ratio), term))
      : binary('+', sum, binary('*', constant(ratio), term));
  }, terms[0]!);
}

/**
 * The powers of a product, scaled so that the largest is a whole power from -MAX_POWER to
 * MAX_POWER and all land within POWER_TOLERANCE of halves: every such scaling (each is the same
 * concept; the simplest wins in the hall of fame). None where no simple product fits.
 */
function roundedPowers(c: number[]): number[][] {
  const largest = c.reduce((m, v) => (Math.abs(v) > Math.abs(m) ? v : m), 0);
  if (largest === 0) return [];
  const tops = Array.from({ length: MAX_POWER }, (_, k) => k + 1);
  return [...tops, ...tops.map((top) => -top)].flatMap((top) => {
    const scaled = c.map((v) => (v / largest) * top);
    const rounded = scaled.map((v) => Math.round(v * 2) / 2);
    const fits = scaled.every((v, i) => Math.abs(v - rounded[i]!) <= POWER_TOLERANCE && rounded[i] !== 0);
    return fits ? [rounded] : [];
  });
}

/** prod f_j^p_j as a quotient of factors: f, square(f), sqrt(f) and their products. */
function productOf(bases: Expr[], powers: number[], options: SearchOptions): Expr {
  const factor = (x: Expr, p: number): Expr => {
    const whole = Math.floor(p);
    const parts: Expr[] = [];
    const squares = options.unaryOperators.includes('square');
    for (let left = whole; left > 0;) {
      if (left >= 2 && squares) {
        parts.push(unary('square', x));
        left -= 2;
      } else {
        parts.push(x);
        left -= 1;
      }
    }
    if (p > whole) parts.push(unary('sqrt', x));
    return parts.reduce((product, part) => binary('*', product, part));
  };
  const up = bases.flatMap((base, i) => (powers[i]! > 0 ? [factor(base, powers[i]!)] : []));
  const down = bases.flatMap((base, i) => (powers[i]! < 0 ? [factor(base, -powers[i]!)] : []));
  const numerator = up.length > 0 ? up.reduce((p, f) => binary('*', p, f)) : constant(1);
  return down.length > 0
    ? binary(
        '/',
        numerator,
        down.reduce((p, f) => binary('*', p, f)),
      )
    : numerator;
}
