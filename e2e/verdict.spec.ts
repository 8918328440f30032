// The verdict a person reads: a result whose pick only fits the sampled data is labelled a
// look-alike, not "recovers", in the verification and in the candidate table, and a long
// equation stays inside its card.
import { readFile, writeFile } from 'node:fs/promises';
import { expect, test, resultEntry, resultFile, watchForProblems } from './support.ts';

// The ellipse's law, and the look-alike an earlier version of the search picked for it.
const law = resultEntry(7, 'square(x0) + 2 * square(x1)', 2e-3);
const lookAlike = resultEntry(
  20,
  '(0.508 - square(square(square(square(-1.5 * x1) - 0.645)))) * square(x0) + square(x1)',
  1e-3,
);

test('a look-alike is labelled as one, and a long equation stays inside its card', async ({
  page,
}, testInfo) => {
  const problems = watchForProblems(page);
  const file = testInfo.outputPath('look-alike.json');
  await writeFile(
    file,
    JSON.stringify(resultFile('classifier-a1', ['x0', 'x1'], [law, lookAlike], lookAlike)),
  );
  await page.goto('/');
  await page.locator('.file-button input').setInputFiles(file);

  const verdict = page.locator('.verdict');
  await expect(verdict).toHaveAttribute('data-verdict', 'look-alike');
  await expect(verdict).toContainText('is a look-alike: it fits the data, but it is not the law');
  await expect(verdict).toContainText('not in its simplest form');
  const rows = page.locator('table.candidates tbody tr');
  await expect(rows.nth(0).locator('td.check')).toHaveText('recovers (exact, simplest form)');
  await expect(rows.nth(1).locator('td.check')).toHaveText('look-alike (approximate)');

  // Long equations are shown in room of their own, wrapped or scrolled inside their cell; no
  // cell reaches past its card's edge.
  for (const [within, part] of [
    ['Candidates', rows.nth(1).locator('td.equation-cell .equation')],
    ['Candidates', rows.nth(1).locator('td.check')],
    ['Verification', verdict.locator('.equation').first()],
  ] as const) {
    const card = (await page.locator(`section[aria-label="${within}"]`).boundingBox())!;
    const box = (await part.boundingBox())!;
    expect(box.width).toBeGreaterThan(100);
    expect(box.x).toBeGreaterThanOrEqual(card.x);
    expect(box.x + box.width).toBeLessThanOrEqual(card.x + card.width + 1);
  }
  // The row being verified exports as a NumPy function, a SymPy expression and LaTeX; a row
  // clicked by hand is the one exported.
  const exported = async (label: string): Promise<string> => {
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: label, exact: true }).click();
    return readFile((await (await download).path())!, 'utf8');
  };
  expect(await exported('NumPy')).toContain('def f(x0, x1):\n');
  expect(await exported('SymPy')).toContain('x0, x1 = symbols("x0 x1", real=True)');
  await rows.nth(0).click();
  await expect(verdict).toHaveAttribute('data-verdict', 'recovers');
  expect(await exported('LaTeX')).toContain('{x_{0}}^{2}');
  expect(await exported('NumPy')).toContain('return x0**2 + 2 * x1**2');
  expect(await exported('Infix')).toMatch(/^# .+\n.*x0.*x1.*\n$/);

  const screenshot = await page.screenshot({ fullPage: true, path: testInfo.outputPath('look-alike.png') });
  await testInfo.attach('look-alike', { body: screenshot, contentType: 'image/png' });
  expect(problems).toEqual([]);
});

test('a look-alike in the simplest form, which no constants make the law, is labelled as one', async ({
  page,
}, testInfo) => {
  const problems = watchForProblems(page);
  // A cosine fits the ellipse's boundary about as closely as the law, at the law's size.
  const cosine = resultEntry(6, 'square(x0) - 4.25 * cos(x1)', 1e-3);
  const file = testInfo.outputPath('same-size-look-alike.json');
  await writeFile(file, JSON.stringify(resultFile('classifier-a1', ['x0', 'x1'], [cosine, law], cosine)));
  await page.goto('/');
  await page.locator('.file-button input').setInputFiles(file);

  const verdict = page.locator('.verdict');
  await expect(verdict).toHaveAttribute('data-verdict', 'look-alike');
  await expect(verdict).toContainText('in its simplest form');
  await expect(verdict).toContainText('no constants make it exact (refitted to the truth, oriented 0.9');
  const rows = page.locator('table.candidates tbody tr');
  await expect(rows.nth(0).locator('td.check')).toHaveText(
    /^look-alike \(approximate, simplest form, refitted 0\.9\d{4}\)$/,
  );
  await expect(rows.nth(1).locator('td.check')).toHaveText('recovers (exact, simplest form)');
  expect(problems).toEqual([]);
});

test("a confusion case's verdict names the rule the equation follows, a mixture of both, or none", async ({
  page,
}, testInfo) => {
  const problems = watchForProblems(page);
  const firstRule = resultEntry(3, 'x0 * x1', 1e-3);
  const otherRule = resultEntry(4, 'log(x2) + log(x3)', 2e-4);
  const mixture = resultEntry(7, 'x0 * x1 * x2 * x3', 1e-4);
  const neither = resultEntry(8, 'x0 + x3', 5e-5);
  const file = testInfo.outputPath('confusion.json');
  await writeFile(
    file,
    JSON.stringify(
      resultFile(
        'classifier-f',
        ['x0', 'x1', 'x2', 'x3'],
        [firstRule, otherRule, mixture, neither],
        otherRule,
      ),
    ),
  );
  await page.goto('/');
  await page.locator('.file-button input').setInputFiles(file);

  const verdict = page.locator('.verdict');
  await expect(verdict).toHaveAttribute('data-invariant', 'the rule x2 x3 > 1');
  await expect(verdict).toContainText(
    'recovers the rule x2 x3 > 1, another rule that labels the data alike (the one sought is the rule x0 x1 > 1)',
  );
  const rows = page.locator('table.candidates tbody tr');
  await rows.nth(0).click();
  await expect(verdict).toContainText('recovers the rule x0 x1 > 1, the one sought');
  await rows.nth(2).click();
  await expect(verdict).toHaveAttribute('data-verdict', 'wrong');
  await expect(verdict).toHaveAttribute('data-mixture', '1.00000');
  await expect(verdict).toContainText(
    'a mixture of the known ones, a function of the rule x0 x1 > 1 and the rule x2 x3 > 1 together',
  );
  await rows.nth(3).click();
  await expect(verdict).toHaveAttribute('data-verdict', 'wrong');
  await expect(verdict).not.toHaveAttribute('data-mixture', /.*/);
  await expect(verdict).toContainText('none of the known ones (the rule x0 x1 > 1; the rule x2 x3 > 1)');
  expect(problems).toEqual([]);
});
