// Reading and writing one setting's value as text, by its row in the settings table: the same
// rules for a shared link, a field of the page and a flag on the command line. The text is
// untrusted: it is matched against a pattern and its bounds, never evaluated.

import { NUMBER_PATTERN } from '../core/io/numberText.ts';
import { parseOperatorList } from '../core/search/options.ts';
import { formatBox, parseBox } from '../experiments/concept.ts';
import { errorText } from './experimentOf.ts';
import { MAX_LATENT_SIZE, type NeuronRef } from '../model/options.ts';
import type { SettingRow } from './settings.ts';

export type Read<T> = { ok: true; value: T } | { ok: false; reason: string };

const NEURON_PATTERN = /^(\d+):(\d+)$/;
/** `output:J`: unit J of a latent space of several. */
const OUTPUT_UNIT_PATTERN = /^output:(\d+)$/;

export function readSettingValue(entry: SettingRow, text: string): Read<unknown> {
  switch (entry.kind) {
    case 'integer':
      return readInteger(text, entry.min, entry.max);
    case 'number':
      return readNumber(text, entry.min, entry.max);
    case 'choice':
      return (entry.choices as readonly string[]).includes(text)
        ? { ok: true, value: text }
        : { ok: false, reason: `not one of ${entry.choices.join(', ')}` };
    case 'integerList':
      return readIntegerList(text, entry.minLength, entry.maxLength, entry.min, entry.max);
    case 'neuron':
      return readNeuron(text, entry.maxLayer, entry.maxUnit);
    case 'operatorList': {
      if (text.length > entry.maxChars)
        return { ok: false, reason: `longer than ${entry.maxChars} characters` };
      const parsed = parseOperatorList(text);
      return parsed.ok ? { ok: true, value: text } : { ok: false, reason: parsed.message };
    }
    case 'formula':
      if (text === '') return { ok: false, reason: 'empty' };
      return text.length > entry.maxChars
        ? { ok: false, reason: `longer than ${entry.maxChars} characters` }
        : { ok: true, value: text };
    case 'box': {
      const parsed = parseBox(text);
      // Written back in one form (`x:-2:2,v:-2:2`), however it was spaced.
      return parsed.ok
        ? { ok: true, value: formatBox(parsed.value) }
        : { ok: false, reason: errorText(parsed.error) };
    }
  }
}

export function formatSettingValue(entry: SettingRow, value: unknown): string {
  switch (entry.kind) {
    case 'integer':
    case 'number':
      return String(value as number);
    case 'integerList':
      return (value as number[]).join(',');
    case 'neuron': {
      const ref = value as NeuronRef;
      if (ref.kind === 'hidden') return `${ref.layer}:${ref.index}`;
      return (ref.unit ?? 0) === 0 ? 'output' : `output:${ref.unit}`;
    }
    case 'choice':
    case 'operatorList':
    case 'formula':
    case 'box':
      return value as string;
  }
}

export function readNumber(text: string, min: number, max: number): Read<number> {
  if (!NUMBER_PATTERN.test(text)) return { ok: false, reason: 'not a number' };
  const value = Number(text) + 0; // + 0 turns -0 into 0
  if (!(value >= min && value <= max)) return { ok: false, reason: `out of range ${min} to ${max}` };
  return { ok: true, value };
}

function readInteger(text: string, min: number, max: number): Read<number> {
  if (!NUMBER_PATTERN.test(text)) return { ok: false, reason: 'not a whole number' };
  const read = readNumber(text, min, max);
  if (read.ok && !Number.isInteger(read.value)) return { ok: false, reason: 'not a whole number' };
  return read;
}

function readIntegerList(
  text: string,
  minLength: number,
  maxLength: number,
  min: number,
  max: number,
): Read<number[]> {
  const parts = text.split(',');
  if (parts.length < minLength || parts.length > maxLength)
    return { ok: false, reason: `needs ${minLength} to ${maxLength} comma-separated values` };
  const values: number[] = [];
  for (const [i, part] of parts.entries()) {
    const read = readInteger(part, min, max);
    if (!read.ok) return { ok: false, reason: `value ${i + 1}: ${read.reason}` };
    values.push(read.value);
  }
  return { ok: true, value: values };
}

function readNeuron(text: string, maxLayer: number, maxUnit: number): Read<NeuronRef> {
  if (text === 'output') return { ok: true, value: { kind: 'output' } };
  const unit = OUTPUT_UNIT_PATTERN.exec(text);
  if (unit) {
    const index = Number(unit[1]);
    if (!(index < MAX_LATENT_SIZE))
      return { ok: false, reason: `output unit out of range 0 to ${MAX_LATENT_SIZE - 1}` };
    return { ok: true, value: index === 0 ? { kind: 'output' } : { kind: 'output', unit: index } };
  }
  const match = NEURON_PATTERN.exec(text);
  if (!match)
    return { ok: false, reason: 'neither "output", "output:UNIT" nor LAYER:UNIT (for example 1:0)' };
  const [layer, index] = [Number(match[1]), Number(match[2])];
  if (!(layer >= 1 && layer <= maxLayer)) return { ok: false, reason: `layer out of range 1 to ${maxLayer}` };
  if (!(index <= maxUnit)) return { ok: false, reason: `unit out of range 0 to ${maxUnit}` };
  return { ok: true, value: { kind: 'hidden', layer, index } };
}
