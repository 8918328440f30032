// A concept of one's own in the page: picked from the experiment list, typed with its error shown
// at its column and its formula typeset, put into the link, and run from that link to a verdict
// checked against the typed formula; the exported result names the formula and its box.
import type { Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { expect, test, frontOf, watchForProblems } from './support.ts';

test.setTimeout(240_000);

test('a typed concept: its error at its column, its formula typeset, then into the link', async ({
  page,
}) => {
  const problems = watchForProblems(page);
  await page.goto('/');
  await page.getByLabel('Experiment').selectOption({ label: 'Your own concept (a formula)' });
  const editor = page.getByRole('region', { name: 'Your concept' });
  await expect(editor).toBeVisible();
  const formula = editor.getByLabel('Formula', { exact: true });
  await formula.fill('v^2/2 - cos(y)');
  await expect(editor.getByRole('alert')).toContainText("Column 13: Unknown variable 'y'");
  await expect(editor.getByRole('button', { name: 'Use this concept' })).toBeDisabled();
  await formula.fill('x*v + x^2');
  await expect(editor.getByRole('alert')).toHaveCount(0);
  await expect(editor.locator('.concept-preview .katex')).toBeVisible();
  await editor.getByLabel('Inputs and their ranges').fill('x:1:3, v:-1:1');
  await editor.getByRole('button', { name: 'Use this concept' }).click();
  await expect(editor.getByRole('button', { name: 'In use' })).toBeDisabled();
  await expect(page).toHaveURL(/concept=x\*v\+%2B\+x%5E2/);
  await expect(page).toHaveURL(/box=x:1:3,v:-1:1/);
  expect(problems).toEqual([]);
});

/** Runs the page's run to its verdict and returns the exported result. */
async function runToVerdict(page: Page): Promise<Record<string, unknown>> {
  await page.getByRole('button', { name: 'Run all' }).click();
  await expect(page.locator('[data-stage="verify"]')).toHaveAttribute('data-status', 'done', {
    timeout: 200_000,
  });
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export result' }).click();
  return JSON.parse(await readFile((await (await download).path())!, 'utf8')) as Record<string, unknown>;
}

// Operators narrowed by hand and room on the clock, so that the search ends on its patience and
// the same link gives the same front on another browser.
const LATENT_CONCEPT =
  '/?v=1&concept=x%5E2%2B3*v%5E2&box=x:-2:2,v:-2:2&seed=2&examples=3000&hidden=16,16&epochs=20&lr=0.01&backend=wasm&operators=%2B,-,*,/,square&timeLimit=120';

test('a typed latent concept runs from its link to its law, and the link reproduces the run', async ({
  page,
  browser,
}) => {
  const problems = watchForProblems(page);
  await page.goto(LATENT_CONCEPT);
  await expect(
    page.getByRole('region', { name: 'Your concept' }).getByLabel('Formula', { exact: true }),
  ).toHaveValue('x^2+3*v^2');
  const result = await runToVerdict(page);
  expect(result).toMatchObject({
    input: { concept: 'x^2+3*v^2', box: 'x:-2:2,v:-2:2' },
    settings: { concept: 'x^2+3*v^2', box: 'x:-2:2,v:-2:2' },
    check: { truth: 'x ^ 2 + 3 * v ^ 2', verdict: 'recovers' },
  });
  await expect(page.locator('.verdict')).toHaveAttribute('data-verdict', 'recovers');
  const front = await frontOf(page);
  const fresh = await browser.newContext();
  const again = await fresh.newPage();
  await again.goto(LATENT_CONCEPT);
  await runToVerdict(again);
  expect(await frontOf(again)).toEqual(front);
  await fresh.close();
  expect(problems).toEqual([]);
});

test('a typed classifier concept, written as a comparison, runs to its boundary', async ({ page }) => {
  const problems = watchForProblems(page);
  await page.goto('/?v=1&seed=2&examples=4000&hidden=16,16&epochs=30&lr=0.01&backend=wasm&timeLimit=20');
  await page.getByLabel('Experiment').selectOption({ label: 'Your own concept (a formula)' });
  const editor = page.getByRole('region', { name: 'Your concept' });
  await editor.getByLabel('Formula', { exact: true }).fill('a^2 + 2*b^2 < 1');
  await editor.getByLabel('Inputs and their ranges').fill('a:-1.5:1.5,b:-1.5:1.5');
  await editor.getByRole('button', { name: 'Use this concept' }).click();
  const result = await runToVerdict(page);
  expect(result).toMatchObject({
    input: { concept: 'a^2 + 2*b^2 < 1', box: 'a:-1.5:1.5,b:-1.5:1.5' },
    check: { truth: 'a ^ 2 + 2 * b ^ 2', verdict: 'recovers' },
  });
  expect(problems).toEqual([]);
});
