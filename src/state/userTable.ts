// A labelled table of the user's own, held in this page's memory only: never written into the
// link, never sent anywhere. The store keeps what the panels show of it; the rows stay here.

import { readLabelledCsv, type LabelledTable } from '../core/io/labelledCsv.ts';
import { formatFileError } from '../core/io/gradientFile.ts';
import { appStore } from './store.ts';

/** Larger files are refused before they are read: a page holds the table in memory. */
export const MAX_TABLE_BYTES = 50 * 1024 * 1024;

/** Why a file of `bytes` cannot be read as a table, or null. */
export const tableFileProblem = (name: string, bytes: number): string | null =>
  bytes > MAX_TABLE_BYTES
    ? `${name}: ${Math.round(bytes / 1024 / 1024)} MB is larger than the ${MAX_TABLE_BYTES / 1024 / 1024} MB a page reads`
    : null;

/** What the page shows of the table in use. */
export interface TableInUse {
  name: string;
  label: string;
  rows: number;
  variables: string[];
  classes: [number, number];
  /** Rows of the larger label value (the positive class). */
  positives: number;
}

/** The table as read: its rows, and the file's text (for a bundle). */
interface LoadedTable {
  table: LabelledTable;
  text: string;
}

let loaded: LoadedTable | null = null;

/** The rows of the table in use, or null. */
export const tableInUse = (): LoadedTable | null => (appStore.getState().table ? loaded : null);

/** The table a file's text makes with `label` as its label column, or what is wrong (file, line, column). */
export function readTable(
  text: string,
  name: string,
  label: string,
): { ok: true; table: LabelledTable; summary: TableInUse } | { ok: false; error: string } {
  const read = readLabelledCsv(text, name, label);
  if (!read.ok) return { ok: false, error: formatFileError(read.error) };
  const table = read.value;
  const positives = table.y.reduce((n, v) => n + v, 0);
  return {
    ok: true,
    table,
    summary: {
      name,
      label,
      rows: table.y.length,
      variables: table.variables,
      classes: table.classes,
      positives,
    },
  };
}

/** Runs are made on `table` from now on, until another experiment is chosen. */
export function putTableInUse(text: string, table: LabelledTable, summary: TableInUse): void {
  loaded = { table, text };
  appStore.setState({ table: summary, tableMode: true, networkMode: false, network: null });
}

/** Back to the settings' experiment: the table is forgotten. */
export function leaveTable(): void {
  loaded = null;
  appStore.setState({ table: null, tableMode: false });
}
