import { describe, expect, it } from 'vitest';
import {
  MAX_CSV_COLUMNS,
  MAX_CSV_ROWS,
  parseNumber,
  readNumericCsv,
  type CsvError,
  type CsvResult,
  type NumericTable,
} from './csv.ts';

function table(result: CsvResult<NumericTable>): NumericTable {
  if (!result.ok) throw new Error(`unexpected error: ${JSON.stringify(result.error)}`);
  return result.value;
}

function failure(result: CsvResult<NumericTable>): CsvError {
  if (result.ok) throw new Error('expected an error');
  return result.error;
}

describe('parseNumber', () => {
  it('reads decimal and scientific notation, with spaces around', () => {
    const cases: [string, number][] = [
      ['1', 1],
      [' -2.5 ', -2.5],
      ['+3', 3],
      ['.5', 0.5],
      ['5.', 5],
      ['1e-3', 0.001],
      ['-1.25E+2', -125],
      ['6.02e23', 6.02e23],
      ['0', 0],
    ];
    for (const [text, value] of cases) expect(parseNumber(text)).toBe(value);
  });

  it('reads nan and infinities in any case', () => {
    expect(parseNumber('nan')).toBeNaN();
    expect(parseNumber('NaN')).toBeNaN();
    expect(parseNumber('inf')).toBe(Infinity);
    expect(parseNumber('+Infinity')).toBe(Infinity);
    expect(parseNumber('-inf')).toBe(-Infinity);
    expect(parseNumber('-INFINITY')).toBe(-Infinity);
  });

  it('refuses anything else', () => {
    for (const text of [
      '',
      ' ',
      'abc',
      '1,2',
      '0x10',
      '1e',
      'e5',
      '--1',
      '1.2.3',
      '1 2',
      'infinityx',
      '1_000',
      '.',
    ])
      expect(parseNumber(text)).toBeNull();
  });
});

describe('readNumericCsv', () => {
  it('reads a header and columns, skipping blank and comment lines, with CRLF endings', () => {
    const text = '\r\n# points\r\n a , b ,c\r\n1,2,3\r\n\r\n  \r\n-1.5e2, .25 ,inf\r\n4,5,6\r\n';
    const t = table(readNumericCsv(text, true));
    expect(t.header).toEqual(['a', 'b', 'c']);
    expect(t.columns).toEqual([
      [1, -150, 4],
      [2, 0.25, 5],
      [3, Infinity, 6],
    ]);
    expect(t.lines).toEqual([4, 7, 8]);
  });

  it('reads header-less files, taking the width from the first row', () => {
    const t = table(readNumericCsv('1,2\n3,4', false));
    expect(t.header).toBeNull();
    expect(t.columns).toEqual([
      [1, 3],
      [2, 4],
    ]);
    expect(t.lines).toEqual([1, 2]);
  });

  it('names the 1-based line and column of a cell that is not a number', () => {
    const error = failure(readNumericCsv('x,y\n1,2\n\n3,abc\n', true));
    expect(error).toEqual({ message: '"abc" is not a number', line: 4, column: 2 });
    expect(failure(readNumericCsv('1,2\n3,\n', false))).toMatchObject({ line: 2, column: 2 });
  });

  it('names the line of a row of the wrong width', () => {
    expect(failure(readNumericCsv('x,y,z\n1,2,3\n4,5\n', true))).toEqual({
      message: 'expected 3 values, found 2',
      line: 3,
    });
    expect(failure(readNumericCsv('1,2\r\n3,4,5\r\n', false))).toMatchObject({ line: 2 });
  });

  it('refuses more rows or columns than a run can use, naming the line', () => {
    const rows = 'x\n' + '1\n'.repeat(MAX_CSV_ROWS + 1);
    expect(failure(readNumericCsv(rows, true))).toEqual({
      message: 'more than 1,000,000 data rows',
      line: MAX_CSV_ROWS + 2,
    });
    const wide = Array.from({ length: MAX_CSV_COLUMNS + 1 }, () => '1').join(',');
    expect(failure(readNumericCsv(wide, false))).toEqual({
      message: 'more than 1024 columns (1025)',
      line: 1,
    });
  });

  it('names the column of an empty header name', () => {
    expect(failure(readNumericCsv('x,,z\n1,2,3\n', true))).toMatchObject({ line: 1, column: 2 });
    expect(failure(readNumericCsv('\n\nx,y,\n1,2,3\n', true))).toMatchObject({ line: 3, column: 3 });
  });

  it('refuses an empty file and a file without data rows', () => {
    expect(failure(readNumericCsv('', true))).toEqual({ message: 'the file is empty', line: 1 });
    expect(failure(readNumericCsv('\n  \n', true)).message).toBe('the file is empty');
    expect(failure(readNumericCsv('', false)).message).toBe('the file has no data rows');
    expect(failure(readNumericCsv('x,y\n', true)).message).toBe('the file has no data rows');
  });
});
