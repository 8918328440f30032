// A body in the plane pulled towards the origin by x'' = -x / |x|^3. The network sees position
// and velocity (x1, x2, v1, v2) and learns which states belong to the same orbit. Three
// independent quantities are conserved (an orbit is a curve in four dimensions): the energy, the
// angular momentum and the direction of the Laplace-Runge-Lenz vector, which points along the
// orbit's axis. The papers interpret the neuron as the angular momentum x1 v2 - x2 v1.

import { keplerPropagate } from './kepler.ts';
import { pointOnTrajectory, trajectorySample, trajectoryTriplets } from './trajectories.ts';
import type { Rng } from '../core/rng.ts';
import { firstAccepted } from './rejection.ts';
import type { Flow } from './trajectories.ts';
import { parseTruth } from './types.ts';
import type { Experiment } from './types.ts';

/** Orbits are followed over t in [0, CENTRAL_DURATION]. */
export const CENTRAL_DURATION = 3;

const VARIABLES = ['x1', 'x2', 'v1', 'v2'] as const;

/** Initial conditions U[0,1]^4, propagated by the exact Kepler solution. */
export const centralFlow: Flow = {
  width: 4,
  initial: (rng) => [rng.next(), rng.next(), rng.next(), rng.next()],
  advance: (s, dt) => keplerPropagate([s[0]!, s[1]!, s[2]!, s[3]!], dt),
};

/** Energy per unit mass, |v|^2 / 2 - 1 / |x|: the other conserved quantity. */
export const orbitEnergy = (s: readonly number[]): number =>
  (s[2]! ** 2 + s[3]! ** 2) / 2 - 1 / Math.hypot(s[0]!, s[1]!);

/**
 * A point of another orbit with its speed rescaled to the anchor's energy. Energy then cannot
 * tell a negative from its anchor, so the network must encode the angular momentum or the
 * orbit's direction; with unconstrained negatives a one-neuron latent space holds the energy as
 * readily.
 */
function sameEnergyNegative(rng: Rng, anchor: readonly number[]): number[] {
  const energy = orbitEnergy(anchor);
  return firstAccepted(() => {
    const [x1, x2, v1, v2] = pointOnTrajectory(centralFlow, rng, CENTRAL_DURATION) as [
      number,
      number,
      number,
      number,
    ];
    const speed2 = 2 * (energy + 1 / Math.hypot(x1, x2));
    const speed = Math.hypot(v1, v2);
    if (!(speed2 > 0 && speed > 1e-9)) return null;
    const k = Math.sqrt(speed2) / speed;
    return [x1, x2, k * v1, k * v2];
  }, `a negative with the anchor's energy ${energy}`);
}

export const centralPotential: Experiment = {
  id: 'central-potential',
  kind: 'latent',
  title: 'Orbit in a central potential',
  teaching:
    'A planet pulled towards a sun at the origin. The network sees its position and velocity ' +
    '(x1, x2, v1, v2) and learns which snapshots belong to the same orbit. Three quantities stay ' +
    'fixed along an orbit: the energy, the angular momentum, and the Laplace-Runge-Lenz vector ' +
    "A = v L - x/|x|, which points along the orbit's axis (its length follows from the other " +
    "two). The one to read back is the angular momentum x1 v2 - x2 v1, Kepler's law of equal " +
    'areas. The negatives are fresh states, as the papers drew them, so the network may hold any ' +
    'of them, or a function of several; the check says which it found.',
  variables: VARIABLES,
  truthText: 'x1*v2 - x2*v1',
  truth: parseTruth('x1*v2 - x2*v1', VARIABLES),
  sample: (rng, n) => trajectorySample(centralFlow, rng, n, CENTRAL_DURATION),
  // Fresh negatives are states of other orbits from U[0,1]^4, drawn as the anchors are: at a
  // random time along their orbit. Drawn at their start instead, they would lie nearer the origin
  // than the anchors of escaping orbits, and a network could tell them apart by that alone.
  triplets: (rng, n, negatives = 'fresh') =>
    trajectoryTriplets(
      centralFlow,
      rng,
      n,
      CENTRAL_DURATION,
      negatives === 'fresh' ? 'trajectory' : sameEnergyNegative,
    ),
  simplestForm: 'x1*v2 - x2*v1',
  truthName: 'angular momentum',
  negativeRules: ['fresh', 'same-other-invariant'],
  otherInvariants: [
    {
      name: 'energy',
      text: '(v1^2 + v2^2)/2 - 1/sqrt(x1^2 + x2^2)',
      truth: parseTruth('(v1^2 + v2^2)/2 - 1/sqrt(x1^2 + x2^2)', VARIABLES),
      simplestForm: 'square(v1) + square(v2) - 2/sqrt(square(x1) + square(x2))',
    },
    {
      name: 'Runge-Lenz A1',
      text: 'v2*(x1*v2 - x2*v1) - x1/sqrt(x1^2 + x2^2)',
      truth: parseTruth('v2*(x1*v2 - x2*v1) - x1/sqrt(x1^2 + x2^2)', VARIABLES),
      simplestForm: 'v2*(x1*v2 - x2*v1) - x1/sqrt(square(x1) + square(x2))',
    },
    {
      name: 'Runge-Lenz A2',
      text: 'v1*(x2*v1 - x1*v2) - x2/sqrt(x1^2 + x2^2)',
      truth: parseTruth('v1*(x2*v1 - x1*v2) - x2/sqrt(x1^2 + x2^2)', VARIABLES),
      simplestForm: 'v1*(x2*v1 - x1*v2) - x2/sqrt(square(x1) + square(x2))',
    },
  ],
};
