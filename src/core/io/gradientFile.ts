// Gradient files: a CSV with a header, input columns first, then `grad_<input>` for
// each input; or the papers' pair of header-less files, points and gradients. Both become one
// gradient set; rows with a non-finite value or a zero gradient are skipped and counted.

import { readNumericCsv, type CsvError, type CsvResult } from './csv.ts';
import { normalizeGradients, type UnitGradients } from '../eval/gradients.ts';
import { variableNameProblem } from './variableNames.ts';

export interface GradientSet extends UnitGradients {
  variables: string[];
}

export interface FileError extends CsvError {
  file: string;
}

export type FileResult<T> = { ok: true; value: T } | { ok: false; error: FileError };

function inFile<T>(file: string, result: CsvResult<T>): FileResult<T> {
  return result.ok ? result : { ok: false, error: { ...result.error, file } };
}

const toColumns = (columns: number[][]): Float64Array[] => columns.map((c) => Float64Array.from(c));

/** Reads `x,v,grad_x,grad_v`-style text. */
export function readGradientCsv(text: string, file: string): FileResult<GradientSet> {
  const table = inFile(file, readNumericCsv(text, true));
  if (!table.ok) return table;
  const header = table.value.header as string[];
  const fail = (message: string, column?: number): FileResult<GradientSet> => ({
    ok: false,
    error: column === undefined ? { file, line: 1, message } : { file, line: 1, column, message },
  });
  if (header.length < 2 || header.length % 2 !== 0) {
    return fail(`expected input columns then one grad_<input> column each, found ${header.length} columns`);
  }
  const d = header.length / 2;
  const variables = header.slice(0, d);
  for (let j = 0; j < d; j++) {
    const name = variables[j] as string;
    if (name.startsWith('grad_'))
      return fail(`column ${j + 1} is "${name}" but the first ${d} columns must be the inputs`, j + 1);
    const problem = variableNameProblem(variables, j);
    if (problem) return fail(problem, j + 1);
    const expected = `grad_${name}`;
    if (header[d + j] !== expected)
      return fail(`expected column "${expected}", found "${header[d + j]}"`, d + j + 1);
  }
  const columns = toColumns(table.value.columns);
  return { ok: true, value: { variables, ...normalizeGradients(columns.slice(0, d), columns.slice(d)) } };
}

/** Reads the papers' two header-less files: points (one row each) and the gradients at them. */
export function readGradientPair(
  xText: string,
  xFile: string,
  gradText: string,
  gradFile: string,
): FileResult<GradientSet> {
  const x = inFile(xFile, readNumericCsv(xText, false));
  if (!x.ok) return x;
  const g = inFile(gradFile, readNumericCsv(gradText, false));
  if (!g.ok) return g;
  const d = x.value.columns.length;
  if (g.value.columns.length !== d) {
    return {
      ok: false,
      error: {
        file: gradFile,
        line: g.value.lines[0] ?? 1,
        message: `has ${g.value.columns.length} columns but ${xFile} has ${d}`,
      },
    };
  }
  if (g.value.lines.length !== x.value.lines.length) {
    return {
      ok: false,
      error: {
        file: gradFile,
        line: g.value.lines[g.value.lines.length - 1] ?? 1,
        message: `has ${g.value.lines.length} rows but ${xFile} has ${x.value.lines.length}`,
      },
    };
  }
  const variables = Array.from({ length: d }, (_, j) => `x${j}`);
  return {
    ok: true,
    value: { variables, ...normalizeGradients(toColumns(x.value.columns), toColumns(g.value.columns)) },
  };
}

/** One line: `file:line:column: message`. */
export function formatFileError(error: FileError): string {
  return `${error.file}:${error.line}${error.column === undefined ? '' : `:${error.column}`}: ${error.message}`;
}

/** A gradient set as a gradient file: `x,v,grad_x,grad_v`, full double precision. */
export function formatGradientCsv(set: GradientSet): string {
  const header = [...set.variables, ...set.variables.map((v) => `grad_${v}`)].join(',');
  const n = set.x[0]?.length ?? 0;
  const columns = [...set.x, ...set.t];
  const rows = Array.from({ length: n }, (_, i) => columns.map((c) => String(c[i])).join(','));
  return `${[header, ...rows].join('\n')}\n`;
}
