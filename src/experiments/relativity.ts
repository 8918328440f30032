// Special relativity: the network sees an event, or an electromagnetic field, and learns which
// inputs are the same thing seen from another inertial frame. The invariants it must find are
// the spacetime interval and the field invariant E.B.

import type { Rng } from '../core/rng.ts';
import { firstAccepted } from './rejection.ts';
import { randomLorentz, transformField, transformVector } from './lorentz.ts';
import { emptyColumns, parseTruth, rowOf, setRow } from './types.ts';
import type { Columns, Experiment } from './types.ts';

/** n points with every coordinate U[lo, hi]. */
function uniformBox(rng: Rng, width: number, n: number, lo: number, hi: number): Columns {
  const cols = emptyColumns(width, n);
  for (let i = 0; i < n; i++) for (let j = 0; j < width; j++) cols[j]![i] = rng.uniform(lo, hi);
  return cols;
}

/**
 * Triplets whose anchors are a uniform box, positives `move(anchor)`, negatives a uniform box
 * or, with `negativeFor`, drawn to match the anchor in some other way.
 */
function boxTriplets(
  rng: Rng,
  n: number,
  width: number,
  hi: number,
  move: (rng: Rng, row: Float64Array) => Float64Array,
  negativeFor?: (rng: Rng, anchor: Float64Array) => Float64Array,
): { anchor: Columns; positive: Columns; negative: Columns } {
  const anchor = uniformBox(rng, width, n, 0, hi);
  const negative = uniformBox(rng, width, n, 0, hi);
  const positive = emptyColumns(width, n);
  for (let i = 0; i < n; i++) {
    setRow(positive, i, move(rng, rowOf(anchor, i)));
    if (negativeFor) setRow(negative, i, negativeFor(rng, rowOf(anchor, i)));
  }
  return { anchor, positive, negative };
}

/** E^2 - B^2 of a field row (Ex, Ey, Ez, Bx, By, Bz): the invariant this experiment does not seek. */
export const fieldEnergyInvariant = (f: ArrayLike<number>): number =>
  f[0]! ** 2 + f[1]! ** 2 + f[2]! ** 2 - f[3]! ** 2 - f[4]! ** 2 - f[5]! ** 2;

/**
 * A fresh U[0,2]^6 field scaled so that its E^2 - B^2 equals the anchor's: that invariant then
 * cannot tell a negative from its anchor, and the network must encode E.B. Scales outside
 * [1/2, 2] are redrawn, to stay near the box.
 */
function sameEnergyField(rng: Rng, anchor: Float64Array): Float64Array {
  const target = fieldEnergyInvariant(anchor);
  return firstAccepted(() => {
    const f = Float64Array.from({ length: 6 }, () => rng.uniform(0, 2));
    const ratio = target / fieldEnergyInvariant(f);
    return ratio >= 0.25 && ratio <= 4 ? f.map((v) => v * Math.sqrt(ratio)) : null;
  }, `a field with the anchor's E^2 - B^2 = ${target}`);
}

const FIELD_VARIABLES = ['Ex', 'Ey', 'Ez', 'Bx', 'By', 'Bz'] as const;

export const fieldStrength: Experiment = {
  id: 'field-strength',
  kind: 'latent',
  title: 'Invariant of the electromagnetic field',
  teaching:
    'The network sees an electric field E and a magnetic field B at one point, and learns which ' +
    'fields are the same field measured by an observer moving at another velocity. A moving ' +
    'observer mixes E and B into each other, but two combinations stay fixed in every frame: ' +
    'E^2 - B^2 and the one this experiment seeks, E.B. The negatives are fresh fields, as the ' +
    'papers drew them, so the network may hold either; the check says which it found.',
  variables: FIELD_VARIABLES,
  truthText: 'Ex*Bx + Ey*By + Ez*Bz',
  truth: parseTruth('Ex*Bx + Ey*By + Ez*Bz', FIELD_VARIABLES),
  sample: (rng, n) => uniformBox(rng, 6, n, 0, 2),
  triplets: (rng, n, negatives = 'fresh') =>
    boxTriplets(
      rng,
      n,
      6,
      2,
      (r, eb) => transformField(randomLorentz(r), eb),
      negatives === 'fresh' ? undefined : sameEnergyField,
    ),
  simplestForm: 'Ex*Bx + Ey*By + Ez*Bz',
  truthName: 'E.B',
  negativeRules: ['fresh', 'same-other-invariant'],
  otherInvariants: [
    {
      name: 'E^2 - B^2',
      text: 'Ex^2 + Ey^2 + Ez^2 - Bx^2 - By^2 - Bz^2',
      truth: parseTruth('Ex^2 + Ey^2 + Ez^2 - Bx^2 - By^2 - Bz^2', FIELD_VARIABLES),
      simplestForm: 'square(Ex) + square(Ey) + square(Ez) - square(Bx) - square(By) - square(Bz)',
    },
  ],
};

const EVENT_VARIABLES = ['t', 'x', 'y', 'z'] as const;

export const spacetimeInterval: Experiment = {
  id: 'spacetime-interval',
  kind: 'latent',
  title: 'Spacetime interval',
  teaching:
    'The network sees an event, a time t and a place (x, y, z), and learns which events are the ' +
    'same event described by an observer moving at another velocity. Clocks and rulers disagree ' +
    'between observers, yet every observer computes the same interval t^2 - x^2 - y^2 - z^2 ' +
    '(with c = 1): the quantity special relativity keeps.',
  variables: EVENT_VARIABLES,
  truthText: 't^2 - x^2 - y^2 - z^2',
  truth: parseTruth('t^2 - x^2 - y^2 - z^2', EVENT_VARIABLES),
  sample: (rng, n) => uniformBox(rng, 4, n, 0, 1),
  triplets: (rng, n) => boxTriplets(rng, n, 4, 1, (r, x) => transformVector(randomLorentz(r), x)),
  simplestForm: 'square(t) - square(x) - square(y) - square(z)',
};
