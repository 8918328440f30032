// Decision boundaries: the network sees points x0..x{n-1} with a yes/no label, 1 where a hidden
// function g(x) exceeds a threshold. The boundary g(x) = c is the concept; its normal is the
// gradient of g, which is what the interpretation reads back.

import type { Rng } from '../core/rng.ts';
import { firstAccepted } from './rejection.ts';
import { emptyColumns, parseTruth, rowCount, setRow } from './types.ts';
import type { Columns, Experiment } from './types.ts';

/** Relative size of the multiplicative label noise: y = [g(x) (1 + LABEL_NOISE N(0,1)) > c]. */
export const LABEL_NOISE = 0.01;

/** A rule's label for the point `x`, g(x) (1 + LABEL_NOISE N(0,1)) > threshold. */
function noisyLabel(
  rule: { g: (x: Float64Array) => number; threshold: number },
  x: Float64Array,
  rng: Rng,
): boolean {
  return rule.g(x) * (1 + LABEL_NOISE * rng.normal()) > rule.threshold;
}

interface ClassifierSpec {
  readonly id: string;
  readonly title: string;
  readonly teaching: string;
  /** Sampling box, one [low, high] per input. */
  readonly ranges: readonly (readonly [number, number])[];
  readonly truthText: string;
  /** The same function as `truthText`, written directly for fast labelling. */
  readonly g: (x: Float64Array) => number;
  readonly threshold: number;
  readonly simplestForm: string;
}

/** A classifier experiment, with its sampling box and threshold spelled out. */
export type ClassifierExperiment = Experiment & {
  readonly threshold: number;
  /** Sampling box, one [low, high] per input. */
  readonly ranges: readonly (readonly [number, number])[];
};

/** Names x0..x{n-1}. */
export function classifierVariables(n: number): string[] {
  return Array.from({ length: n }, (_, i) => `x${i}`);
}

function classifier(spec: ClassifierSpec): ClassifierExperiment {
  return {
    ...labelledBy(spec),
    sample(rng: Rng, n: number): Columns {
      const cols = emptyColumns(spec.ranges.length, n);
      for (let i = 0; i < n; i++) setRow(cols, i, drawInBox(rng, spec.ranges));
      return cols;
    },
  };
}

/** One point of the box. */
function drawInBox(rng: Rng, ranges: ClassifierSpec['ranges']): Float64Array {
  return Float64Array.from(ranges, ([lo, hi]) => rng.uniform(lo, hi));
}

/** Everything of a classifier but its sampler: the truth, its threshold and the noisy labels. */
function labelledBy(spec: ClassifierSpec): Omit<ClassifierExperiment, 'sample'> {
  const variables = classifierVariables(spec.ranges.length);
  return {
    id: spec.id,
    kind: 'classifier',
    title: spec.title,
    teaching: spec.teaching,
    variables,
    truthText: spec.truthText,
    truth: parseTruth(spec.truthText, variables),
    threshold: spec.threshold,
    ranges: spec.ranges,
    labels(rng: Rng, points: Columns): Uint8Array {
      const n = rowCount(points);
      const y = new Uint8Array(n);
      const x = new Float64Array(points.length);
      for (let i = 0; i < n; i++) {
        for (let j = 0; j < points.length; j++) x[j] = points[j]![i]!;
        y[i] = noisyLabel(spec, x, rng) ? 1 : 0;
      }
      return y;
    },
    simplestForm: spec.simplestForm,
  };
}

const box = (n: number, lo: number, hi: number): [number, number][] =>
  Array.from({ length: n }, (): [number, number] => [lo, hi]);
const v = (x: Float64Array, i: number): number => x[i]!;

export const classifierA = classifier({
  id: 'classifier-a',
  title: 'Tilted quadratic boundary',
  teaching:
    'Points in the square [-2,0]^2 are labelled 1 when x0^2 + 3 x0 x1 + 2 x1^2 exceeds 5. The ' +
    'network only sees points and labels; the curved boundary it draws is a level set of that ' +
    'quadratic form, and its normals give the form back.',
  ranges: box(2, -2, 0),
  truthText: 'x0^2 + 3*x0*x1 + 2*x1^2',
  g: (x) => v(x, 0) ** 2 + 3 * v(x, 0) * v(x, 1) + 2 * v(x, 1) ** 2,
  threshold: 5,
  simplestForm: '(x0 + x1)*(x0 + 2*x1)',
});

export const classifierA1 = classifier({
  id: 'classifier-a1',
  title: 'Ellipse',
  teaching:
    'Points in the square [-1,1]^2 are labelled 1 outside the ellipse x0^2 + 2 x1^2 = 1. The ' +
    'network learns to tell inside from outside; the normals of its boundary point along the ' +
    'gradient of x0^2 + 2 x1^2.',
  ranges: box(2, -1, 1),
  truthText: 'x0^2 + 2*x1^2',
  g: (x) => v(x, 0) ** 2 + 2 * v(x, 1) ** 2,
  threshold: 1,
  simplestForm: 'square(x0) + 2*square(x1)',
});

export const classifierB = classifier({
  id: 'classifier-b',
  title: 'Square plus a sine',
  teaching:
    'Points in the cube [-2,0]^3 are labelled 1 when x0^2 + sin(x1 + x2) exceeds 1. The ' +
    'boundary is a wavy surface; x1 and x2 only ever act through their sum, which the ' +
    'interpretation should discover.',
  ranges: box(3, -2, 0),
  truthText: 'x0^2 + sin(x1 + x2)',
  g: (x) => v(x, 0) ** 2 + Math.sin(v(x, 1) + v(x, 2)),
  threshold: 1,
  simplestForm: 'square(x0) + sin(x1 + x2)',
});

export const classifierC = classifier({
  id: 'classifier-c',
  title: 'Exponential and a plane',
  teaching:
    'Points in the cube [-1,1]^3 are labelled 1 when exp(x0 - x1) - pi x2 exceeds 1. Two inputs ' +
    'enter only through their difference inside an exponential, the third linearly, with pi as ' +
    'its weight.',
  ranges: box(3, -1, 1),
  truthText: 'exp(x0 - x1) - pi*x2',
  g: (x) => Math.exp(v(x, 0) - v(x, 1)) - Math.PI * v(x, 2),
  threshold: 1,
  simplestForm: 'exp(x0 - x1) - 3.14159*x2',
});

export const classifierD = classifier({
  id: 'classifier-d',
  title: 'Gaussian bump',
  teaching:
    'Points with x0 in [0,2] and x1, x2 in [-2,2] are labelled 1 when x0 exp(-(x1^2 + x2^2)/2) ' +
    'exceeds 0.2: a Gaussian bump whose height is x0. Any monotone rewrite, such as ' +
    'log x0 - (x1^2 + x2^2)/2, draws the same boundary.',
  ranges: [
    [0, 2],
    [-2, 2],
    [-2, 2],
  ],
  truthText: 'x0*exp(-(x1^2 + x2^2)/2)',
  g: (x) => v(x, 0) * Math.exp(-(v(x, 1) ** 2 + v(x, 2) ** 2) / 2),
  threshold: 0.2,
  simplestForm: 'x0*exp(-0.5*(square(x1) + square(x2)))',
});

export const classifierE = classifier({
  id: 'classifier-e',
  title: 'Coulomb-like force',
  teaching:
    'Six numbers in [0,2]: two charges x0, x1 and the positions (x2, x4) and (x3, x5) of two ' +
    'bodies in the plane. The label is 1 when x0 x1 / ((x2 - x3)^2 + (x4 - x5)^2), the ' +
    'inverse-square force between them, exceeds 1.',
  ranges: box(6, 0, 2),
  truthText: 'x0*x1/((x2 - x3)^2 + (x4 - x5)^2)',
  g: (x) => (v(x, 0) * v(x, 1)) / ((v(x, 2) - v(x, 3)) ** 2 + (v(x, 4) - v(x, 5)) ** 2),
  threshold: 1,
  simplestForm: 'x0*x1/(square(x2 - x3) + square(x4 - x5))',
});

/** A second rule for a confusion case: labels g(x) > threshold. */
interface OtherRule {
  readonly name: string;
  readonly truthText: string;
  readonly g: (x: Float64Array) => number;
  readonly threshold: number;
  readonly simplestForm: string;
}

/**
 * A confusion case (the classifier paper's): two rules that label the same box, and only the
 * points on which they agree are kept, so both explain the data. Each rule's label carries its own
 * noise, and where the two noisy labels differ a fair coin chooses: the flips near either rule's
 * boundary are alike, so the noise favours neither rule (noise from one rule alone would mark that
 * rule's boundary). Which rule, or which mixture, the network's decision rests on is what the
 * interpretation reveals, and the check names it.
 */
function confusion(spec: ClassifierSpec & { truthName: string; other: OtherRule }): ClassifierExperiment {
  const { other } = spec;
  const agree = (x: Float64Array) => spec.g(x) > spec.threshold === other.g(x) > other.threshold;
  return {
    ...labelledBy(spec),
    sample(rng: Rng, n: number): Columns {
      const cols = emptyColumns(spec.ranges.length, n);
      for (let i = 0; i < n; i++) {
        const x = firstAccepted(() => {
          const point = drawInBox(rng, spec.ranges);
          return agree(point) ? point : null;
        }, `a point on which both rules of ${spec.id} agree`);
        setRow(cols, i, x);
      }
      return cols;
    },
    labels(rng: Rng, points: Columns): Uint8Array {
      const y = new Uint8Array(rowCount(points));
      const x = new Float64Array(points.length);
      for (let i = 0; i < y.length; i++) {
        for (let j = 0; j < points.length; j++) x[j] = points[j]![i]!;
        const [first, second] = [noisyLabel(spec, x, rng), noisyLabel(other, x, rng)];
        y[i] = (first === second ? first : rng.chance(0.5) ? first : second) ? 1 : 0;
      }
      return y;
    },
    truthName: spec.truthName,
    otherInvariants: [
      {
        name: other.name,
        text: other.truthText,
        truth: parseTruth(other.truthText, classifierVariables(spec.ranges.length)),
        simplestForm: other.simplestForm,
        threshold: other.threshold,
      },
    ],
  };
}

export const classifierF = confusion({
  id: 'classifier-f',
  title: 'Two products, one labelling (a confusion case)',
  teaching:
    'Four numbers in [0,2]. Two rules label them: x0 x1 > 1 and x2 x3 > 1, and only the points ' +
    'on which both rules agree are kept, so either explains every label. The network must rest ' +
    'its decision on something: one product, the other, or a mixture of both. Its gradients ' +
    'tell which, and the check names the rule it follows, or neither.',
  ranges: box(4, 0, 2),
  truthText: 'x0*x1',
  g: (x) => v(x, 0) * v(x, 1),
  threshold: 1,
  simplestForm: 'x0*x1',
  truthName: 'the rule x0 x1 > 1',
  other: {
    name: 'the rule x2 x3 > 1',
    truthText: 'x2*x3',
    g: (x) => v(x, 2) * v(x, 3),
    threshold: 1,
    simplestForm: 'x2*x3',
  },
});

export const classifierG = confusion({
  id: 'classifier-g',
  title: 'A circle or a shortcut (a confusion case)',
  teaching:
    'Points (x0, x1) in [-1.5,1.5]^2 are labelled 1 outside the unit circle. A third input x2 in ' +
    '[0,1] happens to agree: only the points where x2 > 0.5 exactly when the point lies outside ' +
    'the circle are kept, as when a tell-tale mark in the data goes with the answer. Does the ' +
    'network learn the circle, or take the shortcut? The check names the rule its decision rests on.',
  ranges: [
    [-1.5, 1.5],
    [-1.5, 1.5],
    [0, 1],
  ],
  truthText: 'x0^2 + x1^2',
  g: (x) => v(x, 0) ** 2 + v(x, 1) ** 2,
  threshold: 1,
  simplestForm: 'square(x0) + square(x1)',
  truthName: 'the circle x0^2 + x1^2 > 1',
  other: {
    name: 'the shortcut x2 > 0.5',
    truthText: 'x2',
    g: (x) => v(x, 2),
    threshold: 0.5,
    simplestForm: 'x2',
  },
});
