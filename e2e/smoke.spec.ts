// Smoke test of the page: it loads cleanly, names the product and lists the whole catalogue.
import { expect, test } from '@playwright/test';
import { experimentIds } from '../src/experiments/index.ts';

test('the page loads without errors and lists every experiment', async ({ page }, testInfo) => {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()} (${message.location().url})`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));

  await page.goto('/');

  await expect(page).toHaveTitle('Symbolic Gradients Explorer');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Symbolic Gradients Explorer');

  // DESIGN.md fixes 18 ids; more may be added, never fewer.
  expect(experimentIds.length).toBeGreaterThanOrEqual(18);
  const rows = page.locator('table.catalogue tbody tr');
  await expect(rows).toHaveCount(experimentIds.length);
  const listed = await rows.evaluateAll((elements) =>
    elements.map((element) => element.getAttribute('data-experiment-id')),
  );
  expect(listed).toEqual([...experimentIds]);
  for (const id of experimentIds) {
    await expect(page.getByRole('cell', { name: id, exact: true })).toBeVisible();
  }

  const screenshot = testInfo.outputPath('page.png');
  await page.screenshot({ path: screenshot, fullPage: true });
  await testInfo.attach('page', { path: screenshot, contentType: 'image/png' });

  expect(problems).toEqual([]);
});
