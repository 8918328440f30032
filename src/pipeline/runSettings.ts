// Every setting that shapes a run of the page, as plain data: what a shared link holds. Fields
// left undefined take the preset's or the experiment's default, so a link stays short and keeps
// working when those defaults improve.

import {
  DEFAULT_BAND,
  OUTPUT_NEURON,
  presetSettings,
  type Activation,
  type BackendChoice,
  type ModelSettings,
  type NeuronRef,
  type Preset,
} from '../model/options.ts';
import { defaultSearchOptions, parseOperatorList, type SearchOptions } from '../core/search/options.ts';
import type { Experiment, NegativeRule } from '../experiments/types.ts';
import { NETWORK_PICK_RULE, type PickRule } from './pickRule.ts';

export interface RunSettings {
  experiment: string;
  /** A typed concept in place of the experiment: a formula over the inputs of `box`. */
  concept?: string;
  /** The typed concept's inputs and ranges, `x:-2:2,v:-2:2`. */
  box?: string;
  /** Makes the typed concept a classifier: label 1 where the formula exceeds it. */
  threshold?: number;
  seed: number;
  preset: Preset;
  /** Where a latent experiment's negatives come from; undefined: fresh, as the papers drew them. */
  negatives?: NegativeRule;
  /** Training examples (triplets or labelled points); undefined: the preset's. */
  examples?: number;
  hidden?: number[];
  /** A latent experiment's output units, the size of its latent space; undefined: 1. */
  latentSize?: number;
  activation?: Activation;
  dropout?: number;
  l2?: number;
  epochs?: number;
  learningRate?: number;
  batch?: number;
  neuron: NeuronRef;
  /** Points whose gradients the search sees. */
  points: number;
  /** Classifiers: the probability band (band, 1 - band). */
  band: number;
  /** Operator list such as `+,-,*,/,sin`; undefined: the general default. */
  operators?: string;
  maxSize?: number;
  timeLimitSeconds: number;
  /** Make the pick on gradients the search did not fit (see `NETWORK_PICK_RULE`). */
  crossCheck: 'on' | 'off';
  /** The pick's loss window; undefined: the rule's, 1.5 with a cross-check and 10 without. */
  pickLossFactor?: number;
  backend: BackendChoice;
}

export const defaultRunSettings: RunSettings = {
  experiment: 'matrix-2x2-trace',
  seed: 1,
  preset: 'fast',
  neuron: OUTPUT_NEURON,
  points: 500,
  band: DEFAULT_BAND,
  timeLimitSeconds: 60,
  crossCheck: 'on',
  backend: 'auto',
};

/** The network and training settings: the preset's, with the run's overrides. */
export function modelSettingsOf(s: RunSettings, kind: Experiment['kind']): ModelSettings {
  const { network, train } = presetSettings(s.preset, kind);
  return {
    network: {
      hidden: s.hidden ?? network.hidden,
      activation: s.activation ?? network.activation,
      dropout: s.dropout ?? network.dropout,
      l2: s.l2 ?? network.l2,
      // A classifier has one output, its logit.
      ...(kind === 'latent' && (s.latentSize ?? 1) > 1 ? { outputs: s.latentSize } : {}),
    },
    train: {
      ...train,
      examples: s.examples ?? train.examples,
      epochs: s.epochs ?? train.epochs,
      learningRate: s.learningRate ?? train.learningRate,
      batch: s.batch ?? train.batch,
    },
  };
}

/**
 * The search's options: the general defaults (the same for every experiment), the pick rule (for
 * a network's gradients by default), the run's overrides. Throws on an operator list that does
 * not parse (a link's is checked when read).
 */
export function searchOptionsOf(
  s: Pick<RunSettings, 'seed' | 'operators' | 'maxSize' | 'timeLimitSeconds' | 'pickLossFactor'>,
  rule: PickRule = NETWORK_PICK_RULE,
): SearchOptions {
  const parsed = s.operators === undefined ? null : parseOperatorList(s.operators);
  if (parsed && !parsed.ok) throw new Error(`operators: ${parsed.message}`);
  return {
    ...defaultSearchOptions,
    seed: s.seed,
    ...(parsed ? { binaryOperators: parsed.binary, unaryOperators: parsed.unary } : {}),
    maxSize: s.maxSize ?? defaultSearchOptions.maxSize,
    timeLimitSeconds: s.timeLimitSeconds,
    pickLossFactor: s.pickLossFactor ?? rule.pickLossFactor,
    pickStandardErrors: rule.pickStandardErrors,
    pickWindowOnFitted: rule.pickWindowOnFitted,
  };
}
