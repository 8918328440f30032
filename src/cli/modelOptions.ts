// The network, training and gradient options of `run` and `train`, read from the command line on
// top of a preset, by the settings table's rules and bounds.

import {
  OUTPUT_NEURON,
  presetSettings,
  type BackendChoice,
  type ModelSettings,
  type NeuronRef,
} from '../model/options.ts';
import { defaultRunSettings } from '../pipeline/runSettings.ts';
import type { RawOptions } from './options.ts';
import { settingFlag } from './settingFlags.ts';
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
  const preset = settingFlag(values, 'preset') ?? defaultRunSettings.preset;
  const { network, train } = presetSettings(preset, kind);
  if (kind === 'classifier' && values.triplets !== undefined)
    throw new UsageError('--triplets applies to latent experiments; use --samples');
  if (kind === 'latent' && values.samples !== undefined)
    throw new UsageError('--samples applies to classifiers; use --triplets');
  train.examples =
    settingFlag(values, 'examples') ??
    settingFlag(values, 'examples', kind === 'latent' ? 'triplets' : 'samples') ??
    train.examples;
  train.epochs = settingFlag(values, 'epochs') ?? train.epochs;
  train.batch = settingFlag(values, 'batch') ?? train.batch;
  train.learningRate = settingFlag(values, 'learningRate') ?? train.learningRate;
  network.hidden = settingFlag(values, 'hidden') ?? network.hidden;
  network.activation = settingFlag(values, 'activation') ?? network.activation;
  network.dropout = settingFlag(values, 'dropout') ?? network.dropout;
  network.l2 = settingFlag(values, 'l2') ?? network.l2;
  return {
    preset,
    network,
    train,
    neuron: checkedNeuron(settingFlag(values, 'neuron') ?? OUTPUT_NEURON, network.hidden),
    points: settingFlag(values, 'points') ?? defaultRunSettings.points,
    band: settingFlag(values, 'band') ?? defaultRunSettings.band,
    backend: settingFlag(values, 'backend') ?? defaultRunSettings.backend,
  };
}
