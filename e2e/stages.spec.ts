// Stages one at a time (a screenshot after each is kept), and stages re-run alone: a new search
// with other operators keeps the trained network; a refused setting is explained beside its
// field while the run keeps its value.
import { expect, test, SMALL_TRACE_RUN, watchForProblems } from './support.ts';

test.setTimeout(150_000);

test('the stages run one at a time, and new operators re-open only the search', async ({
  page,
}, testInfo) => {
  const problems = watchForProblems(page);
  await page.goto(SMALL_TRACE_RUN);
  for (const stage of ['data', 'train', 'gradients', 'search', 'verify']) {
    await page.getByRole('button', { name: 'Next stage' }).click();
    await expect(page.locator(`[data-stage="${stage}"]`)).toHaveAttribute('data-status', 'done', {
      timeout: 120_000,
    });
    await testInfo.attach(`after the ${stage} stage`, {
      body: await page.screenshot({ fullPage: true }),
      contentType: 'image/png',
    });
  }
  const status = page.getByRole('status');
  const trained = (await status.textContent())?.match(/trained \d+ epochs in [\d.]+ s/)?.[0];
  expect(trained).toBeTruthy();
  // Why a search with a settled pick goes on, and when it ends.
  await expect(status).toContainText(
    /round \d+, pick unchanged for \d+ rounds? of the \d+ that end the search/,
  );

  await page.getByText('Search', { exact: true }).click();
  // A refused value is explained beside its field, and the run keeps the value it had.
  const epochs = page.getByLabel('Epochs (at most)');
  await page.getByText('Training', { exact: true }).click();
  await epochs.fill('-3');
  await epochs.press('Enter');
  await expect(page.locator('.field-error')).toContainText('out of range');
  await expect(page).toHaveURL(/epochs=12/);
  await epochs.fill('12');
  await epochs.press('Enter');
  await expect(page.locator('.field-error')).toHaveCount(0);
  await expect(page.locator('[data-stage="train"]')).toHaveAttribute('data-status', 'done');

  const operators = page.getByLabel('Operators');
  await operators.fill('+,-,*');
  await operators.press('Enter');
  await expect(page).toHaveURL(/operators=%2B,-,\*/);
  for (const stage of ['data', 'train', 'gradients']) {
    await expect(page.locator(`[data-stage="${stage}"]`)).toHaveAttribute('data-status', 'done');
  }
  await expect(page.locator('[data-stage="search"]')).toHaveAttribute('data-status', 'idle');
  await page.getByRole('button', { name: 'Run all' }).click();
  await expect(page.locator('[data-stage="verify"]')).toHaveAttribute('data-status', 'done', {
    timeout: 120_000,
  });
  await expect(status).toContainText(trained as string);
  await expect(page.locator('.verdict')).toContainText('recovers the ground truth');
  expect(problems).toEqual([]);
});
