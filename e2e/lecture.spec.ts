// Lecture mode: large type, the stages explained with their formulas, the ground truth hidden
// until revealed, and the keyboard driving the run.
import { expect, test } from '@playwright/test';
import { SMALL_TRACE_RUN, watchForProblems } from './support.ts';

test.setTimeout(120_000);

test('lecture mode hides the truth until revealed, and space and the arrow keys drive the run', async ({
  page,
}, testInfo) => {
  const problems = watchForProblems(page);
  await page.goto(SMALL_TRACE_RUN);
  await page.getByLabel('Lecture mode').check();
  await expect(page.locator('.app.lecture')).toBeVisible();
  await expect(page.locator('.lecture-stages li')).toHaveCount(5);
  await expect(page.locator('.lecture-stages .katex').first()).toBeVisible();
  await expect(page.locator('.lecture-intro')).toContainText('Guess the law');
  await expect(page.locator('aside.left')).toHaveCount(0);
  await testInfo.attach('lecture mode', {
    body: await page.screenshot({ fullPage: true }),
    contentType: 'image/png',
  });

  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('ArrowRight');
  await expect(page.locator('[data-stage="data"]')).toHaveAttribute('data-status', 'done');
  await expect(page.locator('[data-stage="train"]')).toHaveAttribute('data-status', 'idle');
  await page.keyboard.press(' ');
  await expect(page.locator('[data-stage="train"]')).toHaveAttribute('data-status', /running|done/);
  await page.keyboard.press(' ');
  await expect(page.locator('[data-stage="train"]')).toHaveAttribute('data-status', /paused|done/);
  await page.keyboard.press(' ');
  await expect(page.locator('[data-stage="verify"]')).toHaveAttribute('data-status', 'done', {
    timeout: 100_000,
  });

  await page.getByLabel('Reveal ground truth').check();
  await expect(page.locator('.lecture-intro .katex')).toBeVisible();
  await expect(page.locator('.verdict')).toContainText('recovers the ground truth');
  await testInfo.attach('lecture mode, revealed', {
    body: await page.screenshot({ fullPage: true }),
    contentType: 'image/png',
  });
  expect(problems).toEqual([]);
});
