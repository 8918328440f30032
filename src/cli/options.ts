// Reads the command line's options (node:util parseArgs) into checked values; anything out of
// bounds or unknown becomes a UsageError naming the option.

import { parseArgs } from 'node:util';
import { availableParallelism } from 'node:os';
import { UsageError } from './usageError.ts';

export const optionSpec = {
  experiment: { type: 'string' },
  concept: { type: 'string' },
  box: { type: 'string' },
  threshold: { type: 'string' },
  negatives: { type: 'string' },
  gradients: { type: 'string' },
  x: { type: 'string' },
  grad: { type: 'string' },
  points: { type: 'string' },
  noise: { type: 'string' },
  seed: { type: 'string' },
  workers: { type: 'string' },
  'time-limit': { type: 'string' },
  'max-size': { type: 'string' },
  operators: { type: 'string' },
  'pick-factor': { type: 'string' },
  'pick-se': { type: 'string' },
  json: { type: 'string' },
  data: { type: 'string' },
  label: { type: 'string' },
  preset: { type: 'string' },
  epochs: { type: 'string' },
  examples: { type: 'string' },
  triplets: { type: 'string' },
  samples: { type: 'string' },
  hidden: { type: 'string' },
  'latent-size': { type: 'string' },
  activation: { type: 'string' },
  dropout: { type: 'string' },
  l2: { type: 'string' },
  lr: { type: 'string' },
  batch: { type: 'string' },
  neuron: { type: 'string' },
  band: { type: 'string' },
  backend: { type: 'string' },
  'save-model': { type: 'string' },
  'load-model': { type: 'string' },
  'export-gradients': { type: 'string' },
  'cross-check': { type: 'string' },
  export: { type: 'string', multiple: true },
  help: { type: 'boolean', short: 'h' },
} as const;

export type RawOptions = ReturnType<typeof parseCommandLine>['values'];

export function parseCommandLine(args: string[]) {
  try {
    return parseArgs({ args, options: optionSpec, allowPositionals: true, strict: true });
  } catch (error) {
    // parseArgs explains unknown options and missing values well. Keep all of it on one line: for
    // `--points -5` only the last of its lines says to write `--points=-5`.
    throw new UsageError((error as Error).message.split('\n').join(' ') || 'bad option');
  }
}

/** A number option within [min, max]; `integer` refuses fractions. */
export function numberOption(
  raw: string | undefined,
  name: string,
  fallback: number,
  { min, max, integer }: { min: number; max: number; integer: boolean },
): number {
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (raw.trim() === '' || !Number.isFinite(value))
    throw new UsageError(`--${name}: "${raw}" is not a number`);
  if (integer && !Number.isInteger(value)) throw new UsageError(`--${name}: "${raw}" must be a whole number`);
  if (value < min || value > max) throw new UsageError(`--${name}: ${raw} is out of range [${min}, ${max}]`);
  return value;
}

export function defaultWorkers(): number {
  return availableParallelism();
}
