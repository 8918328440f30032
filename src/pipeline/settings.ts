// The one table of a run's settings: for each, its field of RunSettings, its key in a shared link,
// its flag on the command line, the kind and bounds of its value, what it means, where the page's
// settings panel shows it, and the first stage it shapes. The link's codec, the command line's
// parser and usage text, the page's settings panel (and which stages a change re-opens) and the
// README's table of settings all read it, so a setting cannot mean one thing in one place and
// another elsewhere. Plain data: no functions per row.

import {
  ACTIVATIONS,
  BACKENDS,
  MAX_LATENT_SIZE,
  PRESETS,
  type BackendChoice,
  type NeuronRef,
} from '../model/options.ts';
import { experimentIds } from '../experiments/index.ts';
import { NEGATIVE_RULES } from '../experiments/types.ts';
import type { RunSettings } from './runSettings.ts';
import type { StageId } from './stages.ts';

/** A whole number in [min, max]. */
export interface IntegerSpec {
  kind: 'integer';
  min: number;
  max: number;
}

/** A finite decimal number in [min, max]. */
export interface NumberSpec {
  kind: 'number';
  min: number;
  max: number;
}

/** One of a fixed set of strings, matched exactly. */
export interface ChoiceSpec<T extends string> {
  kind: 'choice';
  choices: readonly T[];
}

/** Comma-separated whole numbers, `minLength` to `maxLength` of them, each in [min, max]. */
export interface IntegerListSpec {
  kind: 'integerList';
  minLength: number;
  maxLength: number;
  min: number;
  max: number;
}

/** `output`, or `L:I`: hidden layer L (from 1, at most `maxLayer`), unit I (from 0, at most `maxUnit`). */
export interface NeuronSpec {
  kind: 'neuron';
  maxLayer: number;
  maxUnit: number;
}

/** An operator list such as `+,-,*,/,sin` (checked by `parseOperatorList`), at most `maxChars` long. */
export interface OperatorListSpec {
  kind: 'operatorList';
  maxChars: number;
}

/** A formula over a typed concept's inputs, at most `maxChars` long (parsed against its box when the run starts). */
export interface FormulaSpec {
  kind: 'formula';
  maxChars: number;
}

/** A typed concept's box, `NAME:LOW:HIGH,...` (checked by `parseBox`). */
export interface BoxSpec {
  kind: 'box';
}

/** The specs whose parsed value fits a field of type `T` (brackets stop distribution over unions). */
type SpecFor<T> =
  | ([T] extends [number] ? IntegerSpec | NumberSpec : never)
  | ([T] extends [number[]] ? IntegerListSpec : never)
  | ([T] extends [NeuronRef] ? NeuronSpec : never)
  | ([T] extends [string] ? ChoiceSpec<T> : never)
  | (string extends T ? OperatorListSpec | FormulaSpec | BoxSpec : never);

/** The folds of the page's settings panel; `null`: chosen elsewhere on the page (the experiment). */
export type SettingGroup = 'Run' | 'Data' | 'Network' | 'Training' | 'Gradients' | 'Search';

interface SettingDescription {
  /** Its key in a shared link. */
  key: string;
  /** Its flag on the command line, without the dashes. */
  flag: string;
  /** What the flag's value looks like in the usage text: `N`, `64,64`. */
  metavar: string;
  /** What it means, in a phrase. */
  help: string;
  /** The first stage it shapes: changing it re-opens that stage and those after it. */
  stage: StageId;
  /** Where the page's settings panel shows it, under which label. */
  panel: { group: SettingGroup; label: string } | null;
}

/** One row of the table: a setting, the field it sets, and how its value is read. */
export type SettingRow = {
  [F in keyof RunSettings]-?: SettingDescription & { field: F } & SpecFor<NonNullable<RunSettings[F]>>;
}[keyof RunSettings];

const BACKEND_CHOICES: readonly BackendChoice[] = ['auto', ...BACKENDS];

/**
 * Every setting, in the order a link writes them. The bounds are those of a link, which anyone can
 * send: a network no wider than 1,024 units or deeper than 8 layers, a million examples, 20,000
 * points; the command line takes the same.
 */
export const SETTINGS: readonly SettingRow[] = [
  {
    field: 'experiment',
    key: 'experiment',
    flag: 'experiment',
    metavar: 'ID',
    help: 'the catalogue experiment (`npm run cli -- list`)',
    stage: 'data',
    panel: null,
    kind: 'choice',
    choices: experimentIds,
  },
  {
    field: 'concept',
    key: 'concept',
    flag: 'concept',
    metavar: 'FORMULA',
    help: 'a concept of your own in place of the experiment: a formula over the inputs of `box`',
    stage: 'data',
    panel: null,
    kind: 'formula',
    maxChars: 500,
  },
  {
    field: 'box',
    key: 'box',
    flag: 'box',
    metavar: 'x:-2:2,v:-2:2',
    help: "the typed concept's inputs, each sampled uniformly from LOW to HIGH",
    stage: 'data',
    panel: null,
    kind: 'box',
  },
  {
    field: 'threshold',
    key: 'threshold',
    flag: 'threshold',
    metavar: 'T',
    help: 'makes the typed concept a classifier: label 1 where the formula exceeds T',
    stage: 'data',
    panel: null,
    kind: 'number',
    min: -1e12,
    max: 1e12,
  },
  {
    field: 'seed',
    key: 'seed',
    flag: 'seed',
    metavar: 'N',
    help: 'the seed every random draw derives from',
    stage: 'data',
    panel: { group: 'Run', label: 'Seed' },
    kind: 'integer',
    min: 0,
    max: 2 ** 31 - 1,
  },
  {
    field: 'preset',
    key: 'preset',
    flag: 'preset',
    metavar: 'fast|paper',
    help: "`fast`: two hidden layers of 64 ELU units, 32,000 examples, at most 15 epochs; `paper`: the authors' sizes",
    stage: 'data',
    panel: { group: 'Run', label: 'Preset' },
    kind: 'choice',
    choices: PRESETS,
  },
  {
    field: 'negatives',
    key: 'negatives',
    flag: 'negatives',
    metavar: NEGATIVE_RULES.join('|'),
    help: "a latent experiment's negatives: fresh draws, as the papers drew them, or draws that share another invariant of the system with their anchor (central-potential: the energy; field-strength: E^2 - B^2)",
    stage: 'data',
    panel: { group: 'Data', label: 'Negatives' },
    kind: 'choice',
    choices: NEGATIVE_RULES,
  },
  {
    field: 'examples',
    key: 'examples',
    flag: 'examples',
    metavar: 'N',
    help: 'training examples (triplets or labelled points), a fifth held out for validation',
    stage: 'data',
    panel: { group: 'Data', label: 'Training examples' },
    kind: 'integer',
    min: 10,
    max: 1_000_000,
  },
  {
    field: 'hidden',
    key: 'hidden',
    flag: 'hidden',
    metavar: '64,64',
    help: 'the widths of the hidden layers',
    stage: 'train',
    panel: { group: 'Network', label: 'Hidden layers' },
    kind: 'integerList',
    minLength: 1,
    maxLength: 8,
    min: 1,
    max: 1024,
  },
  {
    field: 'latentSize',
    key: 'latent',
    flag: 'latent-size',
    metavar: 'K',
    help: "a latent experiment's output units, the size of its latent space (the triplet loss takes their Euclidean distance)",
    stage: 'train',
    panel: { group: 'Network', label: 'Latent size (output units)' },
    kind: 'integer',
    min: 1,
    max: MAX_LATENT_SIZE,
  },
  {
    field: 'activation',
    key: 'activation',
    flag: 'activation',
    metavar: ACTIVATIONS.join('|'),
    help: "the hidden layers' activation",
    stage: 'train',
    panel: { group: 'Network', label: 'Activation' },
    kind: 'choice',
    choices: ACTIVATIONS,
  },
  {
    field: 'dropout',
    key: 'dropout',
    flag: 'dropout',
    metavar: 'P',
    help: 'dropout after each hidden layer',
    stage: 'train',
    panel: { group: 'Network', label: 'Dropout' },
    kind: 'number',
    min: 0,
    max: 0.9,
  },
  {
    field: 'l2',
    key: 'l2',
    flag: 'l2',
    metavar: 'L',
    help: 'L2 penalty on the kernels',
    stage: 'train',
    panel: { group: 'Network', label: 'L2' },
    kind: 'number',
    min: 0,
    max: 1,
  },
  {
    field: 'epochs',
    key: 'epochs',
    flag: 'epochs',
    metavar: 'N',
    help: 'the most epochs; training stops 10 epochs after the best validation loss and keeps its weights',
    stage: 'train',
    panel: { group: 'Training', label: 'Epochs (at most)' },
    kind: 'integer',
    min: 1,
    max: 10_000,
  },
  {
    field: 'learningRate',
    key: 'lr',
    flag: 'lr',
    metavar: 'RATE',
    help: "Adam's learning rate; it halves after 4 epochs without a better validation loss",
    stage: 'train',
    panel: { group: 'Training', label: 'Learning rate' },
    kind: 'number',
    min: 1e-6,
    max: 1,
  },
  {
    field: 'batch',
    key: 'batch',
    flag: 'batch',
    metavar: 'N',
    help: 'examples per batch',
    stage: 'train',
    panel: { group: 'Training', label: 'Batch' },
    kind: 'integer',
    min: 1,
    max: 8192,
  },
  {
    field: 'neuron',
    key: 'neuron',
    flag: 'neuron',
    metavar: 'output|output:J|L:I',
    help: 'the latent output or logit, unit J (from 0) of a latent space of several, or unit I (from 0) of hidden layer L (from 1)',
    stage: 'gradients',
    panel: { group: 'Gradients', label: 'Neuron (output, output:unit or layer:unit)' },
    kind: 'neuron',
    maxLayer: 8,
    maxUnit: 1023,
  },
  {
    field: 'points',
    key: 'points',
    flag: 'points',
    metavar: 'N',
    help: 'the points whose gradients the search sees',
    stage: 'gradients',
    panel: { group: 'Gradients', label: 'Points' },
    kind: 'integer',
    min: 10,
    // A classifier draws 32 times as many to find them (640,000 points at most).
    max: 20_000,
  },
  {
    field: 'band',
    key: 'band',
    flag: 'band',
    metavar: 'P',
    help: 'a classifier keeps the points whose probability is in (P, 1 - P)',
    stage: 'gradients',
    panel: { group: 'Gradients', label: 'Classifier band' },
    kind: 'number',
    min: 0,
    max: 0.49,
  },
  {
    field: 'operators',
    key: 'operators',
    flag: 'operators',
    metavar: 'LIST',
    help: 'the operators the search may use; the general configuration by default',
    stage: 'search',
    panel: { group: 'Search', label: 'Operators' },
    kind: 'operatorList',
    maxChars: 200,
  },
  {
    field: 'maxSize',
    key: 'maxSize',
    flag: 'max-size',
    metavar: 'N',
    help: 'the largest expression the search considers',
    stage: 'search',
    panel: { group: 'Search', label: 'Max size' },
    kind: 'integer',
    min: 3,
    max: 60,
  },
  {
    field: 'timeLimitSeconds',
    key: 'timeLimit',
    flag: 'time-limit',
    metavar: 'SECONDS',
    help: "the search's time budget",
    stage: 'search',
    panel: { group: 'Search', label: 'Time limit (s)' },
    kind: 'number',
    min: 0.1,
    max: 86_400,
  },
  {
    field: 'crossCheck',
    key: 'check',
    flag: 'cross-check',
    metavar: 'on|off',
    help: "make the pick on gradients the search did not fit: a second network's, or a classifier's nearest its boundary",
    stage: 'train',
    panel: { group: 'Search', label: 'Cross-check the pick' },
    kind: 'choice',
    choices: ['on', 'off'],
  },
  {
    field: 'pickLossFactor',
    key: 'pickFactor',
    flag: 'pick-factor',
    metavar: 'F',
    help: "the pick's loss window: the pick is the highest score within F times the lowest loss",
    stage: 'search',
    panel: { group: 'Search', label: 'Pick window (x lowest loss)' },
    kind: 'number',
    min: 1,
    max: 1e6,
  },
  {
    field: 'backend',
    key: 'backend',
    flag: 'backend',
    metavar: 'auto|' + BACKENDS.join('|'),
    help: 'the tfjs backend (`auto`: the fastest that starts)',
    stage: 'train',
    panel: { group: 'Run', label: 'Backend' },
    kind: 'choice',
    choices: BACKEND_CHOICES,
  },
];

/** The row of a link key. */
export function settingByKey(key: string): SettingRow | undefined {
  return SETTINGS.find((row) => row.key === key);
}
