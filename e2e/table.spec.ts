// A labelled table of one's own in the page: dropped in, read and summarised before it runs,
// trained as a classifier and interpreted, with nothing checked (there is no truth); a link
// cannot carry it, so a bundle does, and importing the bundle puts the table and settings back.
import { readFile } from 'node:fs/promises';
import { parseExpression } from '../src/core/expr/parse.ts';
import { exactGradients } from '../src/core/eval/gradients.ts';
import { Rng } from '../src/core/rng.ts';
import { expect, test, frontOf, watchForProblems } from './support.ts';

test.setTimeout(360_000);

/** 3,000 points in [0.2, 2]^2, labelled 1 inside p q > 1. */
function pointsCsv(): string {
  const rng = new Rng(5);
  const rows = Array.from({ length: 3000 }, () => {
    const [p, q] = [rng.uniform(0.2, 2), rng.uniform(0.2, 2)];
    return `${p},${q},${p * q > 1 ? 1 : 0}`;
  });
  return `p,q,inside\n${rows.join('\n')}\n`;
}

test('a labelled table is trained and interpreted in the page, and comes back from its bundle', async ({
  page,
  browser,
}) => {
  const problems = watchForProblems(page);
  // Operators narrowed by hand and room on the clock: the search ends on its patience, so the
  // bundle's run can give the same front again.
  await page.goto(
    '/?v=1&seed=2&hidden=16,16&epochs=20&lr=0.01&backend=wasm&operators=%2B,-,*,/&timeLimit=120',
  );
  await page.getByLabel('Experiment').selectOption({ label: 'Your own table (a CSV)' });
  const card = page.getByRole('region', { name: 'Your table' });
  await card.locator('input[type="file"]').setInputFiles({
    name: 'points.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(pointsCsv()),
  });
  await expect(card.getByLabel('Label column')).toHaveValue('inside');
  await expect(card.locator('.table-summary')).toContainText('3,000 rows; inputs p, q; label inside');
  await card.getByRole('button', { name: 'Use this table' }).click();
  await expect(card.locator('[data-table="points.csv"]')).toBeVisible();

  await page.getByRole('button', { name: 'Copy link' }).click();
  await expect(page.locator('.notices')).toContainText('A link cannot carry your table');

  await page.getByRole('button', { name: 'Run all' }).click();
  await expect(page.locator('[data-stage="verify"]')).toHaveAttribute('data-status', 'done', {
    timeout: 200_000,
  });
  await expect(page.locator('.verdict')).toHaveAttribute('data-verdict', 'unchecked');
  const front = await frontOf(page);
  await expect(page.locator('.verdict')).toContainText('Nothing was checked');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export result' }).click();
  const result = JSON.parse(await readFile((await (await download).path())!, 'utf8'));
  expect(result).toMatchObject({ input: { data: 'points.csv', label: 'inside' }, variables: ['p', 'q'] });
  expect(result.check).toBeUndefined();
  // The pick is an equation of the table's inputs that reads both (the boundary p q = 1 needs both).
  const pick = parseExpression(result.best.expr, ['p', 'q']);
  expect(pick.ok && JSON.stringify(pick.expr)).toMatch(/"index":0[\s\S]*"index":1|"index":1[\s\S]*"index":0/);

  const bundleDownload = page.waitForEvent('download');
  await card.getByRole('button', { name: 'Export bundle' }).click();
  const bundle = (await bundleDownload).path();
  const fresh = await browser.newPage();
  await fresh.goto('/');
  await fresh.locator('.file-button input').setInputFiles((await bundle)!);
  await expect(fresh.locator('.notices')).toContainText('the settings and the table points.csv');
  await expect(
    fresh.getByRole('region', { name: 'Your table' }).locator('[data-table="points.csv"]'),
  ).toBeVisible();
  await expect(fresh).toHaveURL(/seed=2/);
  await expect(fresh).toHaveURL(/hidden=16,16/);
  // The bundle's run gives the same front.
  await fresh.getByRole('button', { name: 'Run all' }).click();
  await expect(fresh.locator('[data-stage="verify"]')).toHaveAttribute('data-status', 'done', {
    timeout: 200_000,
  });
  expect(await frontOf(fresh)).toEqual(front);
  expect(problems).toEqual([]);
});

test('a gradient file dropped on the page is searched as it is', async ({ page }) => {
  const problems = watchForProblems(page);
  // f = x y + sin(z): its gradient (y, x, cos z) at 300 points, and a row with none.
  const rng = new Rng(9);
  const rows = Array.from({ length: 300 }, () => {
    const [x, y, z] = [rng.uniform(-2, 2), rng.uniform(-2, 2), rng.uniform(-2, 2)];
    return [x, y, z, y, x, Math.cos(z)].join(',');
  });
  const csv = `x,y,z,grad_x,grad_y,grad_z\n${rows.join('\n')}\n0.5,0.5,0.5,0,0,0\n`;
  await page.goto('/?v=1&seed=2&timeLimit=20');
  await page.getByLabel('Experiment').selectOption({ label: 'Your own table (a CSV)' });
  const card = page.getByRole('region', { name: 'Your table' });
  await card.locator('input[type="file"]').setInputFiles({
    name: 'field.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(csv),
  });
  await expect(card.getByLabel('Label column')).toHaveCount(0);
  await expect(card.locator('.table-summary')).toContainText(
    '300 rows; inputs x, y, z (1 rows left out for a non-finite value or a zero gradient). A gradient file',
  );
  await card.getByRole('button', { name: 'Use this table' }).click();
  await page.getByRole('button', { name: 'Run all' }).click();
  await expect(page.locator('[data-stage="verify"]')).toHaveAttribute('data-status', 'done', {
    timeout: 120_000,
  });
  await expect(page.locator('.verdict')).toHaveAttribute('data-verdict', 'unchecked');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export result' }).click();
  const result = JSON.parse(await readFile((await (await download).path())!, 'utf8'));
  expect(result).toMatchObject({ input: { gradients: 'field.csv' }, variables: ['x', 'y', 'z'] });
  expect(result.training).toBeUndefined();
  // The pick is the law: its gradient's direction is the file's at fresh points.
  const pick = parseExpression(result.best.expr, ['x', 'y', 'z']);
  if (!pick.ok) throw new Error(pick.error.message);
  const fresh = new Rng(10);
  const points = Array.from({ length: 200 }, () => [0, 1, 2].map(() => fresh.uniform(-2, 2)));
  const g = exactGradients(
    pick.expr,
    [0, 1, 2].map((j) => Float64Array.from(points, (p) => p[j]!)),
  );
  const agreement =
    points.reduce((sum, [x, y, z], i) => {
      const truth = [y!, x!, Math.cos(z!)];
      const found = g.map((column) => column[i]!);
      const dot = truth.reduce((s, t, j) => s + t * found[j]!, 0);
      return sum + Math.abs(dot) / (Math.hypot(...truth) * Math.hypot(...found));
    }, 0) / points.length;
  expect(agreement).toBeGreaterThan(0.999);
  expect(problems).toEqual([]);
});
