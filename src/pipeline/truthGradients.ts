// The search's input when the concept is known: the exact gradients of an experiment's ground
// truth at points from its sampler, optionally with noise, as a gradient set.

import { Rng } from '../core/rng.ts';
import { addGradientNoise, exactGradients, normalizeGradients } from '../core/eval/gradients.ts';
import type { GradientSet } from '../core/io/gradientFile.ts';
import type { Experiment } from '../experiments/types.ts';

/** Seed streams of a run, so data, noise and the check never share draws. */
export const SEED_STREAM = { data: 1, noise: 2, check: 3 } as const;

/** `noise` is the standard deviation of Gaussian noise added to each gradient component before normalising. */
export function truthGradientSet(
  experiment: Experiment,
  points: number,
  noise: number,
  seed: number,
): GradientSet {
  const x = experiment.sample(Rng.derived(seed, SEED_STREAM.data), points);
  const exact = exactGradients(experiment.truth, x);
  const g = noise > 0 ? addGradientNoise(exact, noise, Rng.derived(seed, SEED_STREAM.noise)) : exact;
  return { variables: [...experiment.variables], ...normalizeGradients(x, g) };
}
