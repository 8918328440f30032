// A latent space of two neurons in the page: the rank report, an equation for each concept its
// span holds with its check, a scatter of each against the neurons; the lecture explains the idea.
import { readFile } from 'node:fs/promises';
import { expect, test, watchForProblems } from './support.ts';

test.setTimeout(240_000);

test('a latent space of two neurons shows what it holds, concept by concept', async ({ page }, testInfo) => {
  const problems = watchForProblems(page);
  await page.goto(
    '/?v=1&experiment=matrix-2x2-similarity&seed=2&examples=1500&hidden=16,16&latent=2&epochs=12&lr=0.01&backend=wasm&timeLimit=5&check=off',
  );
  await page.getByRole('button', { name: 'Run all' }).click();
  await expect(page.locator('[data-stage="verify"]')).toHaveAttribute('data-status', 'done', {
    timeout: 200_000,
  });
  const panel = page.locator('section[aria-label="Latent space"]');
  await expect(panel).toContainText(/This latent space of 2 neurons holds [12] independent concepts?\./);
  await expect(panel.locator('.singular-values')).toHaveText(/^1\.000, \d\.\d{3}$/);
  const rank = Number(await panel.locator('.latent-space').getAttribute('data-rank'));
  const concepts = panel.locator('ol.concepts > li[data-verdict]');
  await expect(concepts).toHaveCount(rank);
  await expect(concepts.first()).toContainText(/recovers the (trace|determinant)|none of the known concepts/);
  await expect(panel.locator('.js-plotly-plot')).toHaveCount(rank);
  // How much of each known quantity the neurons' span holds.
  await expect(panel.locator('.known-in-span')).toHaveText(
    /^the trace \d\.\d{4}, the determinant \d\.\d{4}$/,
  );

  // What the chosen neuron's gradients follow: each known quantity, and both together.
  await expect(page.locator('[data-known-followed]')).toHaveText(
    /against each known concept: the trace \d\.\d{4}, the determinant \d\.\d{4}; in the span of all 2: \d\.\d{4}/,
  );

  // The exported result lists the concepts, each checked.
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export result' }).click();
  const result = JSON.parse(await readFile((await (await download).path())!, 'utf8'));
  expect(result.gradients.latent).toMatchObject({ size: 2, rank });
  expect(result.concepts).toHaveLength(rank);
  expect(result.concepts[0].check.tier).toMatch(/^(exact|approximate|wrong)$/);
  expect(result.gradients.latent.known.map((k: { name: string }) => k.name)).toEqual([
    'the trace',
    'the determinant',
  ]);
  expect(result.gradients.known.concepts.map((c: { name: string }) => c.name)).toEqual([
    'the trace',
    'the determinant',
  ]);

  // Lecture mode explains the subspace idea beside the panel.
  await page.getByLabel('Lecture mode').check();
  await expect(panel.locator('.lecture-note')).toContainText('span');
  const screenshot = await page.screenshot({ fullPage: true, path: testInfo.outputPath('latent.png') });
  await testInfo.attach('latent space', { body: screenshot, contentType: 'image/png' });
  // Nothing refused on the way: the finished run was saved, and its record reads back.
  await expect(page.getByLabel('Saved runs')).toContainText('1 in this browser');
  await expect(page.locator('.notices')).toHaveCount(0);
  expect(problems).toEqual([]);
});
