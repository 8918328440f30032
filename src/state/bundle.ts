// A bundle: a run's settings and the user's table in one file, since a link cannot carry a table.
// Importing it puts both back, so the same run can be made again. Everything in it is untrusted:
// the settings are read as a link's are, the table as a dropped file is.

import { parseRunUrl, serializeRunUrl } from './url.ts';
import type { RunSettings } from '../pipeline/runSettings.ts';
import type { TableInUse } from './userTable.ts';

export const BUNDLE_FORMAT = 'symbolic-gradients-explorer-bundle';
const BUNDLE_VERSION = 1;

export interface Bundle {
  format: typeof BUNDLE_FORMAT;
  version: typeof BUNDLE_VERSION;
  /** The settings as a link's query writes them. */
  settings: string;
  table: { name: string; label: string; csv: string };
}

export function bundleOf(settings: RunSettings, table: TableInUse, csv: string): Bundle {
  return {
    format: BUNDLE_FORMAT,
    version: BUNDLE_VERSION,
    settings: serializeRunUrl(settings),
    table: { name: table.name, label: table.kind === 'labelled' ? table.label : '', csv },
  };
}

/** Whether parsed JSON claims to be a bundle (then it is read as one, and refused as one). */
export const isBundle = (json: unknown): boolean =>
  typeof json === 'object' && json !== null && (json as { format?: unknown }).format === BUNDLE_FORMAT;

export type BundleRead =
  | { ok: true; settings: RunSettings; notices: string[]; table: Bundle['table'] }
  | { ok: false; error: string };

/** The settings and table of a bundle, or which field is wrong. */
export function readBundle(json: unknown): BundleRead {
  const b = json as Partial<Bundle>;
  if (b.version !== BUNDLE_VERSION)
    return { ok: false, error: `version ${String(b.version)} is not ${BUNDLE_VERSION}` };
  if (typeof b.settings !== 'string') return { ok: false, error: '"settings" is not a link query' };
  const t = b.table as Partial<Bundle['table']> | undefined;
  if (typeof t !== 'object' || t === null) return { ok: false, error: '"table" is missing' };
  for (const key of ['name', 'label', 'csv'] as const)
    if (typeof t[key] !== 'string') return { ok: false, error: `"table.${key}" is not text` };
  const { settings, notices } = parseRunUrl(b.settings);
  return { ok: true, settings, notices, table: { name: t.name!, label: t.label!, csv: t.csv! } };
}
