// 300 random hostile links, drawn from a fixed seed: each opens a working page (the title, the
// experiment's card and the settings are there) and none throws or logs an error.
import fc from 'fast-check';
import { SETTINGS } from '../src/pipeline/settings.ts';
import { expect, test, watchForProblems } from './support.ts';

test.setTimeout(600_000);

const LINKS = 300;

const hostileValue = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary', maxLength: 60 }),
  fc.constantFrom(
    'NaN',
    'Infinity',
    '-0',
    '1e400',
    '0x10',
    '',
    ',,,',
    '9:9999',
    '<script>alert(1)</script>',
    '%',
    '%E0%A4%A',
    '__proto__',
    'constructor',
    'javascript:alert(1)',
    'x'.repeat(5000),
  ),
  fc.double().map(String),
  fc.integer().map(String),
  fc.array(fc.integer({ min: -5, max: 5000 }), { maxLength: 12 }).map((widths) => widths.join(',')),
);

const hostileKey = fc.oneof(
  fc.constantFrom('v', ...SETTINGS.map((row) => row.key)),
  fc.constantFrom('__proto__', 'constructor', 'prototype', ''),
  fc.string({ maxLength: 12 }),
);

const queries = fc.sample(
  fc
    .array(fc.tuple(hostileKey, hostileValue), { maxLength: 10 })
    .map((pairs) => new URLSearchParams(pairs).toString()),
  { numRuns: LINKS, seed: 20261130 },
);

test(`${LINKS} random hostile links each open a working page, without an error`, async ({ page }) => {
  const problems = watchForProblems(page);
  for (const [i, query] of queries.entries()) {
    await page.goto(`/?${query}`);
    await expect(
      page.getByRole('heading', { name: 'Symbolic Gradients Explorer' }),
      `link ${i}: ?${query}`,
    ).toBeVisible();
    await expect(page.getByRole('button', { name: 'Run all' }), `link ${i}: ?${query}`).toBeEnabled();
    expect(problems, `link ${i}: ?${query}`).toEqual([]);
  }
});
