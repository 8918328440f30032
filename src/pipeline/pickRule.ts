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

export type PickRule = Pick<SearchOptions, 'pickLossFactor' | 'pickStandardErrors'>;

/**
 * The pick rule for gradients of a trained network. They carry a smooth, systematic error, and
 * candidates that add terms to fit it lower the loss by up to 3x to 5x without being closer to
 * the concept. The significance test is off: it takes that error for signal, so the concept
 * itself fails it (a 2x2 trace at 1.6x the lowest loss is 13 standard errors out).
 * - Cross-checked on a second set of gradients, where such terms gain nothing, PySR's 1.5x window
 *   applies, as for every other search.
 * - On one set, only a window wide enough to reach past those terms helps: 10x.
 */
export function networkPickRule(crossChecked: boolean): PickRule {
  return { pickLossFactor: crossChecked ? 1.5 : 10, pickStandardErrors: Infinity };
}
