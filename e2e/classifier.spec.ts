// A classifier end to end in the page: its network trains, its logit's gradients are taken near
// the boundary, the search runs, and the verification shows a verdict; the exported result says
// the pick was made at the boundary. The classifier is a confusion case (two rules label its data
// alike), so the verdict also says which known rule, if any, the network's boundary follows.
import { readFile } from 'node:fs/promises';
import { expect, test, watchForProblems } from './support.ts';

test.setTimeout(240_000);

test('a classifier runs from its link to a verdict on its decision boundary', async ({ page }) => {
  const problems = watchForProblems(page);
  await page.goto(
    '/?v=1&experiment=classifier-g&seed=2&examples=3000&hidden=16,16&epochs=20&lr=0.01&backend=wasm&timeLimit=20',
  );
  await page.getByRole('button', { name: 'Run all' }).click();
  await expect(page.locator('[data-stage="verify"]')).toHaveAttribute('data-status', 'done', {
    timeout: 200_000,
  });
  const verdict = page.locator('.verdict');
  await expect(verdict).toHaveAttribute('data-verdict', /^(recovers|look-alike|wrong)$/);
  await expect(verdict).toContainText(
    /recovers the circle x0\^2 \+ x1\^2 > 1, the one sought|recovers the shortcut x2 > 0\.5, another rule|a mixture of the known ones|none of the known ones/,
  );
  await expect(page.locator('table.candidates tbody tr').first().locator('td.check')).not.toBeEmpty();
  // The exported result: schema 2, the run's settings as its link holds them, the pick made on
  // the points nearest the boundary.
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export result' }).click();
  const result = JSON.parse(await readFile((await (await download).path())!, 'utf8'));
  expect(result).toMatchObject({
    schema: 2,
    input: { experiment: 'classifier-g' },
    settings: {
      experiment: 'classifier-g',
      seed: 2,
      hidden: [16, 16],
      resolved: { pickMadeOn: 'boundary points' },
    },
    check: {
      verdict: expect.stringMatching(/^(recovers|look-alike|wrong)$/),
      invariants: [
        { name: 'the circle x0^2 + x1^2 > 1', truth: 'x0 ^ 2 + x1 ^ 2', found: expect.any(Boolean) },
        { name: 'the shortcut x2 > 0.5', truth: 'x2', found: expect.any(Boolean) },
      ],
    },
  });
  expect(problems).toEqual([]);
});
