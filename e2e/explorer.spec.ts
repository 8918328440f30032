// A run of the whole pipeline in the page, from a link: the right equation in the candidate
// table, a drawn Pareto front, the same front again from the same link, and a hostile link that
// still gives a working page.
import type { Download, Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import {
  expect,
  test,
  frontOf,
  REPRODUCIBLE_TRACE_RUN,
  SMALL_TRACE_RUN,
  watchForProblems,
} from './support.ts';

test.setTimeout(420_000);

async function untilVerified(page: Page): Promise<void> {
  await expect(page.locator('[data-stage="verify"]')).toHaveAttribute('data-status', 'done', {
    timeout: 300_000,
  });
}

async function runToTheEnd(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Run all' }).click();
  await untilVerified(page);
}

test('a link runs the 2x2 trace to its equation, and the same link gives the same front', async ({
  page,
}, testInfo) => {
  const problems = watchForProblems(page);
  await page.goto(REPRODUCIBLE_TRACE_RUN);
  // While the search settles, its pick so far is checked and the verdict shown at once.
  await page.getByRole('button', { name: 'Run all' }).click();
  const live = page.locator('.live-verdict');
  await expect(live).toHaveAttribute('data-verdict', /^(recovers|look-alike|wrong)$/, { timeout: 300_000 });
  await expect(live).toContainText('The pick so far');
  await expect(page.locator('[data-stage="search"]')).toHaveAttribute('data-status', 'running');
  await untilVerified(page);
  await expect(live).toHaveCount(0);

  await expect(page.locator('.verdict')).toContainText('recovers the ground truth');
  const pick = page.locator('table.candidates tr.pick .equation');
  await expect(pick).toHaveAttribute('data-latex', /a_\{11\} \+ a_\{22\}|a_\{22\} \+ a_\{11\}/);
  await expect(
    page.locator('section[aria-label="Pareto front"] .js-plotly-plot .scatterlayer .trace'),
  ).not.toHaveCount(0);
  await testInfo.attach('finished run', {
    body: await page.screenshot({ fullPage: true }),
    contentType: 'image/png',
  });
  const front = await frontOf(page);

  // Any row can be picked by hand and the verification follows it; a click on the pick restores it.
  await page.locator('table.candidates tbody tr').first().click();
  await expect(page.locator('table.candidates tr.chosen')).toHaveCount(1);
  await expect(page.locator('.verdict')).toContainText('does not recover');
  await page.locator('table.candidates tr.pick').click();
  await expect(page.locator('.verdict')).toContainText('recovers the ground truth');

  // The run's gradient file and network download as the command line writes them.
  const gradients = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Gradient file' }).click();
  const csv = await readFile((await (await gradients).path())!, 'utf8');
  expect(csv.split('\n')[0]).toBe('a11,a12,a21,a22,grad_a11,grad_a12,grad_a21,grad_a22');
  const downloads: Promise<Download>[] = [];
  page.on('download', (download) => downloads.push(Promise.resolve(download)));
  await page.getByRole('button', { name: 'Network' }).click();
  await expect.poll(() => downloads.length).toBe(2);
  const [modelJson, weights] = await Promise.all(downloads);
  expect(modelJson!.suggestedFilename()).toBe('model.json');
  expect(weights!.suggestedFilename()).toBe('weights.bin');
  const topology = JSON.parse(await readFile((await modelJson!.path())!, 'utf8'));
  expect(topology).toMatchObject({
    format: 'layers-model',
    userDefinedMetadata: { variables: ['a11', 'a12', 'a21', 'a22'] },
  });
  // The PySR script, and beside it the gradient file under the name it reads.
  await page.getByRole('button', { name: 'PySR script' }).click();
  await expect.poll(() => downloads.length).toBe(4);
  const [script, scriptGradients] = await Promise.all(downloads.slice(2));
  expect(scriptGradients!.suggestedFilename()).toBe('matrix-2x2-trace-seed2-gradients.csv');
  expect(await readFile((await script!.path())!, 'utf8')).toContain(
    'GRADIENT_FILE = "matrix-2x2-trace-seed2-gradients.csv"',
  );

  // Charts export as PNG; "Copy link" copies the link that reproduces the run.
  const png = page.waitForEvent('download');
  await page
    .locator('section[aria-label="Pareto front"]')
    .getByRole('button', { name: 'Export PNG' })
    .click();
  expect((await png).suggestedFilename()).toMatch(/\.png$/);
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.getByRole('button', { name: 'Copy link' }).click();
  await expect(page.getByRole('alert')).toContainText('Link copied');
  const link = await page.evaluate(() => navigator.clipboard.readText());
  expect(link).toBe(page.url());

  // A reload restores the finished run from the browser's storage, front and plots; a broken
  // record beside it is left out with a notice and costs the others nothing.
  await page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('symbolic-gradients-explorer');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const put = open.result
            .transaction('runs', 'readwrite')
            .objectStore('runs')
            .put({ key: '?v=1&seed=9', savedAt: 'yesterday', title: 'broken', view: {} }, '?v=1&seed=9');
          put.onsuccess = () => resolve();
          put.onerror = () => reject(put.error);
        };
      }),
  );
  await page.reload();
  await expect(page.getByRole('alert')).toContainText('A saved run could not be read and is left out');
  await expect(page.locator('[data-stage="verify"]')).toHaveAttribute('data-status', 'done');
  expect(await frontOf(page)).toEqual(front);
  await expect(page.locator('.verdict')).toContainText('recovers the ground truth');
  // The restored run's rows verify when clicked, as the live run's did.
  await page.locator('table.candidates tbody tr').first().click();
  await expect(page.locator('.verdict')).toContainText('does not recover');
  await page.locator('table.candidates tr.pick').click();
  await expect(page.locator('.verdict')).toContainText('recovers the ground truth');

  // The exported result imports back to the same front.
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export result' }).click();
  const file = await (await download).path();
  await page.getByRole('button', { name: 'Reset', exact: true }).click();
  await expect(page.locator('table.candidates')).toHaveCount(0);
  await page.locator('.file-button input').setInputFiles(file);
  // The import loads its reader on first use and resets the run first: wait for the table.
  await expect.poll(() => frontOf(page)).toEqual(front);

  // The copied link, opened afresh (no saved run in a new browser context), computes the same front.
  const fresh = await page.context().browser()!.newContext();
  const again = await fresh.newPage();
  await again.goto(link);
  await runToTheEnd(again);
  expect(await frontOf(again)).toEqual(front);
  await fresh.close();
  expect(problems).toEqual([]);
});

test('a hostile link names what it refused and the page still runs', async ({ page }) => {
  const problems = watchForProblems(page);
  await page.goto(
    `${SMALL_TRACE_RUN}&epochs=abc&seed=1e400&bogus=1&operators=%3Cscript%3Ealert(1)%3C/script%3E&hidden=9999999`,
  );
  const notices = page.getByRole('alert');
  await expect(notices).toContainText('refused epochs="abc"');
  await expect(notices).toContainText('refused seed=1e400');
  await expect(notices).toContainText('ignored unknown setting "bogus"');
  await expect(notices).toContainText('refused operators=');
  await expect(notices).toContainText('refused hidden=');
  await page.getByRole('button', { name: 'Run all' }).click();
  await expect(page.locator('[data-stage="train"]')).toHaveAttribute('data-status', /running|done/, {
    timeout: 60_000,
  });
  await page.getByRole('button', { name: 'Stop' }).click();
  await expect(page.locator('[data-stage="train"]')).toHaveAttribute('data-status', /stopped|done/);
  expect(problems).toEqual([]);
});
