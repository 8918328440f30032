// Matrix invariants: the network sees the entries of a square matrix, and a positive is the same
// linear map in another basis (M A M^-1) or, for skew matrices, in another orthonormal frame
// (Q A Q^T). What survives every change of basis is a similarity invariant: trace, determinant,
// the sums of principal minors.

import type { Rng } from '../core/rng.ts';
import { firstAccepted } from './rejection.ts';
import { condition1, invert, matMul, randomOrthogonal, transpose } from './linalg.ts';
import { emptyColumns, parseTruth, setRow } from './types.ts';
import type { Columns, Experiment, KnownInvariant } from './types.ts';

/**
 * Largest accepted 1-norm condition number of the change of basis M; worse draws are redrawn.
 * An ill-conditioned M gives positives with enormous entries and loses ~log10(cond) digits of
 * the invariant to round-off. Rejecting cond > 1e3 (a scale-free test, unlike a bound on |det M|)
 * drops 0.5 % (2x2) to 1.8 % (4x4) of the U[0,1] draws.
 */
export const MAX_CONDITION = 1e3;

/**
 * The determinant experiment's changes of basis are better conditioned: with entries U[-10,10]
 * and cond up to 1e3, positives reach entries in the thousands, far outside the anchors' range,
 * and a laptop-sized network does not learn the determinant from them.
 */
export const DET_MAX_CONDITION = 10;

/** Trace the determinant experiment's matrices are shifted to, so that det is the one invariant left. */
export const DET_TRACE = 5;

/** Variable names a11, a12, … row by row, for an n x n matrix. */
export function matrixVariables(n: number): string[] {
  const names: string[] = [];
  for (let i = 1; i <= n; i++) for (let j = 1; j <= n; j++) names.push(`a${i}${j}`);
  return names;
}

/** Entries U[0,1]. */
export function drawUnit(rng: Rng, n: number): Float64Array {
  const a = new Float64Array(n * n);
  for (let k = 0; k < a.length; k++) a[k] = rng.next();
  return a;
}

/** Entries U[-10,10], then the diagonal shifted evenly so that the trace is DET_TRACE. */
export function drawFixedTrace(rng: Rng, n: number): Float64Array {
  const a = new Float64Array(n * n);
  for (let k = 0; k < a.length; k++) a[k] = rng.uniform(-10, 10);
  let tr = 0;
  for (let i = 0; i < n; i++) tr += a[i * n + i]!;
  const shift = (DET_TRACE - tr) / n;
  for (let i = 0; i < n; i++) a[i * n + i]! += shift;
  return a;
}

/** Skew-symmetric: upper entries N(0,1), lower their negatives, zero diagonal. */
export function drawSkew(rng: Rng, n: number): Float64Array {
  const a = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const x = rng.normal();
      a[i * n + j] = x;
      a[j * n + i] = -x;
    }
  }
  return a;
}

/** M A M^-1 with M drawn by `drawM`, redrawn until its condition number is at most MAX_CONDITION. */
export function similar(
  rng: Rng,
  a: Float64Array,
  n: number,
  drawM: (rng: Rng, n: number) => Float64Array,
  maxCondition = MAX_CONDITION,
): Float64Array {
  return firstAccepted(() => {
    const m = drawM(rng, n);
    if (condition1(m, n) > maxCondition) return null;
    const inv = invert(m, n);
    return inv === null ? null : matMul(matMul(m, a, n), inv.inverse, n);
  }, `a change of basis with condition number at most ${maxCondition}`);
}

/** Q A Q^T for a Haar-random orthogonal Q, re-projected onto the skew matrices. */
export function rotatedSkew(rng: Rng, a: Float64Array, n: number): Float64Array {
  const q = randomOrthogonal(rng, n);
  const p = matMul(matMul(q, a, n), transpose(q, n), n);
  // Mathematically skew already; averaging with -p^T zeroes the round-off on the diagonal, so a
  // positive cannot be told from an anchor by 1e-16 noise where an anchor has exact zeros.
  const s = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) s[i * n + j] = (p[i * n + j]! - p[j * n + i]!) / 2;
  return s;
}

interface MatrixSpec {
  readonly id: string;
  readonly title: string;
  readonly teaching: string;
  readonly n: number;
  readonly truthText: string;
  readonly simplestForm: string;
  readonly draw: (rng: Rng, n: number) => Float64Array;
  readonly transform: (rng: Rng, a: Float64Array, n: number) => Float64Array;
  /** Where the matrix keeps more than the concept sought: its name, and the others. */
  readonly truthName?: string;
  readonly otherInvariants?: readonly KnownInvariant[];
}

function matrixExperiment(spec: MatrixSpec): Experiment {
  const { n, draw, transform } = spec;
  const variables = matrixVariables(n);
  const sample = (rng: Rng, count: number): Columns => {
    const cols = emptyColumns(n * n, count);
    for (let i = 0; i < count; i++) setRow(cols, i, draw(rng, n));
    return cols;
  };
  return {
    id: spec.id,
    kind: 'latent',
    title: spec.title,
    teaching: spec.teaching,
    variables,
    truthText: spec.truthText,
    truth: parseTruth(spec.truthText, variables),
    sample,
    triplets(rng, count) {
      const anchor = emptyColumns(n * n, count);
      const positive = emptyColumns(n * n, count);
      const negative = emptyColumns(n * n, count);
      for (let i = 0; i < count; i++) {
        const a = draw(rng, n);
        setRow(anchor, i, a);
        setRow(positive, i, transform(rng, a, n));
        setRow(negative, i, draw(rng, n));
      }
      return { anchor, positive, negative };
    },
    simplestForm: spec.simplestForm,
    ...(spec.truthName === undefined ? {} : { truthName: spec.truthName }),
    ...(spec.otherInvariants === undefined ? {} : { otherInvariants: spec.otherInvariants }),
  };
}

const bySimilarity =
  (drawM: (rng: Rng, n: number) => Float64Array, maxCondition = MAX_CONDITION) =>
  (rng: Rng, a: Float64Array, n: number) =>
    similar(rng, a, n, drawM, maxCondition);

const traceTeaching = (n: number): string =>
  `The network sees the ${n * n} entries of a ${n}x${n} matrix. Two inputs count as "the same" when ` +
  `one is the other written in a different basis, M A M^-1. Whatever the network learns to keep ` +
  `must survive every change of basis, and the simplest such quantity is the trace, the sum of ` +
  `the diagonal.`;

export const matrix2x2Trace = matrixExperiment({
  id: 'matrix-2x2-trace',
  title: 'Trace of a 2x2 matrix',
  teaching: traceTeaching(2),
  n: 2,
  truthText: 'a11 + a22',
  simplestForm: 'a11 + a22',
  draw: drawUnit,
  transform: bySimilarity(drawUnit),
});

export const matrix2x2Similarity = matrixExperiment({
  id: 'matrix-2x2-similarity',
  title: 'Both invariants of a 2x2 matrix',
  teaching:
    'The network sees the four entries of a 2x2 matrix, and a positive is the same matrix in ' +
    'another basis, M A M^-1. A 2x2 matrix keeps two quantities under every change of basis: its ' +
    'trace a11 + a22 and its determinant a11 a22 - a12 a21. A latent space of one neuron holds ' +
    'one of them (or a mixture), and the check says which; with two neurons it can hold both, ' +
    'and the search on its span reads each back.',
  n: 2,
  truthText: 'a11 + a22',
  simplestForm: 'a11 + a22',
  draw: drawUnit,
  transform: bySimilarity(drawUnit),
  truthName: 'the trace',
  otherInvariants: [
    {
      name: 'the determinant',
      text: 'a11*a22 - a12*a21',
      truth: parseTruth('a11*a22 - a12*a21', matrixVariables(2)),
      simplestForm: 'a11*a22 - a12*a21',
    },
  ],
});

export const matrix2x2Det = matrixExperiment({
  id: 'matrix-2x2-det',
  title: 'Determinant of a 2x2 matrix',
  teaching:
    'The network sees the four entries of a 2x2 matrix whose trace is fixed at 5, and learns which ' +
    'matrices are the same map in another basis. A 2x2 matrix has two similarity invariants; with ' +
    'the trace pinned, the one left to discover is the determinant, a11 a22 - a12 a21: how the map ' +
    'scales areas.',
  n: 2,
  truthText: 'a11*a22 - a12*a21',
  simplestForm: 'a11*a22 - a12*a21',
  draw: drawFixedTrace,
  transform: bySimilarity(drawFixedTrace, DET_MAX_CONDITION),
});

export const matrix3x3Trace = matrixExperiment({
  id: 'matrix-3x3-trace',
  title: 'Trace of a 3x3 matrix',
  teaching: traceTeaching(3),
  n: 3,
  truthText: 'a11 + a22 + a33',
  simplestForm: 'a11 + a22 + a33',
  draw: drawUnit,
  transform: bySimilarity(drawUnit),
});

export const matrix3x3SkewMinors = matrixExperiment({
  id: 'matrix-3x3-skew-minors',
  title: 'Principal minors of a 3x3 skew matrix',
  teaching:
    'The network sees a 3x3 skew-symmetric matrix, the generator of a rotation, and learns which ' +
    'ones are the same generator seen from a rotated frame, Q A Q^T. Trace and determinant vanish ' +
    'for every skew matrix, so the invariant to find is the sum of the principal 2x2 minors: the ' +
    'squared rotation rate a12^2 + a13^2 + a23^2.',
  n: 3,
  truthText: 'a11*a22 + a22*a33 + a11*a33 - a12*a21 - a13*a31 - a23*a32',
  // On skew matrices (zero diagonal, a21 = -a12) the written sum of minors equals this.
  simplestForm: 'square(a12) + square(a13) + square(a23)',
  draw: drawSkew,
  transform: rotatedSkew,
});

export const matrix4x4Trace = matrixExperiment({
  id: 'matrix-4x4-trace',
  title: 'Trace of a 4x4 matrix',
  teaching: traceTeaching(4),
  n: 4,
  truthText: 'a11 + a22 + a33 + a44',
  simplestForm: 'a11 + a22 + a33 + a44',
  draw: drawUnit,
  transform: bySimilarity(drawUnit),
});
