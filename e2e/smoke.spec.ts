// Smoke test of the page: it loads cleanly, names the product and offers the whole catalogue.
import { experimentIds } from '../src/experiments/index.ts';
import { expect, test, watchForProblems } from './support.ts';

test('the page loads without errors and offers every experiment', async ({ page }, testInfo) => {
  const problems = watchForProblems(page);
  await page.goto('/');

  await expect(page).toHaveTitle('Symbolic Gradients Explorer');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Symbolic Gradients Explorer');
  // Links rely on the 18 fixed ids; more may be added, never fewer.
  expect(experimentIds.length).toBeGreaterThanOrEqual(18);
  const offered = await page
    .getByLabel('Experiment')
    .locator('option')
    .evaluateAll((options) => options.map((option) => (option as HTMLOptionElement).value));
  // Then a concept, a table and a network of the user's own.
  expect(offered).toEqual([...experimentIds, 'concept', 'table', 'network']);
  await expect(page.locator('.experiment-card .katex').first()).toBeVisible();

  await testInfo.attach('first screen', {
    body: await page.screenshot({ fullPage: true }),
    contentType: 'image/png',
  });
  expect(problems).toEqual([]);
});
