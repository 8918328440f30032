// After one visit the explorer loads and runs offline (lecture halls have bad Wi-Fi): its service
// worker has cached the build, tfjs's WASM binaries and the fonts.
import { expect, test, SMALL_TRACE_RUN, watchForProblems } from './support.ts';

test.setTimeout(180_000);

test('after one visit the explorer loads and runs offline', async ({ page, context }) => {
  const problems = watchForProblems(page);
  await page.goto(SMALL_TRACE_RUN);
  // The service worker has cached everything once it controls the page.
  await expect
    .poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null), { timeout: 60_000 })
    .toBe(true);
  await context.setOffline(true);
  await page.reload();
  await expect(page.getByRole('button', { name: 'Run all' })).toBeVisible();
  await page.getByRole('button', { name: 'Run all' }).click();
  await expect(page.locator('[data-stage="verify"]')).toHaveAttribute('data-status', 'done', {
    timeout: 150_000,
  });
  await expect(page.locator('.verdict')).toHaveAttribute('data-verdict', /^(recovers|look-alike|wrong)$/);
  expect(problems).toEqual([]);
});
