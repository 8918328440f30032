// The network, training and gradient options of `run` and `train`, read from the command line on
// top of a preset, by the settings table's rules and bounds.

import type { BackendChoice, ModelSettings, NeuronRef } from '../model/options.ts';
import { defaultRunSettings, modelSettingsOf } from '../pipeline/runSettings.ts';
import type { RawOptions } from './options.ts';
import { settingsFromFlags } from './settingFlags.ts';
import { UsageError } from './usageError.ts';

/** A hidden unit must exist in the network it is taken from. */
function checkedNeuron(neuron: NeuronRef, hidden: number[]): NeuronRef {
  if (neuron.kind === 'output') return neuron;
  const width = hidden[neuron.layer - 1];
  if (width === undefined)
    throw new UsageError(
      `--neuron: the network has hidden layers 1 to ${hidden.length}, not ${neuron.layer}`,
    );
  if (neuron.index >= width)
    throw new UsageError(
      `--neuron: hidden layer ${neuron.layer} has units 0 to ${width - 1}, not ${neuron.index}`,
    );
  return neuron;
}

export interface ModelCommandSettings extends ModelSettings {
  preset: string;
  neuron: NeuronRef;
  /** Points whose gradients the search sees. */
  points: number;
  band: number;
  backend: BackendChoice;
}

export function resolveModelSettings(
  values: RawOptions,
  kind: 'latent' | 'classifier',
): ModelCommandSettings {
  if (kind === 'classifier' && values.triplets !== undefined)
    throw new UsageError('--triplets applies to latent experiments; use --samples');
  if (kind === 'latent' && values.samples !== undefined)
    throw new UsageError('--samples applies to classifiers; use --triplets');
  // Read as the page reads a link's: the preset's, with the flags given.
  const settings = {
    ...defaultRunSettings,
    ...settingsFromFlags(values, (row) => row.stage !== 'search' && row.field !== 'experiment'),
  };
  const { network, train } = modelSettingsOf(settings, kind);
  return {
    preset: settings.preset,
    network,
    train,
    neuron: checkedNeuron(settings.neuron, network.hidden),
    points: settings.points,
    band: settings.band,
    backend: settings.backend,
  };
}
