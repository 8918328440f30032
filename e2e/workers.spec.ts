// Island workers that crash mid-search: the pool replaces them and the search goes on; when they
// keep crashing, the search stops, keeps what it found and says so.
import type { Page } from '@playwright/test';
import { expect, test, watchForProblems } from './support.ts';

test.setTimeout(240_000);

const RUN =
  '/?v=1&experiment=oscillator-sin&seed=2&examples=2000&hidden=16,16&epochs=10&lr=0.01&backend=wasm&check=off&timeLimit=30';

/** Keeps every Worker the page starts, so that the test can crash them. */
async function recordWorkers(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const Native = globalThis.Worker;
    const started: Worker[] = [];
    (globalThis as { startedWorkers?: Worker[] }).startedWorkers = started;
    globalThis.Worker = class extends Native {
      constructor(...args: ConstructorParameters<typeof Worker>) {
        super(...args);
        started.push(this);
      }
    };
  });
}

/** Crashes every running worker as an uncaught error would; returns how many had started. */
function crashWorkers(page: Page): Promise<number> {
  return page.evaluate(() => {
    const started = (globalThis as { startedWorkers?: Worker[] }).startedWorkers ?? [];
    for (const worker of started) {
      worker.dispatchEvent(new ErrorEvent('error', { message: 'crashed by the test' }));
      worker.terminate();
    }
    return started.length;
  });
}

async function startSearch(page: Page): Promise<void> {
  await page.goto(RUN);
  await page.getByRole('button', { name: 'Run all' }).click();
  await expect(page.locator('[data-stage="search"]')).toHaveAttribute('data-status', 'running', {
    timeout: 120_000,
  });
  await expect(page.locator('table.candidates tbody tr').first()).toBeVisible({ timeout: 30_000 });
}

test('a crashed island worker is replaced and the search goes on to its pick', async ({ page }) => {
  const problems = watchForProblems(page);
  await recordWorkers(page);
  await startSearch(page);
  const before = await crashWorkers(page);
  await expect(page.locator('[data-stage="search"]')).toHaveAttribute('data-status', 'done', {
    timeout: 90_000,
  });
  const after = await page.evaluate(
    () => ((globalThis as { startedWorkers?: Worker[] }).startedWorkers ?? []).length,
  );
  expect(after).toBeGreaterThan(before);
  await expect(page.locator('table.candidates tbody tr').first()).toBeVisible();
  await expect(page.getByText('The search stopped early')).toHaveCount(0);
  expect(problems).toEqual([]);
});

test('workers that keep crashing stop the search, which keeps its front and says so', async ({ page }) => {
  const problems = watchForProblems(page);
  await recordWorkers(page);
  await startSearch(page);
  const notice = page.getByText('The search stopped early, keeping what it found');
  for (let attempt = 0; attempt < 40 && (await notice.count()) === 0; attempt++) {
    await crashWorkers(page);
    await page.waitForTimeout(250);
  }
  await expect(notice).toBeVisible();
  await expect(page.locator('[data-stage="search"]')).not.toHaveAttribute('data-status', 'running');
  await expect(page.locator('table.candidates tbody tr').first()).toBeVisible();
  expect(problems).toEqual([]);
});
