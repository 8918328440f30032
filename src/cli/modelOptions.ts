// The network, training and gradient options of `run` and `train`, read from the command line on
// top of a preset.

import {
  ACTIVATIONS,
  BACKENDS,
  DEFAULT_BAND,
  OUTPUT_NEURON,
  PRESETS,
  presetSettings,
  type BackendChoice,
  type ModelSettings,
  type NeuronRef,
} from '../model/options.ts';
import { choiceOption, numberOption, type RawOptions } from './options.ts';
import { UsageError } from './usageError.ts';

const MAX_WIDTH = 4096;
const MAX_LAYERS = 8;

function hiddenOption(raw: string | undefined, fallback: number[]): number[] {
  if (raw === undefined) return fallback;
  const parts = raw.split(',');
  if (parts.length > MAX_LAYERS) throw new UsageError(`--hidden: at most ${MAX_LAYERS} layers`);
  return parts.map((part) => numberOption(part, 'hidden', 0, { min: 1, max: MAX_WIDTH, integer: true }));
}

/** `output`, or `LAYER:INDEX` for a hidden unit (layers from 1, units from 0), checked against the network. */
function neuronOption(raw: string | undefined, hidden: number[]): NeuronRef {
  if (raw === undefined || raw === 'output') return OUTPUT_NEURON;
  const match = /^(\d+):(\d+)$/.exec(raw);
  if (!match)
    throw new UsageError(`--neuron: "${raw}" is neither "output" nor LAYER:INDEX (for example 1:0)`);
  const [layer, index] = [Number(match[1]), Number(match[2])];
  const width = hidden[layer - 1];
  if (width === undefined)
    throw new UsageError(`--neuron: the network has hidden layers 1 to ${hidden.length}, not ${layer}`);
  if (index >= width)
    throw new UsageError(`--neuron: hidden layer ${layer} has units 0 to ${width - 1}, not ${index}`);
  return { kind: 'hidden', layer, index };
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
  const preset = choiceOption(values.preset, 'preset', PRESETS, 'fast');
  const { network, train } = presetSettings(preset, kind);
  if (kind === 'classifier' && values.triplets !== undefined)
    throw new UsageError('--triplets applies to latent experiments; use --samples');
  if (kind === 'latent' && values.samples !== undefined)
    throw new UsageError('--samples applies to classifiers; use --triplets');
  const examplesName = kind === 'latent' ? 'triplets' : 'samples';
  train.examples = numberOption(values.triplets ?? values.samples, examplesName, train.examples, {
    min: 10,
    max: 10_000_000,
    integer: true,
  });
  train.epochs = numberOption(values.epochs, 'epochs', train.epochs, { min: 1, max: 100_000, integer: true });
  train.batch = numberOption(values.batch, 'batch', train.batch, { min: 1, max: 65_536, integer: true });
  train.learningRate = numberOption(values.lr, 'lr', train.learningRate, {
    min: 1e-8,
    max: 10,
    integer: false,
  });
  network.hidden = hiddenOption(values.hidden, network.hidden);
  network.activation = choiceOption(values.activation, 'activation', ACTIVATIONS, network.activation);
  network.dropout = numberOption(values.dropout, 'dropout', network.dropout, {
    min: 0,
    max: 0.95,
    integer: false,
  });
  network.l2 = numberOption(values.l2, 'l2', network.l2, { min: 0, max: 1, integer: false });
  return {
    preset,
    network,
    train,
    neuron: neuronOption(values.neuron, network.hidden),
    points: numberOption(values.points, 'points', 500, { min: 10, max: 1_000_000, integer: true }),
    band: numberOption(values.band, 'band', DEFAULT_BAND, { min: 0, max: 0.49, integer: false }),
    backend: choiceOption<BackendChoice>(values.backend, 'backend', ['auto', ...BACKENDS], 'auto'),
  };
}
