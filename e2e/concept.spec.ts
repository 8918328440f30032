// A concept of one's own in the page: picked from the experiment list, typed with its error shown
// at its column and its formula typeset, put into the link, and run from that link to a verdict
// checked against the typed formula; the exported result names the formula and its box.
import { expect, test } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { watchForProblems } from './support.ts';

test.setTimeout(240_000);

test('a typed concept: its error at its column, its formula typeset, then into the link', async ({
  page,
}) => {
  const problems = watchForProblems(page);
  await page.goto('/');
  await page.getByLabel('Experiment').selectOption({ label: 'Your own concept (a formula)' });
  const editor = page.getByRole('region', { name: 'Your concept' });
  await expect(editor).toBeVisible();
  const formula = editor.getByLabel('Formula');
  await formula.fill('v^2/2 - cos(y)');
  await expect(editor.getByRole('alert')).toContainText("Column 13: Unknown variable 'y'");
  await expect(editor.getByRole('button', { name: 'Use this concept' })).toBeDisabled();
  await formula.fill('x*v + x^2');
  await expect(editor.getByRole('alert')).toHaveCount(0);
  await expect(editor.locator('.concept-preview .katex')).toBeVisible();
  await editor.getByLabel('Inputs and their ranges').fill('x:1:3, v:-1:1');
  await editor.getByRole('button', { name: 'Use this concept' }).click();
  await expect(editor.getByRole('button', { name: 'In use' })).toBeDisabled();
  await expect(page).toHaveURL(/concept=x\*v%2Bx%5E2/);
  await expect(page).toHaveURL(/box=x:1:3,v:-1:1/);
  expect(problems).toEqual([]);
});

test('a typed concept runs from its link to a verdict against the typed formula', async ({ page }) => {
  const problems = watchForProblems(page);
  await page.goto(
    '/?v=1&concept=x*v&box=x:1:3,v:1:3&seed=2&examples=2000&hidden=16,16&epochs=12&lr=0.01&backend=wasm&timeLimit=20',
  );
  await expect(page.getByRole('region', { name: 'Your concept' }).getByLabel('Formula')).toHaveValue('x*v');
  await page.getByRole('button', { name: 'Run all' }).click();
  await expect(page.locator('[data-stage="verify"]')).toHaveAttribute('data-status', 'done', {
    timeout: 200_000,
  });
  await expect(page.locator('.verdict')).toHaveAttribute('data-verdict', /^(recovers|look-alike|wrong)$/);
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export result' }).click();
  const result = JSON.parse(await readFile((await (await download).path())!, 'utf8'));
  expect(result).toMatchObject({
    input: { concept: 'x*v', box: 'x:1:3,v:1:3' },
    settings: { concept: 'x*v', box: 'x:1:3,v:1:3' },
    check: { truth: 'x*v' },
  });
  expect(problems).toEqual([]);
});
