// A network of one's own in the page: a network trained and saved by the command line is chosen
// with a CSV of points; a mismatched table is refused naming what differs; a click on a unit of
// the layers' picture chooses the neuron; the run reads it without training and checks nothing.
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Rng } from '../src/core/rng.ts';
import { expect, test, watchForProblems } from './support.ts';

test.setTimeout(240_000);

function pointsCsv(header: string, width: number): string {
  const rng = new Rng(4);
  const rows = Array.from({ length: 300 }, () =>
    Array.from({ length: width }, () => rng.uniform(0, 1)).join(','),
  );
  return `${header}\n${rows.join('\n')}\n`;
}

/** A tiny network trained and saved by the command line, as `run --save-model DIR` writes it. */
function savedByTheCli(): string {
  const dir = mkdtempSync(join(tmpdir(), 'cli-model-'));
  // prettier-ignore
  execFileSync('npx', ['tsx', 'src/cli/main.ts', 'run', '--experiment', 'matrix-2x2-trace', '--seed', '2',
    '--hidden', '16,16', '--triplets', '1500', '--epochs', '5', '--cross-check', 'off', '--workers', '0',
    '--time-limit', '2', '--save-model', dir], { stdio: 'ignore' });
  return dir;
}

const fileOf = async (dir: string, name: string) => ({
  name,
  mimeType: 'application/octet-stream',
  buffer: await readFile(join(dir, name)),
});

test('a network saved by the command line is read at your points, at the unit you click', async ({
  page,
}) => {
  const problems = watchForProblems(page);
  const dir = savedByTheCli();
  const files = [await fileOf(dir, 'model.json'), await fileOf(dir, 'weights.bin')];
  await page.goto('/?v=1&seed=2&backend=wasm&timeLimit=20');
  await page.getByLabel('Experiment').selectOption({ label: 'Your own network (a model and points)' });
  const card = page.getByRole('region', { name: 'Your network' });
  const input = card.locator('input[type="file"]');
  await input.setInputFiles([
    ...files,
    { name: 'three.csv', mimeType: 'text/csv', buffer: Buffer.from(pointsCsv('p,q,r', 3)) },
  ]);
  await expect(card.getByRole('alert')).toContainText(
    'takes 4 inputs (a11, a12, a21, a22); three.csv has 3 (p, q, r)',
  );
  await input.setInputFiles([
    files[0]!,
    { name: 'points.csv', mimeType: 'text/csv', buffer: Buffer.from(pointsCsv('a11,a12,a21,a22', 4)) },
  ]);
  await expect(card.getByRole('alert')).toContainText(
    'keeps its weights in weights.bin: choose that file too',
  );
  await input.setInputFiles([
    ...files,
    { name: 'points.csv', mimeType: 'text/csv', buffer: Buffer.from(pointsCsv('a11,a12,a21,a22', 4)) },
  ]);
  await expect(card.locator('.table-summary')).toContainText('read at 300 points of points.csv');
  await card.getByRole('button', { name: 'Use this network' }).click();
  await card.getByRole('button', { name: 'layer 1, unit 3', exact: true }).click();
  await expect(page).toHaveURL(/neuron=1:3/);

  await page.getByRole('button', { name: 'Run all' }).click();
  await expect(page.locator('[data-stage="verify"]')).toHaveAttribute('data-status', 'done', {
    timeout: 200_000,
  });
  await expect(page.locator('.verdict')).toHaveAttribute('data-verdict', 'unchecked');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export result' }).click();
  const result = JSON.parse(await readFile((await (await download).path())!, 'utf8'));
  expect(result).toMatchObject({
    input: { data: 'points.csv', model: 'model.json' },
    settings: { neuron: { kind: 'hidden', layer: 1, index: 3 } },
    gradients: { points: 300 },
  });
  expect(problems).toEqual([]);
});
