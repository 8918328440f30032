// Reads and writes the run settings as a query string, driven by the settings table. The
// URL is untrusted: every value is matched against a pattern and its bounds, never evaluated, and
// a refused value keeps its default and leaves a notice, so a bad link still opens a working page.

import { defaultRunSettings, type RunSettings } from '../pipeline/runSettings.ts';
import { SETTINGS, type SettingRow } from '../pipeline/settings.ts';
import { NUMBER_PATTERN } from '../core/io/numberText.ts';
import { VIEW_KEYS } from './viewUrl.ts';
import { formatSettingValue, readSettingValue } from '../pipeline/settingValues.ts';

/** The version written as `v=1`; bump it when a key changes meaning, and read old links too. */
export const URL_VERSION = '1';
/** The key of the version. */
export const VERSION_KEY = 'v';

/** Settings read from a link, and one plain-text line per thing that was ignored or refused. */
export interface ParsedRunUrl {
  settings: RunSettings;
  notices: string[];
}

/** How much of a refused value or unknown key a notice shows. */
const SHOWN_CHARS = 40;

const ENTRIES = new Map<string, SettingRow>(SETTINGS.map((entry) => [entry.key, entry]));

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
    if (key === VERSION_KEY || VIEW_KEYS.has(key)) continue;
    const entry = ENTRIES.get(key);
    if (entry === undefined) {
      notices.push(`ignored unknown setting ${quoted(key)}`);
      continue;
    }
    const read = readSettingValue(entry, value);
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
  for (const entry of SETTINGS) {
    const value: unknown = settings[entry.field];
    if (value === undefined) continue;
    const text = formatSettingValue(entry, value);
    const fallback: unknown = defaultRunSettings[entry.field];
    if (fallback !== undefined && formatSettingValue(entry, fallback) === text) continue;
    params.set(entry.key, text);
  }
  // Commas, colons and slashes are legal in a query; leaving them bare keeps `hidden=64,64` and
  // `neuron=1:3` readable. Every `%` in the output starts an escape, so this cannot misfire.
  return params.toString().replace(/%2C/g, ',').replace(/%3A/g, ':').replace(/%2F/g, '/');
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
  const read = readSettingValue(entry, text.trim());
  return read.ok ? { ok: true, field: entry.field, value: read.value } : read;
}

/** The text of a setting's current value as a link writes it; '' where it is unset. */
export function settingText(key: string, settings: RunSettings): string {
  const entry = ENTRIES.get(key);
  if (entry === undefined) return '';
  const value: unknown = settings[entry.field];
  return value === undefined ? '' : formatSettingValue(entry, value);
}

/** The settings field a link key sets. */
export function settingField(key: string): keyof RunSettings | undefined {
  return ENTRIES.get(key)?.field;
}
