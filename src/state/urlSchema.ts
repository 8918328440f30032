// The one table that says how the run settings live in the page's URL: per key, the RunSettings
// field, the kind of value and its bounds. Parsing and serialising (url.ts) both read this table,
// so a key cannot be written one way and read another. Plain data: no functions per key.

import type { NeuronRef } from '../model/options.ts';
import { ACTIVATIONS, PRESETS } from '../model/options.ts';
import { BACKENDS, type BackendChoice } from '../model/options.ts';
import { experimentIds } from '../experiments/index.ts';
import type { RunSettings } from '../pipeline/runSettings.ts';

/** The version written as `v=1`; bump it when a key changes meaning, and read old links too. */
export const URL_VERSION = '1';
/** The key of the version. */
export const VERSION_KEY = 'v';

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

/** The specs whose parsed value fits a field of type `T` (brackets stop distribution over unions). */
type SpecFor<T> =
  | ([T] extends [number] ? IntegerSpec | NumberSpec : never)
  | ([T] extends [number[]] ? IntegerListSpec : never)
  | ([T] extends [NeuronRef] ? NeuronSpec : never)
  | ([T] extends [string] ? ChoiceSpec<T> : never)
  | (string extends T ? OperatorListSpec : never);

/** One row of the table: a URL key, the settings field it sets, and how its value is read. */
export type UrlEntry = {
  [F in keyof RunSettings]-?: { key: string; field: F } & SpecFor<NonNullable<RunSettings[F]>>;
}[keyof RunSettings];

const BACKEND_CHOICES: readonly BackendChoice[] = ['auto', ...BACKENDS];

/** The URL keys, in the order they are written. */
export const URL_SCHEMA: readonly UrlEntry[] = [
  { key: 'experiment', field: 'experiment', kind: 'choice', choices: experimentIds },
  { key: 'seed', field: 'seed', kind: 'integer', min: 0, max: 2 ** 31 - 1 },
  { key: 'preset', field: 'preset', kind: 'choice', choices: PRESETS },
  { key: 'examples', field: 'examples', kind: 'integer', min: 10, max: 1_000_000 },
  { key: 'hidden', field: 'hidden', kind: 'integerList', minLength: 1, maxLength: 8, min: 1, max: 1024 },
  { key: 'activation', field: 'activation', kind: 'choice', choices: ACTIVATIONS },
  { key: 'dropout', field: 'dropout', kind: 'number', min: 0, max: 0.9 },
  { key: 'l2', field: 'l2', kind: 'number', min: 0, max: 1 },
  { key: 'epochs', field: 'epochs', kind: 'integer', min: 1, max: 10_000 },
  { key: 'lr', field: 'learningRate', kind: 'number', min: 1e-6, max: 1 },
  { key: 'batch', field: 'batch', kind: 'integer', min: 1, max: 8192 },
  { key: 'neuron', field: 'neuron', kind: 'neuron', maxLayer: 8, maxUnit: 1023 },
  { key: 'points', field: 'points', kind: 'integer', min: 10, max: 20_000 },
  { key: 'band', field: 'band', kind: 'number', min: 0, max: 0.49 },
  { key: 'operators', field: 'operators', kind: 'operatorList', maxChars: 200 },
  { key: 'maxSize', field: 'maxSize', kind: 'integer', min: 3, max: 60 },
  { key: 'timeLimit', field: 'timeLimitSeconds', kind: 'number', min: 1, max: 3600 },
  { key: 'check', field: 'crossCheck', kind: 'choice', choices: ['on', 'off'] },
  { key: 'pickFactor', field: 'pickLossFactor', kind: 'number', min: 1, max: 1e6 },
  { key: 'backend', field: 'backend', kind: 'choice', choices: BACKEND_CHOICES },
];
