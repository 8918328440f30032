import { describe, expect, it } from 'vitest';
import {
  formatFileError,
  formatGradientCsv,
  readGradientCsv,
  readGradientPair,
  type FileError,
  type FileResult,
  type GradientSet,
} from './gradientFile.ts';

function value(result: FileResult<GradientSet>): GradientSet {
  if (!result.ok) throw new Error(`unexpected error: ${formatFileError(result.error)}`);
  return result.value;
}

function failure(result: FileResult<GradientSet>): FileError {
  if (result.ok) throw new Error('expected an error');
  return result.error;
}

const rows = (columns: readonly Float64Array[]): number[][] =>
  Array.from({ length: columns[0]?.length ?? 0 }, (_, i) => columns.map((c) => c[i] as number));

describe('readGradientCsv', () => {
  it('reads inputs and unit gradients, with CRLF, blank lines and scientific notation', () => {
    const text = 'x, v ,grad_x,grad_v\r\n1,2,3e0,4\r\n\r\n-0.5,1e-3,0,-2.5E+1\r\n';
    const set = value(readGradientCsv(text, 'g.csv'));
    expect(set.variables).toEqual(['x', 'v']);
    expect(rows(set.x)).toEqual([
      [1, 2],
      [-0.5, 0.001],
    ]);
    expect(rows(set.t)).toEqual([
      [0.6, 0.8],
      [0, -1],
    ]);
    expect(set.skipped).toBe(0);
  });

  it('skips and counts rows with a zero gradient or a non-finite value', () => {
    const text = [
      'a,b,grad_a,grad_b',
      '1,1,1,0',
      '2,2,0,0',
      '3,3,nan,1',
      '4,4,1,inf',
      'NaN,5,1,1',
      '6,-inf,1,1',
      '7,7,0,-3',
    ].join('\n');
    const set = value(readGradientCsv(text, 'g.csv'));
    expect(set.skipped).toBe(5);
    expect(rows(set.x)).toEqual([
      [1, 1],
      [7, 7],
    ]);
    expect(rows(set.t)).toEqual([
      [1, 0],
      [0, -1],
    ]);
  });

  it('reads a file whose every row is skipped as an empty set', () => {
    const set = value(readGradientCsv('x,grad_x\n1,0\n2,nan\n', 'g.csv'));
    expect(set.skipped).toBe(2);
    expect(set.x[0]).toHaveLength(0);
  });

  const headerError = (header: string): FileError =>
    failure(readGradientCsv(`${header}\n${header.split(',').fill('1').join(',')}\n`, 'g.csv'));

  it('names the gradient column that does not match its input', () => {
    expect(headerError('x,y,grad_x,grad_z')).toEqual({
      file: 'g.csv',
      line: 1,
      column: 4,
      message: 'expected column "grad_y", found "grad_z"',
    });
    expect(headerError('x,y,grad_y,grad_x')).toMatchObject({ line: 1, column: 3 });
    expect(headerError('x,y')).toMatchObject({ line: 1, column: 2 });
  });

  it('refuses an odd number of columns', () => {
    const error = headerError('x,y,grad_x');
    expect(error).toMatchObject({ file: 'g.csv', line: 1 });
    expect(error.message).toContain('3 columns');
    expect(headerError('x')).toMatchObject({ line: 1 });
  });

  it('names a duplicate, misplaced, badly spelt or empty input name', () => {
    expect(headerError('x,x,grad_x,grad_x')).toMatchObject({ line: 1, column: 2 });
    expect(headerError('x,x,grad_x,grad_x').message).toContain('appears twice');
    expect(headerError('grad_x,x,grad_grad_x,grad_x')).toMatchObject({ line: 1, column: 1 });
    expect(headerError('x,2y,grad_x,grad_2y')).toMatchObject({ line: 1, column: 2 });
    expect(headerError('x,a-b,grad_x,grad_a-b')).toMatchObject({ line: 1, column: 2 });
    const empty = failure(readGradientCsv('x,,grad_x,grad_\n1,2,3,4\n', 'g.csv'));
    expect(empty).toMatchObject({ file: 'g.csv', line: 1, column: 2 });
  });

  it('names the line and column of a cell that is not a number, counting blank lines', () => {
    const error = failure(readGradientCsv('x,grad_x\n\n1,2\n\n3,x\n', 'data/g.csv'));
    expect(error).toEqual({ file: 'data/g.csv', line: 5, column: 2, message: '"x" is not a number' });
  });

  it('names the line of a short row', () => {
    const error = failure(readGradientCsv('x,y,grad_x,grad_y\r\n1,2,3,4\r\n1,2,3\r\n', 'g.csv'));
    expect(error).toMatchObject({ file: 'g.csv', line: 3 });
    expect(error.message).toBe('expected 4 values, found 3');
  });

  it('refuses an empty file and a header without rows', () => {
    expect(failure(readGradientCsv('', 'g.csv'))).toMatchObject({ file: 'g.csv', line: 1 });
    expect(failure(readGradientCsv('x,grad_x\n', 'g.csv')).message).toBe('the file has no data rows');
  });
});

describe('readGradientPair', () => {
  it('reads the papers’ two header-less files, naming the inputs x0..', () => {
    const set = value(
      readGradientPair('1,2,3\n4,5,6\n7,8,9\n', 'X.out', '0,0,2\r\n0,0,0\r\n3,0,4\r\n', 'g.out'),
    );
    expect(set.variables).toEqual(['x0', 'x1', 'x2']);
    expect(set.skipped).toBe(1);
    expect(rows(set.x)).toEqual([
      [1, 2, 3],
      [7, 8, 9],
    ]);
    expect(rows(set.t)).toEqual([
      [0, 0, 1],
      [0.6, 0, 0.8],
    ]);
  });

  it('refuses files of different widths, naming the gradient file', () => {
    const error = failure(readGradientPair('1,2\n3,4\n', 'X.out', '\n1,2,3\n4,5,6\n', 'g.out'));
    expect(error).toMatchObject({ file: 'g.out', line: 2 });
    expect(error.message).toBe('has 3 columns but X.out has 2');
  });

  it('refuses files of different lengths, naming the last line of the gradient file', () => {
    const error = failure(readGradientPair('1\n2\n3\n', 'X.out', '1\n2\n', 'g.out'));
    expect(error).toMatchObject({ file: 'g.out', line: 2 });
    expect(error.message).toBe('has 2 rows but X.out has 3');
    expect(failure(readGradientPair('1\n', 'X.out', '1\n2\n', 'g.out')).message).toBe(
      'has 2 rows but X.out has 1',
    );
  });

  it('names the file that holds a bad cell', () => {
    expect(failure(readGradientPair('1,2\n3,q\n', 'X.out', '1,2\n3,4\n', 'g.out'))).toMatchObject({
      file: 'X.out',
      line: 2,
      column: 2,
    });
    expect(failure(readGradientPair('1,2\n3,4\n', 'X.out', '1,2\n3 4,5\n', 'g.out'))).toMatchObject({
      file: 'g.out',
      line: 2,
      column: 1,
    });
    expect(failure(readGradientPair('', 'X.out', '1\n', 'g.out'))).toMatchObject({ file: 'X.out', line: 1 });
  });
});

describe('formatFileError', () => {
  it('writes file:line:column: message, leaving out a missing column', () => {
    expect(formatFileError({ file: 'g.csv', line: 3, column: 2, message: '"x" is not a number' })).toBe(
      'g.csv:3:2: "x" is not a number',
    );
    expect(formatFileError({ file: 'dir/g.out', line: 7, message: 'has 2 rows but X.out has 3' })).toBe(
      'dir/g.out:7: has 2 rows but X.out has 3',
    );
  });
});

describe('formatGradientCsv', () => {
  it('writes a file that reads back to the same set, bit for bit', () => {
    const text = 'x,v,grad_x,grad_v\n0.1,-2,0.3,0.4\n1e-7,3.141592653589793,-1,1e-300\n';
    const set = value(readGradientCsv(text, 'g.csv'));
    const again = value(readGradientCsv(formatGradientCsv(set), 'again.csv'));
    expect(again.variables).toEqual(set.variables);
    expect(rows(again.x)).toEqual(rows(set.x));
    expect(rows(again.t)).toEqual(rows(set.t));
  });
});
