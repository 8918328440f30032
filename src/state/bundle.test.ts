import { describe, expect, it } from 'vitest';
import { defaultRunSettings } from '../pipeline/runSettings.ts';
import { bundleOf, isBundle, readBundle } from './bundle.ts';
import { readTable, tableFileProblem } from './userTable.ts';

const csv = 'p,q,inside\n1,2,0\n3,4,1\n0.5,0.25,1\n';

describe('a bundle of settings and a table', () => {
  it('reads back to the same settings and table', () => {
    const table = readTable(csv, 'points.csv', 'inside');
    if (!table.ok) throw new Error(table.error);
    const settings = { ...defaultRunSettings, seed: 9, hidden: [16, 16], epochs: 20 };
    const json: unknown = JSON.parse(JSON.stringify(bundleOf(settings, table.summary, csv)));
    expect(isBundle(json)).toBe(true);
    const read = readBundle(json);
    expect(read).toEqual({
      ok: true,
      settings,
      notices: [],
      table: { name: 'points.csv', label: 'inside', csv },
    });
  });

  it('names the field that is wrong, and reads its settings as a link’s, refusing bad values', () => {
    const table = readTable(csv, 'points.csv', 'inside');
    if (!table.ok) throw new Error(table.error);
    const good = bundleOf(defaultRunSettings, table.summary, csv);
    expect(readBundle({ ...good, version: 2 })).toMatchObject({ ok: false, error: 'version 2 is not 1' });
    expect(readBundle({ ...good, table: { ...good.table, csv: 5 } })).toMatchObject({
      ok: false,
      error: '"table.csv" is not text',
    });
    const read = readBundle({ ...good, settings: 'v=1&epochs=-3' });
    expect(read.ok && read.notices).toEqual(['refused epochs=-3: out of range 1 to 10000']);
    expect(isBundle({ schema: 2 })).toBe(false);
  });

  it('says where a table is wrong', () => {
    expect(readTable('p,q,inside\n1,2,0\n3,x,1\n', 'bad.csv', 'inside')).toEqual({
      ok: false,
      error: 'bad.csv:3:2: "x" is not a number',
    });
  });

  it('refuses a 200 MB file before reading it', () => {
    expect(tableFileProblem('big.csv', 200 * 1024 * 1024)).toBe(
      'big.csv: 200 MB is larger than the 50 MB a page reads',
    );
    expect(tableFileProblem('small.csv', 1024)).toBeNull();
  });
});
