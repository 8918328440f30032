// The search's input when the concept is known: the exact gradients of an experiment's ground
// truth at points from its sampler, optionally with noise, as a gradient set.

import { Rng } from '../core/rng.ts';
import { addGradientNoise, exactGradients, normalizeGradients } from '../core/eval/gradients.ts';
import type { GradientSet } from '../core/io/gradientFile.ts';
import type { Experiment } from '../experiments/types.ts';

/** Seed streams of a run, so data, noise and the check never share draws. */
export const SEED_STREAM = {
  data: 1,
  noise: 2,
  check: 3,
  training: 4,
  weights: 5,
  shuffle: 6,
  probe: 7,
  secondNetwork: 8,
  concepts: 9,
} as const;

/**
 * `noise` is the standard deviation of Gaussian noise added to each component of the unit
 * gradient before it is normalised again: an angular error of about `noise` radians per input,
 * the same at every point whatever the gradient's length, as a network's gradients have.
 */
export function truthGradientSet(
  experiment: Experiment,
  points: number,
  noise: number,
  seed: number,
): GradientSet {
  const x = experiment.sample(Rng.derived(seed, SEED_STREAM.data), points);
  const exact = normalizeGradients(x, exactGradients(experiment.truth, x));
  if (!(noise > 0)) return { variables: [...experiment.variables], ...exact };
  const noisy = normalizeGradients(
    exact.x,
    addGradientNoise(exact.t, noise, Rng.derived(seed, SEED_STREAM.noise)),
  );
  return { variables: [...experiment.variables], ...noisy, skipped: exact.skipped + noisy.skipped };
}
