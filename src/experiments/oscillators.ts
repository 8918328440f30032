// One-dimensional oscillators x'' = a(x) (unit mass): the network sees position and velocity
// (x, v) and learns which states lie on the same trajectory. The conserved quantity along a
// trajectory is the energy v^2/2 + V(x), with V the potential of the force.

import { RK4_STEP, rk4Advance } from './ode.ts';
import type { Acceleration } from './ode.ts';
import { trajectorySample, trajectoryTriplets } from './trajectories.ts';
import type { Flow } from './trajectories.ts';
import { parseTruth } from './types.ts';
import type { Experiment } from './types.ts';

/** Trajectories are followed over t in [0, OSCILLATOR_DURATION]. */
export const OSCILLATOR_DURATION = 3;

/** RK4 step for the oscillators; see RK4_STEP for the measured accuracy. */
export const OSCILLATOR_STEP = RK4_STEP;

const VARIABLES = ['x', 'v'] as const;

/** Initial conditions (x, v) ~ U[0,1]^2, integrated with RK4. */
export function oscillatorFlow(accel: Acceleration): Flow {
  return {
    width: 2,
    initial: (rng) => [rng.next(), rng.next()],
    advance: (state, dt) => rk4Advance(accel, state[0]!, state[1]!, dt, OSCILLATOR_STEP),
  };
}

interface OscillatorSpec {
  readonly id: string;
  readonly title: string;
  readonly teaching: string;
  readonly accel: Acceleration;
  readonly truthText: string;
  readonly simplestForm: string;
}

function oscillator(spec: OscillatorSpec): Experiment {
  const flow = oscillatorFlow(spec.accel);
  return {
    id: spec.id,
    kind: 'latent',
    title: spec.title,
    teaching: spec.teaching,
    variables: VARIABLES,
    truthText: spec.truthText,
    truth: parseTruth(spec.truthText, VARIABLES),
    sample: (rng, n) => trajectorySample(flow, rng, n, OSCILLATOR_DURATION),
    triplets: (rng, n) => trajectoryTriplets(flow, rng, n, OSCILLATOR_DURATION, 'trajectory'),
    simplestForm: spec.simplestForm,
  };
}

export const oscillatorHarmonic = oscillator({
  id: 'oscillator-harmonic',
  title: 'Harmonic oscillator',
  teaching:
    "The network sees the position x and velocity v of a mass on a spring, x'' = -x, and learns " +
    'which snapshots belong to the same motion. In the (x, v) plane each motion runs round a ' +
    'circle; what labels the circle is the energy, proportional to x^2 + v^2.',
  accel: (x) => -x,
  truthText: 'x^2 + v^2',
  simplestForm: 'square(x) + square(v)',
});

export const oscillatorPoly = oscillator({
  id: 'oscillator-poly',
  title: 'Anharmonic oscillator (quartic)',
  teaching:
    "A spring that stiffens as it stretches, x'' = -(x + x^3). The network sees snapshots (x, v) " +
    'and learns which belong to the same motion. The orbits are no longer circles, but one ' +
    'quantity still labels each: the energy v^2/2 + x^2/2 + x^4/4.',
  accel: (x) => -(x + x * x * x),
  truthText: 'v^2/2 + x^2/2 + x^4/4',
  simplestForm: 'square(v) + square(square(x) + 1) / 2',
});

export const oscillatorSin = oscillator({
  id: 'oscillator-sin',
  title: 'Anharmonic oscillator (sine potential)',
  teaching:
    "A particle in the periodic potential sin x, x'' = -cos x. Slow particles rock in a valley, " +
    'fast ones roll over the hills forever. The network sees snapshots (x, v) of both kinds and ' +
    'learns which belong to the same motion; the label is the energy v^2/2 + sin x.',
  accel: (x) => -Math.cos(x),
  truthText: 'v^2/2 + sin(x)',
  simplestForm: 'square(v) + 2*sin(x)',
});

export const oscillatorExp = oscillator({
  id: 'oscillator-exp',
  title: 'Anharmonic oscillator (exponential wall)',
  teaching:
    "A spring with an exponential wall on one side, x'' = -(x + e^(x+1)). The network sees " +
    'snapshots (x, v) and learns which belong to the same lopsided motion; the label is the energy ' +
    'v^2/2 + x^2/2 + e^(x+1).',
  accel: (x) => -(x + Math.exp(x + 1)),
  truthText: 'v^2/2 + x^2/2 + exp(x + 1)',
  simplestForm: 'square(v) + square(x) + 5.43656*exp(x)',
});
