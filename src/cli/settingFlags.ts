// The run's settings on the command line, read by the settings table: each flag by the same
// rules and bounds as a shared link's key, so a value the page refuses the command line refuses
// too, with the flag named.

import { defaultRunSettings, type RunSettings } from '../pipeline/runSettings.ts';
import { SETTINGS, type SettingRow } from '../pipeline/settings.ts';
import { readSettingValue } from '../pipeline/settingValues.ts';
import type { RawOptions } from './options.ts';
import { UsageError } from './usageError.ts';

/**
 * The value of `field`'s flag, or undefined where it is not given. `flag` reads another flag by
 * the same row (`--triplets` and `--samples` are the examples of a latent experiment and of a
 * classifier).
 */
export function settingFlag<F extends keyof RunSettings>(
  values: RawOptions,
  field: F,
  flag?: string,
): RunSettings[F] | undefined {
  const row = SETTINGS.find((entry) => entry.field === field);
  if (row === undefined) throw new Error(`no setting ${field} in the settings table`);
  const name = flag ?? row.flag;
  const raw = (values as Record<string, unknown>)[name];
  if (typeof raw !== 'string') return undefined;
  const read = readSettingValue(row, raw.trim());
  if (!read.ok) throw new UsageError(`--${name}: ${JSON.stringify(raw)}: ${read.reason}`);
  // The row is `field`'s, so its reader's value fits the field.
  return read.value as RunSettings[F];
}

/**
 * The run's settings as the command line gives them, on top of the defaults, for the rows a
 * command takes (`takes`): the same record a link of the page makes, for the result JSON.
 */
export function settingsFromFlags(
  values: RawOptions,
  takes: (row: SettingRow) => boolean = () => true,
): Partial<RunSettings> {
  const settings: Record<string, unknown> = {};
  for (const row of SETTINGS) {
    if (!takes(row)) continue;
    const given =
      settingFlag(values, row.field) ??
      (row.field === 'examples'
        ? (settingFlag(values, 'examples', 'triplets') ?? settingFlag(values, 'examples', 'samples'))
        : undefined);
    const value: unknown = given ?? defaultRunSettings[row.field];
    if (value !== undefined) settings[row.field] = value;
  }
  return settings as Partial<RunSettings>;
}
