// A user's table: labelled for `train` (a CSV with a header, numeric input columns and one label
// column with exactly two distinct values: 0/1, -1/1, 1/2, the larger one the positive class), or
// the points alone where a network of the user's own is read (every column an input).

import { readNumericCsv } from './csv.ts';
import type { FileResult } from './gradientFile.ts';
import { variableNameProblem } from './variableNames.ts';

export interface LabelledTable {
  /** Input column names, in file order, without the label column. */
  variables: string[];
  x: Float64Array[];
  /** 1 for the larger label value, 0 for the smaller. */
  y: Uint8Array;
  /** The file's two label values: [negative, positive]. */
  classes: [number, number];
}

export function readLabelledCsv(text: string, file: string, labelColumn: string): FileResult<LabelledTable> {
  const table = readNumericCsv(text, true);
  if (!table.ok) return { ok: false, error: { ...table.error, file } };
  const { header, columns, lines } = table.value;
  const names = header as string[];
  const fail = (message: string, line: number, column?: number): FileResult<LabelledTable> => ({
    ok: false,
    error: column === undefined ? { file, line, message } : { file, line, column, message },
  });
  const label = names.indexOf(labelColumn);
  if (label < 0) return fail(`no column "${labelColumn}" for the label (columns: ${names.join(', ')})`, 1);
  if (names.length < 2) return fail('expected at least one input column besides the label', 1);
  for (let j = 0; j < names.length; j++) {
    const problem = variableNameProblem(names, j);
    if (problem) return fail(problem, 1, j + 1);
  }
  for (let c = 0; c < columns.length; c++) {
    const bad = (columns[c] as number[]).findIndex((v) => !Number.isFinite(v));
    if (bad >= 0) return fail(`"${columns[c]![bad]}" is not a finite number`, lines[bad] as number, c + 1);
  }
  const labels = columns[label] as number[];
  const classes = [...new Set(labels)].sort((a, b) => a - b);
  if (classes.length === 1) {
    return fail(
      `the label column "${labelColumn}" has one class only (every row is ${classes[0]}); a classifier needs two`,
      lines[0] as number,
      label + 1,
    );
  }
  if (classes.length > 2) {
    const third = labels.findIndex((v) => v !== labels[0] && v !== labels.find((w) => w !== labels[0]));
    return fail(
      `the label column "${labelColumn}" has a third value ${labels[third]}; labels must take two values`,
      lines[third] as number,
      label + 1,
    );
  }
  const positive = classes[1] as number;
  return {
    ok: true,
    value: {
      variables: names.filter((_, j) => j !== label),
      x: columns.filter((_, j) => j !== label).map((c) => Float64Array.from(c)),
      y: Uint8Array.from(labels, (v) => (v === positive ? 1 : 0)),
      classes: [classes[0] as number, positive],
    },
  };
}

/** Points of a network's inputs: a CSV with a header, every column a named, finite input. */
export interface PointsTable {
  variables: string[];
  x: Float64Array[];
}

export function readPointsCsv(text: string, file: string): FileResult<PointsTable> {
  const table = readNumericCsv(text, true);
  if (!table.ok) return { ok: false, error: { ...table.error, file } };
  const { header, columns, lines } = table.value;
  const names = header as string[];
  for (let j = 0; j < names.length; j++) {
    const problem = variableNameProblem(names, j);
    if (problem) return { ok: false, error: { file, line: 1, column: j + 1, message: problem } };
  }
  for (let c = 0; c < columns.length; c++) {
    const bad = (columns[c] as number[]).findIndex((v) => !Number.isFinite(v));
    if (bad >= 0)
      return {
        ok: false,
        error: {
          file,
          line: lines[bad] as number,
          column: c + 1,
          message: `"${columns[c]![bad]}" is not a finite number`,
        },
      };
  }
  return { ok: true, value: { variables: names, x: columns.map((c) => Float64Array.from(c)) } };
}
