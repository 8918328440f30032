// A table of the user's own, held in this page's memory only: never written into the link, never
// sent anywhere. A labelled table trains a classifier; a gradient file (`x,…,grad_x,…`) is
// searched as it is. The store keeps what the panels show of it; the rows stay here.

import { formatFileError, readGradientCsv, type GradientSet } from '../core/io/gradientFile.ts';
import { readLabelledCsv, type LabelledTable } from '../core/io/labelledCsv.ts';
import { appStore } from './store.ts';

/** Larger files are refused before they are read: a page holds the table in memory. */
export const MAX_TABLE_BYTES = 50 * 1024 * 1024;

/** Why a file of `bytes` cannot be read as a table, or null. */
export const tableFileProblem = (name: string, bytes: number): string | null =>
  bytes > MAX_TABLE_BYTES
    ? `${name}: ${Math.round(bytes / 1024 / 1024)} MB is larger than the ${MAX_TABLE_BYTES / 1024 / 1024} MB a page reads`
    : null;

/** What the page shows of the table in use. */
export type TableInUse = {
  name: string;
  rows: number;
  variables: string[];
} & (
  | {
      kind: 'labelled';
      label: string;
      classes: [number, number];
      /** Rows of the larger label value (the positive class). */
      positives: number;
    }
  | {
      kind: 'gradients';
      /** Rows left out for a non-finite value or a zero gradient. */
      skipped: number;
    }
);

/** The table as read, with the file's text (for a bundle). */
export type LoadedTable = { text: string } & (
  { kind: 'labelled'; table: LabelledTable } | { kind: 'gradients'; gradients: GradientSet }
);

let loaded: LoadedTable | null = null;

/** The rows of the table in use, or null. */
export const tableInUse = (): LoadedTable | null => (appStore.getState().table ? loaded : null);

/** Whether a file's header makes it a gradient file (`x,…,grad_x,…`) rather than a labelled table. */
export const isGradientFile = (text: string): boolean =>
  text
    .split(/\r?\n/, 1)[0]!
    .split(',')
    .some((name) => name.trim().startsWith('grad_'));

export type TableRead = { ok: true; loaded: LoadedTable; summary: TableInUse } | { ok: false; error: string };

/**
 * The table a file's text makes (a gradient file by its header; else labelled, with `label` as its
 * label column), or what is wrong (file, line, column).
 */
export function readTable(text: string, name: string, label: string): TableRead {
  if (isGradientFile(text)) {
    const read = readGradientCsv(text, name);
    if (!read.ok) return { ok: false, error: formatFileError(read.error) };
    const gradients = read.value;
    const rows = gradients.x[0]?.length ?? 0;
    if (rows === 0)
      return { ok: false, error: `${name}: no usable row (each has a non-finite value or a zero gradient)` };
    return {
      ok: true,
      loaded: { kind: 'gradients', gradients, text },
      summary: { kind: 'gradients', name, rows, variables: gradients.variables, skipped: gradients.skipped },
    };
  }
  const read = readLabelledCsv(text, name, label);
  if (!read.ok) return { ok: false, error: formatFileError(read.error) };
  const table = read.value;
  return {
    ok: true,
    loaded: { kind: 'labelled', table, text },
    summary: {
      kind: 'labelled',
      name,
      label,
      rows: table.y.length,
      variables: table.variables,
      classes: table.classes,
      positives: table.y.reduce((n, v) => n + v, 0),
    },
  };
}

/** Runs are made on this table from now on, until another experiment is chosen. */
export function putTableInUse(table: LoadedTable, summary: TableInUse): void {
  loaded = table;
  appStore.setState({ table: summary, tableMode: true, networkMode: false, network: null });
}

/** Back to the settings' experiment: the table is forgotten. */
export function leaveTable(): void {
  loaded = null;
  appStore.setState({ table: null, tableMode: false });
}
