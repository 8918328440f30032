// Importing a result file: a malformed one is refused with the field that is wrong and the page
// keeps what it showed; a good one replaces the run on the page, and a row clicked in it is
// verified from the file alone.
import { writeFile } from 'node:fs/promises';
import { expect, test, resultEntry, resultFile, watchForProblems } from './support.ts';

const law = resultEntry(5, 'square(x) + square(v)', 1e-12);
const wrong = resultEntry(1, 'x', 0.3);
const result = (pareto: (typeof law)[], best: unknown) =>
  resultFile('oscillator-harmonic', ['x', 'v'], pareto, best);

test('a malformed import is refused by field, a good one replaces the run, and its rows verify', async ({
  page,
}, testInfo) => {
  const problems = watchForProblems(page);
  const good = testInfo.outputPath('good.json');
  const bad = testInfo.outputPath('bad.json');
  await writeFile(good, JSON.stringify(result([wrong, law], wrong)));
  await writeFile(bad, JSON.stringify({ ...result([wrong, law], {}), timings: { search_s: 'soon' } }));
  await page.goto('/');
  const input = page.locator('.file-button input');
  const rows = page.locator('table.candidates tbody tr');
  const verdict = page.locator('.verdict');

  await input.setInputFiles(good);
  await expect(rows).toHaveCount(2);
  await expect(verdict).toHaveAttribute('data-verdict', 'wrong');

  // Refused with the field named; the run on the page is as it was.
  await input.setInputFiles(bad);
  await expect(page.getByRole('alert')).toContainText('Import refused: bad.json: timings.search_s');
  await expect(rows).toHaveCount(2);
  await expect(verdict).toHaveAttribute('data-verdict', 'wrong');

  // A row picked by hand is verified, though no network or gradients were ever computed here.
  await rows.nth(1).click();
  await expect(verdict).toHaveAttribute('data-verdict', 'recovers');

  // Importing again starts from nothing: the row picked before does not survive.
  await input.setInputFiles(good);
  await expect(verdict).toHaveAttribute('data-verdict', 'wrong');
  expect(problems).toEqual([]);
});
