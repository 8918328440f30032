// The network, training and gradient options of `run` and `train`, read from the command line on
// top of a preset, by the settings table's rules and bounds.

import type { BackendChoice, ModelSettings, NetworkOptions, NeuronRef } from '../model/options.ts';
import { defaultRunSettings, modelSettingsOf } from '../pipeline/runSettings.ts';
import type { RawOptions } from './options.ts';
import { settingsFromFlags } from './settingFlags.ts';
import { UsageError } from './usageError.ts';

/** A hidden or output unit must exist in the network it is taken from. */
function checkedNeuron(neuron: NeuronRef, { hidden, outputs = 1 }: NetworkOptions): NeuronRef {
  if (neuron.kind === 'output') {
    if ((neuron.unit ?? 0) < outputs) return neuron;
    throw new UsageError(
      `--neuron: the latent space has ${outputs === 1 ? 'one output unit (output:0)' : `output units 0 to ${outputs - 1}`}, not ${neuron.unit} (--latent-size sets its size)`,
    );
  }
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
  if (kind === 'classifier' && values['latent-size'] !== undefined)
    throw new UsageError(
      '--latent-size applies to latent experiments: a classifier has one output, its logit',
    );
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
    neuron: checkedNeuron(settings.neuron, network),
    points: settings.points,
    band: settings.band,
    backend: settings.backend,
  };
}
