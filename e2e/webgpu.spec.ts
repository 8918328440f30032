// The WebGPU code path trains a few steps on Chromium's software adapter (SwiftShader), the only
// WebGPU there is on a machine without a GPU (flags: the chromium-webgpu project in
// playwright.config.ts).
import { expect, test, watchForProblems } from './support.ts';

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

test('a GPU device lost during training hands the training to the next backend, with a notice', async ({
  page,
}) => {
  const problems = watchForProblems(page);
  // Keep every device the page asks for, so that the test can take it away as a driver reset would.
  await page.addInitScript(() => {
    const adapter = (globalThis as { GPUAdapter?: { prototype: { requestDevice: () => Promise<unknown> } } })
      .GPUAdapter;
    if (!adapter) return;
    const request = adapter.prototype.requestDevice;
    adapter.prototype.requestDevice = async function (this: unknown, ...args: []) {
      const device = await request.apply(this, args);
      ((globalThis as { devices?: unknown[] }).devices ??= []).push(device);
      return device;
    };
  });
  await page.goto(
    '/?v=1&experiment=oscillator-harmonic&examples=300&hidden=8,8&epochs=400&batch=64&backend=webgpu&check=off',
  );
  await page.getByRole('button', { name: 'Next stage' }).click();
  await expect(page.locator('[data-stage="data"]')).toHaveAttribute('data-status', 'done');
  await page.getByRole('button', { name: 'Next stage' }).click();
  await expect(page.locator('.backend')).toHaveText('webgpu', { timeout: 60_000 });
  await expect(page.getByRole('status')).toContainText(/trained [1-9]/, { timeout: 60_000 });
  await page.evaluate(() => {
    for (const device of (globalThis as { devices?: { destroy(): void }[] }).devices ?? []) device.destroy();
  });
  await expect(page.getByRole('alert')).toContainText('The GPU device was lost during training');
  await expect(page.locator('.backend')).not.toHaveText('webgpu');
  await expect(page.locator('[data-stage="train"]')).toHaveAttribute('data-status', 'done', {
    timeout: 100_000,
  });
  expect(problems).toEqual([]);
});
