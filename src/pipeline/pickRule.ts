// The pick rule of a run on a trained network's gradients, apart from the search stage so that the
// page's settings can name it without loading the search.

import type { SearchOptions } from '../core/search/options.ts';
import type { Experiment } from '../experiments/types.ts';
import type { NeuronRef } from '../model/options.ts';

/**
 * What a run's pick is checked on, when the cross-check is on: a latent output's on a second
 * network (a hidden unit of another network is another feature), a classifier's on its own
 * gradients at the points nearest its boundary.
 */
export function crossCheckSet(
  on: boolean,
  kind: Experiment['kind'],
  neuron: NeuronRef,
): 'second network' | 'boundary points' | 'off' {
  if (!on || neuron.kind !== 'output') return 'off';
  return kind === 'latent' ? 'second network' : 'boundary points';
}

export type PickRule = Pick<SearchOptions, 'pickLossFactor' | 'pickStandardErrors' | 'pickWindowOnFitted'>;

/**
 * The pick rule for gradients of a trained network: the highest score among entries within 10x
 * of the lowest loss both on the set the pick is made on and on the points the search fitted, and
 * no significance test. A network's gradients carry a smooth, systematic error, and candidates
 * that add terms to fit it lower the loss by up to 3x to 7x without being closer to the concept.
 * The set the pick is made on does not remove that error: a classifier's points nearest its
 * boundary are the same network's, and a second network trained on the same sampler learns much
 * the same error (on the catalogue, seed 1, the concept's loss there was 1.4x to 7x the lowest).
 * The concept's own terms lower the loss by orders of magnitude, so its score stands out once the
 * window reaches it. A simpler candidate that misses one of its terms can score higher still on
 * the small second set (cos v - sin x for v^2/2 + sin x: 3.9x the lowest there); on the fitted
 * points, several times as many, it is 12x the lowest and out of the window. The significance
 * test takes the shared error for signal (a 2x2 trace at 1.6x the lowest loss is 13 standard
 * errors out), so it is off.
 */
export const NETWORK_PICK_RULE: PickRule = {
  pickLossFactor: 10,
  pickStandardErrors: Infinity,
  pickWindowOnFitted: true,
};
