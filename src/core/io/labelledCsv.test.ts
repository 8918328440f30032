import { describe, expect, it } from 'vitest';
import { readLabelledCsv } from './labelledCsv.ts';

const read = (text: string, label = 'y') => readLabelledCsv(text, 'data.csv', label);
const errorOf = (text: string, label = 'y') => {
  const r = read(text, label);
  if (r.ok) throw new Error('expected an error');
  return r.error;
};

describe('labelled tables', () => {
  it('reads inputs and maps the two label values to 0 and 1', () => {
    const r = read('a,y,b\n1,-1,2\n3,1,4\n5,-1,6\n');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.variables).toEqual(['a', 'b']);
    expect(Array.from(r.value.x[1]!)).toEqual([2, 4, 6]);
    expect(Array.from(r.value.y)).toEqual([0, 1, 0]);
    expect(r.value.classes).toEqual([-1, 1]);
  });

  it('names the missing label column and the columns there are', () => {
    expect(errorOf('a,b\n1,0\n', 'label')).toMatchObject({ file: 'data.csv', line: 1 });
    expect(errorOf('a,b\n1,0\n', 'label').message).toContain(
      'no column "label" for the label (columns: a, b)',
    );
  });

  it('refuses a header name that cannot be a variable', () => {
    expect(errorOf('a,2b,y\n1,2,0\n')).toMatchObject({ line: 1, column: 2 });
    expect(errorOf('a,a,y\n1,2,0\n').message).toContain('appears twice');
  });

  it('points at a non-numeric or non-finite cell', () => {
    expect(errorOf('a,y\n1,0\nfoo,1\n')).toMatchObject({ line: 3, column: 1 });
    expect(errorOf('a,y\n1,0\ninf,1\n')).toMatchObject({ line: 3, column: 1 });
  });

  it('refuses a single class and a third class, naming the line', () => {
    const single = errorOf('a,y\n1,1\n2,1\n');
    expect(single).toMatchObject({ line: 2, column: 2 });
    expect(single.message).toContain('one class only');
    const third = errorOf('a,y\n1,0\n2,1\n\n3,2\n');
    expect(third).toMatchObject({ line: 5, column: 2 });
    expect(third.message).toContain('third value 2');
  });
});
