// Reads a saved run back from the browser's storage, trusting nothing in it: the settings are
// read again from the run's link (the record's key), the result goes through the result file's
// schema, the panels' figures through a schema of plain bounded number series, and what the
// page derives from the result (the candidates, the verification) is derived again. A record
// that does not fit is refused with the field that is wrong; the other saved runs are unaffected.

import { z } from 'zod';
import { BACKENDS } from '../model/options.ts';
import type { RunSettings } from '../pipeline/runSettings.ts';
import { readResultJson } from '../pipeline/resultFile.ts';
import type { ResultJson } from '../pipeline/report.ts';
import type { RunView } from './store.ts';
import { parseRunUrl } from './url.ts';

/** Points in any one series of a panel (plots of the page hold a few thousand). */
const MAX_SERIES = 100_000;

const series = z.array(z.number()).max(MAX_SERIES);
const label = z.string().max(64);

const panelsSchema = z.object({
  backend: z.enum(BACKENDS).nullable(),
  training: z
    .object({
      epochs: series,
      train: series,
      validation: series,
      pearson: z.number().exactOptional(),
      spearman: z.number().exactOptional(),
      seconds: z.number().min(0),
      examplesPerSecond: z.number().min(0),
      second: z.object({ epoch: z.number().int().min(0), epochs: z.number().int().min(0) }).exactOptional(),
    })
    .nullable(),
  neuron: z.object({ neuron: series, truth: series }).nullable(),
  gradients: z
    .object({
      points: z.number().int().min(0),
      outsideBand: z.number().int().min(0),
      zeroGradient: z.number().int().min(0),
      flatDirections: z.number().int().min(0),
      quality: z.number().exactOptional(),
      known: z
        .object({
          concepts: z.array(z.object({ name: label, quality: z.number() })).max(16),
          span: z.number(),
        })
        .exactOptional(),
    })
    .nullable(),
  plane: z
    .object({
      xName: label,
      yName: label,
      points: z.object({ x: series, y: series }),
      arrows: z.object({ x: series, y: series, u: series, v: series }),
      neuronGrid: z.object({ x: series, y: series, z: z.array(series).max(1000) }).exactOptional(),
      equationGrid: z.object({ x: series, y: series, z: z.array(series).max(1000) }).exactOptional(),
      boundary: z.number().exactOptional(),
    })
    .nullable(),
});

const recordSchema = z.object({
  key: z.string().max(4000),
  savedAt: z.iso.datetime(),
  title: z.string().max(500),
  view: panelsSchema.extend({ result: z.unknown() }),
});

/** A saved run as the page shows it: the panels' figures and the result they came with. */
export interface SavedRunRecord {
  key: string;
  savedAt: string;
  title: string;
  settings: RunSettings;
  panels: Pick<RunView, 'backend' | 'training' | 'neuron' | 'gradients' | 'plane'>;
  result: ResultJson;
}

export type ReadRecord = { ok: true; run: SavedRunRecord } | { ok: false; error: string };

/** The saved run in `record`, checked, or what is wrong with it and where. */
export function readSavedRun(record: unknown): ReadRecord {
  const parsed = recordSchema.safeParse(record);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return { ok: false, error: `${issue.path.map(String).join('.')}: ${issue.message}` };
  }
  const { key, savedAt, title, view } = parsed.data;
  const link = parseRunUrl(key);
  if (link.notices.length > 0) return { ok: false, error: `key: ${link.notices[0]}` };
  const result = readResultJson(JSON.stringify(view.result ?? null));
  if (!result.ok) return { ok: false, error: `view.result: ${result.error}` };
  const { backend, training, neuron, gradients, plane } = view;
  const panels = { backend, training, neuron, gradients, plane };
  return { ok: true, run: { key, savedAt, title, settings: link.settings, panels, result: result.result } };
}
