// A strict reader for numeric CSV: every cell must be a number, every row as wide as the first,
// and any failure names the line and column. Small and hand-written because the error positions
// are the point; quoting and text cells are not needed for numeric files.

export interface CsvError {
  message: string;
  /** 1-based line of the file. */
  line: number;
  /** 1-based column (cell number) on that line, when a cell is to blame. */
  column?: number;
}

export type CsvResult<T> = { ok: true; value: T } | { ok: false; error: CsvError };

export interface NumericTable {
  header: string[] | null;
  /** One column per field. */
  columns: number[][];
  /** 1-based file line of each data row, for later messages. */
  lines: number[];
}

/** More data rows than this are refused: a table this size would not fit a page or a search anyway. */
export const MAX_CSV_ROWS = 1_000_000;
/** More columns than this are refused. */
export const MAX_CSV_COLUMNS = 1024;

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$|^[+-]?(inf|infinity|nan)$/i;

/** Reads a numeric cell; `nan`, `inf` and `-inf` are read as such (the caller decides about them). */
export function parseNumber(cell: string): number | null {
  const text = cell.trim();
  if (!NUMBER.test(text)) return null;
  const lower = text.toLowerCase().replace(/^\+/, '');
  if (lower === 'nan' || lower === '-nan') return NaN;
  if (lower.startsWith('inf')) return Infinity;
  if (lower.startsWith('-inf')) return -Infinity;
  return Number(text);
}

/** Parses CSV text; `hasHeader` reads the first non-empty line as column names. */
export function readNumericCsv(text: string, hasHeader: boolean): CsvResult<NumericTable> {
  const rows = text.split(/\r?\n/);
  let header: string[] | null = null;
  let width = -1;
  const columns: number[][] = [];
  const lines: number[] = [];
  for (let r = 0; r < rows.length; r++) {
    const raw = rows[r] as string;
    if (raw.trim() === '' || raw.trimStart().startsWith('#')) continue;
    const cells = raw.split(',');
    const line = r + 1;
    if (hasHeader && header === null) {
      header = cells.map((c) => c.trim());
      const blank = header.findIndex((name) => name === '');
      if (blank >= 0)
        return { ok: false, error: { message: 'empty column name in the header', line, column: blank + 1 } };
      width = header.length;
      continue;
    }
    if (width < 0) width = cells.length;
    if (width > MAX_CSV_COLUMNS)
      return { ok: false, error: { message: `more than ${MAX_CSV_COLUMNS} columns (${width})`, line } };
    if (lines.length === MAX_CSV_ROWS)
      return {
        ok: false,
        error: { message: `more than ${MAX_CSV_ROWS.toLocaleString('en-US')} data rows`, line },
      };
    if (cells.length !== width) {
      return {
        ok: false,
        error: { message: `expected ${width} values, found ${cells.length}`, line },
      };
    }
    if (columns.length === 0) for (let c = 0; c < width; c++) columns.push([]);
    for (let c = 0; c < width; c++) {
      const value = parseNumber(cells[c] as string);
      if (value === null) {
        const shown = (cells[c] as string).trim().slice(0, 40);
        return { ok: false, error: { message: `"${shown}" is not a number`, line, column: c + 1 } };
      }
      (columns[c] as number[]).push(value);
    }
    lines.push(line);
  }
  if (hasHeader && header === null) return { ok: false, error: { message: 'the file is empty', line: 1 } };
  if (lines.length === 0)
    return { ok: false, error: { message: 'the file has no data rows', line: rows.length } };
  return { ok: true, value: { header, columns, lines } };
}
