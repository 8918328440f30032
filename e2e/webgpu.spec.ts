// The WebGPU code path trains a few steps on Chromium's software adapter (SwiftShader), the only
// WebGPU there is on a machine without a GPU (flags: the chromium-webgpu project in
// playwright.config.ts).
import { expect, test } from '@playwright/test';
import { watchForProblems } from './support.ts';

test.setTimeout(120_000);

test('the network trains on the WebGPU backend', async ({ page }) => {
  const problems = watchForProblems(page);
  await page.goto(
    '/?v=1&experiment=oscillator-harmonic&examples=300&hidden=8,8&epochs=2&batch=64&backend=webgpu',
  );
  await page.getByRole('button', { name: 'Next stage' }).click();
  await expect(page.locator('[data-stage="data"]')).toHaveAttribute('data-status', 'done');
  await page.getByRole('button', { name: 'Next stage' }).click();
  await expect(page.locator('[data-stage="train"]')).toHaveAttribute('data-status', 'done', {
    timeout: 100_000,
  });
  await expect(page.locator('.backend')).toHaveText('webgpu');
  await expect(page.getByRole('status')).toContainText('trained 2 epochs');
  expect(problems).toEqual([]);
});
