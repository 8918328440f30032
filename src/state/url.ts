// Reads and writes the run settings as a query string, driven by the table in urlSchema.ts. The
// URL is untrusted: every value is matched against a pattern and its bounds, never evaluated, and
// a refused value keeps its default and leaves a notice, so a bad link still opens a working page.

import { parseOperatorList } from '../core/search/options.ts';
import type { NeuronRef } from '../model/options.ts';
import { defaultRunSettings, type RunSettings } from '../pipeline/runSettings.ts';
import { URL_SCHEMA, URL_VERSION, VERSION_KEY, type UrlEntry } from './urlSchema.ts';

/** Settings read from a link, and one plain-text line per thing that was ignored or refused. */
export interface ParsedRunUrl {
  settings: RunSettings;
  notices: string[];
}

type Read<T> = { ok: true; value: T } | { ok: false; reason: string };

/** Plain decimal or scientific notation; no hex, no `Infinity`, no `NaN`, nothing empty. */
const NUMBER_PATTERN = /^-?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
const NEURON_PATTERN = /^(\d+):(\d+)$/;
/** How much of a refused value or unknown key a notice shows. */
const SHOWN_CHARS = 40;

const ENTRIES = new Map<string, UrlEntry>(URL_SCHEMA.map((entry) => [entry.key, entry]));

/**
 * Reads a query string (`location.search`, with or without the `?`) on top of
 * `defaultRunSettings`. Never throws: unknown keys are ignored and refused values keep their
 * default, each with a notice; when a key repeats, its last value is the one read.
 */
export function parseRunUrl(search: string): ParsedRunUrl {
  const settings = structuredClone(defaultRunSettings);
  const notices: string[] = [];
  const values = new Map<string, { value: string; count: number }>();
  for (const [key, value] of new URLSearchParams(search)) {
    values.set(key, { value, count: (values.get(key)?.count ?? 0) + 1 });
  }
  if (values.size === 0) return { settings, notices };

  const version = values.get(VERSION_KEY);
  if (version === undefined) notices.push(`no link version; read as version ${URL_VERSION}`);
  else if (version.value !== URL_VERSION)
    notices.push(
      `unknown link version ${VERSION_KEY}=${shown(version.value)}; read as version ${URL_VERSION}`,
    );

  const target = settings as unknown as Record<string, unknown>;
  for (const [key, { value, count }] of values) {
    if (count > 1) notices.push(`setting ${quoted(key)} appears ${count} times; the last one is used`);
    if (key === VERSION_KEY) continue;
    const entry = ENTRIES.get(key);
    if (entry === undefined) {
      notices.push(`ignored unknown setting ${quoted(key)}`);
      continue;
    }
    const read = readValue(entry, value);
    // The table's type ties each field to a kind whose value fits it.
    if (read.ok) target[entry.field] = read.value;
    else notices.push(`refused ${key}=${shown(value)}: ${read.reason}`);
  }
  return { settings, notices };
}

/**
 * The query string (without `?`) for `settings`: `v=1`, then, in table order, each value that
 * differs from `defaultRunSettings` or is set where the default is undefined.
 */
export function serializeRunUrl(settings: RunSettings): string {
  const params = new URLSearchParams({ [VERSION_KEY]: URL_VERSION });
  for (const entry of URL_SCHEMA) {
    const value: unknown = settings[entry.field];
    if (value === undefined) continue;
    const text = formatValue(entry, value);
    const fallback: unknown = defaultRunSettings[entry.field];
    if (fallback !== undefined && formatValue(entry, fallback) === text) continue;
    params.set(entry.key, text);
  }
  // Commas, colons and slashes are legal in a query; leaving them bare keeps `hidden=64,64` and
  // `neuron=1:3` readable. Every `%` in the output starts an escape, so this cannot misfire.
  return params.toString().replace(/%2C/g, ',').replace(/%3A/g, ':').replace(/%2F/g, '/');
}

function readValue(entry: UrlEntry, text: string): Read<unknown> {
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
  }
}

function formatValue(entry: UrlEntry, value: unknown): string {
  switch (entry.kind) {
    case 'integer':
    case 'number':
      return String(value as number);
    case 'integerList':
      return (value as number[]).join(',');
    case 'neuron': {
      const ref = value as NeuronRef;
      return ref.kind === 'output' ? 'output' : `${ref.layer}:${ref.index}`;
    }
    case 'choice':
    case 'operatorList':
      return value as string;
  }
}

function readNumber(text: string, min: number, max: number): Read<number> {
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
  const match = NEURON_PATTERN.exec(text);
  if (!match) return { ok: false, reason: 'neither "output" nor LAYER:UNIT (for example 1:0)' };
  const [layer, index] = [Number(match[1]), Number(match[2])];
  if (!(layer >= 1 && layer <= maxLayer)) return { ok: false, reason: `layer out of range 1 to ${maxLayer}` };
  if (!(index <= maxUnit)) return { ok: false, reason: `unit out of range 0 to ${maxUnit}` };
  return { ok: true, value: { kind: 'hidden', layer, index } };
}

/** At most SHOWN_CHARS characters (whole code points) of `text`, with `…` where it was cut. */
function truncated(text: string): string {
  if (text.length <= SHOWN_CHARS) return text;
  // Enough UTF-16 units for SHOWN_CHARS + 1 code points, without splitting a 10 kB value.
  const points = Array.from(text.slice(0, 2 * SHOWN_CHARS + 2));
  return points.length <= SHOWN_CHARS ? text : `${points.slice(0, SHOWN_CHARS).join('')}…`;
}

/** `text` cut short and in JSON quotes, so quotes and control characters show as escapes. */
function quoted(text: string): string {
  return JSON.stringify(truncated(text));
}

/** A refused value as a notice shows it: a short plain number bare, anything else quoted. */
function shown(text: string): string {
  return text.length <= SHOWN_CHARS && NUMBER_PATTERN.test(text) ? text : quoted(text);
}

/** A setting typed into the page, read by the same rules as a link. */
export type SettingRead =
  { ok: true; field: keyof RunSettings; value: unknown } | { ok: false; reason: string };

export function readSetting(key: string, text: string): SettingRead {
  const entry = ENTRIES.get(key);
  if (entry === undefined) return { ok: false, reason: `unknown setting ${quoted(key)}` };
  const read = readValue(entry, text.trim());
  return read.ok ? { ok: true, field: entry.field, value: read.value } : read;
}

/** The text of a setting's current value as a link writes it; '' where it is unset. */
export function settingText(key: string, settings: RunSettings): string {
  const entry = ENTRIES.get(key);
  if (entry === undefined) return '';
  const value: unknown = settings[entry.field];
  return value === undefined ? '' : formatValue(entry, value);
}

/** The settings field a link key sets. */
export function settingField(key: string): keyof RunSettings | undefined {
  return ENTRIES.get(key)?.field;
}
