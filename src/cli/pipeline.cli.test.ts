// `run` and `train` end to end, as a user types them: a tiny network on an easy experiment
// really recovers its concept; a saved network reloads to the same gradients; a labelled table
// trains a classifier; bad tables and options end with exit code 2 and one line.

import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readGradientCsv, type GradientSet } from '../core/io/gradientFile.ts';
import { parseExpression } from '../core/expr/parse.ts';
import { Rng } from '../core/rng.ts';
import type { ResultJson } from '../pipeline/report.ts';
import { meanAbsCos } from '../pipeline/verify.ts';
import { cli, expectUsageError, scratch, scratchFile } from './testSupport.ts';

const TINY = [
  '--hidden',
  '16,16',
  '--triplets',
  '1500',
  '--epochs',
  '12',
  '--lr',
  '0.01',
  '--workers',
  '0',
  '--time-limit',
  '15',
];

const readJson = (path: string): ResultJson => JSON.parse(readFileSync(path, 'utf8')) as ResultJson;

function readGradients(path: string): GradientSet {
  const read = readGradientCsv(readFileSync(path, 'utf8'), path);
  if (!read.ok) throw new Error(read.error.message);
  return read.value;
}

describe('cli run', () => {
  it('trains a tiny network on the 2x2 trace and recovers it; a saved network reloads to the same gradients', () => {
    const [json, model, gradients] = ['run.json', 'model', 'grad.csv'].map((f) => join(scratch, f)) as [
      string,
      string,
      string,
    ];
    const run = cli(
      'run',
      '--experiment',
      'matrix-2x2-trace',
      '--seed',
      '2',
      ...TINY,
      '--json',
      json,
      '--save-model',
      model,
      '--export-gradients',
      gradients,
    );
    expect(run.status, run.stderr).toBe(0);
    const result = readJson(json);
    expect(result.check?.recovered).toBe(true);
    expect(result.training).toMatchObject({
      backend: 'wasm',
      epochs: expect.any(Number),
      stopReason: expect.any(String),
    });
    expect(Math.abs(result.training?.spearman ?? 0)).toBeGreaterThan(0.99);
    expect(result.gradients?.quality).toBeGreaterThan(0.99);
    // The pick was made on a second network, trained from another seed.
    expect(result.secondNetwork?.seed).not.toBe(2);
    expect(result.secondNetwork?.gradients.quality).toBeGreaterThan(0.99);
    expect(result.pareto.every((e) => e.validationLoss !== undefined)).toBe(true);
    expect(Object.keys(result.timings)).toEqual(
      expect.arrayContaining(['data_s', 'train_s', 'gradients_s', 'search_s', 'total_s']),
    );
    expect(run.stdout).toContain('training:');

    const again = join(scratch, 'grad-again.csv');
    const reloadJson = join(scratch, 'reload.json');
    const reload = cli(
      'run',
      '--experiment',
      'matrix-2x2-trace',
      '--seed',
      '2',
      '--load-model',
      model,
      '--export-gradients',
      again,
      '--workers',
      '0',
      '--time-limit',
      '2',
      '--json',
      reloadJson,
    );
    expect(reload.status, reload.stderr).toBe(0);
    // A loaded network has no partner trained with it: its pick is made on its own gradients.
    expect(readJson(reloadJson).secondNetwork).toBeUndefined();
    const [a, b] = [readGradients(gradients), readGradients(again)];
    expect(b.x).toEqual(a.x);
    a.t.forEach((column, j) => column.forEach((v, i) => expect(b.t[j]![i]).toBeCloseTo(v, 4)));
  });

  it('reads a network of your own at a table of points, with or without this tool’s metadata', () => {
    // The network the first test saved, and one like it with its metadata stripped (as a Keras
    // model converted to TensorFlow.js would come), read at points of a table.
    const model = join(scratch, 'model');
    const rng = new Rng(3);
    const rows = Array.from({ length: 200 }, () => [1, 2, 3, 4].map(() => rng.uniform(0, 1)).join(','));
    const points = scratchFile('points.csv', `a11,a12,a21,a22\n${rows.join('\n')}\n`);
    const json = join(scratch, 'own.json');
    const run = cli(
      'run',
      '--data',
      points,
      '--load-model',
      model,
      '--workers',
      '0',
      '--time-limit',
      '5',
      '--json',
      json,
    );
    expect(run.status, run.stderr).toBe(0);
    const result = readJson(json);
    expect(result.input).toEqual({ data: points, model });
    expect(result.gradients?.points).toBe(200);
    expect(result.check).toBeUndefined();
    expect(result.best?.expr).toMatch(/a11/);

    const bare = join(scratch, 'bare-model');
    mkdirSync(bare, { recursive: true });
    const saved = JSON.parse(readFileSync(join(model, 'model.json'), 'utf8')) as Record<string, unknown>;
    delete saved['userDefinedMetadata'];
    writeFileSync(join(bare, 'model.json'), JSON.stringify(saved));
    copyFileSync(join(model, 'weights.bin'), join(bare, 'weights.bin'));
    const renamed = scratchFile('renamed.csv', `p,q,r,s\n${rows.join('\n')}\n`);
    const again = cli(
      'run',
      '--data',
      renamed,
      '--load-model',
      bare,
      '--workers',
      '0',
      '--time-limit',
      '5',
      '--json',
      json,
    );
    expect(again.status, again.stderr).toBe(0);
    expect(readJson(json).variables).toEqual(['p', 'q', 'r', 's']);
  });

  it('names what differs between a network of your own and its table, or why a file is no network', () => {
    const model = join(scratch, 'model');
    const three = scratchFile('three.csv', 'p,q,r\n1,2,3\n');
    expectUsageError(
      cli('run', '--data', three, '--load-model', model),
      'takes 4 inputs (a11, a12, a21, a22)',
      'has 3 (p, q, r)',
    );
    const other = scratchFile('other.csv', 'p,q,r,s\n1,2,3,4\n');
    expectUsageError(
      cli('run', '--data', other, '--load-model', model),
      'trained on inputs (a11, a12, a21, a22)',
      '(p, q, r, s)',
    );
    const notModel = join(scratch, 'not-a-model');
    mkdirSync(notModel, { recursive: true });
    writeFileSync(join(notModel, 'model.json'), '{"format": "graph-model"}');
    writeFileSync(join(notModel, 'weights.bin'), '');
    expectUsageError(cli('run', '--data', three, '--load-model', notModel), 'not a Sequential layers model');
    const noWeights = join(scratch, 'no-weights');
    mkdirSync(noWeights, { recursive: true });
    copyFileSync(join(model, 'model.json'), join(noWeights, 'model.json'));
    expectUsageError(cli('run', '--data', three, '--load-model', noWeights), 'weights.bin', 'ENOENT');
    expectUsageError(cli('run', '--data', three), '--load-model DIR');
  });

  it('refuses a network trained on other inputs, and bad network options', () => {
    expectUsageError(
      cli('run', '--experiment', 'oscillator-harmonic', '--load-model', join(scratch, 'model')),
      '--load-model',
      'a11',
    );
    expectUsageError(
      cli('run', '--experiment', 'matrix-2x2-trace', '--neuron', '3:0', '--hidden', '8,8'),
      '--neuron',
      'hidden layers 1 to 2',
    );
    expectUsageError(
      cli('run', '--experiment', 'matrix-2x2-trace', '--hidden', '8,x'),
      '--hidden',
      '"8,x"',
      'value 2',
    );
    expectUsageError(
      cli('run', '--experiment', 'matrix-2x2-trace', '--activation', 'swish'),
      '--activation',
      'swish',
    );
    expectUsageError(cli('run', '--experiment', 'classifier-a1', '--triplets', '100'), '--samples');
    expectUsageError(
      cli('run', '--experiment', 'classifier-a1', '--latent-size', '2'),
      '--latent-size applies to latent experiments',
    );
    expectUsageError(
      cli('run', '--experiment', 'central-potential', '--latent-size', '2', '--neuron', 'output:2'),
      '--neuron: the latent space has output units 0 to 1, not 2',
    );
    expectUsageError(
      cli('run', '--experiment', 'matrix-2x2-trace', '--negatives', 'same-other-invariant'),
      '--negatives',
      'keeps no other invariant',
    );
    expectUsageError(
      cli('run', '--experiment', 'central-potential', '--negatives', 'hard'),
      '--negatives',
      'fresh, same-other-invariant',
    );
    expectUsageError(
      cli('run', '--experiment', 'matrix-2x2-trace', '--cross-check', 'maybe'),
      '--cross-check',
      'maybe',
    );
    expectUsageError(
      cli('run', '--experiment', 'matrix-2x2-trace', '--backend', 'webgpu'),
      '--backend',
      'webgpu',
      'available',
    );
  });
});

describe('cli run with a latent space of two neurons', () => {
  it('reports the rank of its span and an equation for each concept it holds, checked', () => {
    const json = join(scratch, 'latent2.json');
    const args = ['run', '--experiment', 'matrix-2x2-similarity', '--seed', '2', '--latent-size', '2'];
    const run = cli(...args, ...TINY, '--time-limit', '5', '--cross-check', 'off', '--json', json);
    expect(run.status, run.stderr).toBe(0);
    const result = readJson(json);
    const latent = result.gradients?.latent;
    expect(latent).toMatchObject({ size: 2, rank: expect.any(Number) });
    expect(latent!.singularValues[0]).toBeCloseTo(1, 9);
    expect(latent!.singularValues[1]).toBeGreaterThanOrEqual(0);
    expect(result.concepts).toHaveLength(latent!.rank);
    for (const concept of result.concepts ?? []) {
      expect(parseExpression(concept.expr, result.variables).ok).toBe(true);
      expect(concept.check?.tier).toMatch(/^(exact|approximate|wrong)$/);
      expect(concept.against?.map((a) => a.name)).toEqual(['the trace', 'the determinant']);
    }
    expect(run.stdout).toMatch(
      /latent space: 2 output units; relative singular values of their gradients 1\.000, \d\.\d{3}/,
    );
    expect(run.stdout).toContain('concept 1 of the latent space:');
    // How much of each known quantity the neurons' span holds.
    expect(latent!.known?.map((k) => k.name)).toEqual(['the trace', 'the determinant']);
    for (const k of latent!.known ?? []) {
      expect(k.share).toBeGreaterThanOrEqual(0);
      expect(k.share).toBeLessThanOrEqual(1);
    }
    expect(run.stdout).toMatch(
      /how much of each known concept their span holds .*: the trace \d\.\d{5}, the determinant \d\.\d{5}/,
    );
    // What the chosen neuron's gradients follow, against each known quantity and both together.
    const known = result.gradients?.known;
    expect(known?.concepts.map((c) => c.name)).toEqual(['the trace', 'the determinant']);
    for (const figure of [...known!.concepts.map((c) => c.quality), known!.span]) {
      expect(figure).toBeGreaterThanOrEqual(0);
      expect(figure).toBeLessThanOrEqual(1);
    }
    expect(run.stdout).toMatch(
      /against each known concept: the trace \d\.\d{5}, the determinant \d\.\d{5}; in the span of all 2: \d\.\d{5}/,
    );
  });
});

describe('cli run on a confusion case', () => {
  it('names the rule its network follows, checked against both rules', () => {
    const json = join(scratch, 'confusion.json');
    const run = cli(
      'run',
      '--experiment',
      'classifier-f',
      '--seed',
      '2',
      '--hidden',
      '16,16',
      '--samples',
      '3000',
      '--epochs',
      '20',
      '--lr',
      '0.01',
      '--workers',
      '0',
      '--time-limit',
      '10',
      '--json',
      json,
    );
    expect(run.status, run.stderr).toBe(0);
    const check = readJson(json).check!;
    expect(check.invariants?.map((i) => [i.name, i.truth])).toEqual([
      ['the rule x0 x1 > 1', 'x0 * x1'],
      ['the rule x2 x3 > 1', 'x2 * x3'],
    ]);
    expect(run.stdout).toMatch(
      /known concepts of this data, found in the front or not: the rule x0 x1 > 1 \((not )?found\), the rule x2 x3 > 1 \((not )?found\)/,
    );
  });
});

describe('cli train', () => {
  const ellipse = (): string => {
    const rng = new Rng(5);
    const lines = ['p,q,inside'];
    for (let i = 0; i < 2500; i++) {
      const [p, q] = [rng.uniform(-1, 1), rng.uniform(-1, 1)];
      lines.push(`${p},${q},${p * p + 2 * q * q > 1 ? 1 : 0}`);
    }
    return scratchFile('ellipse.csv', `${lines.join('\n')}\n`);
  };

  it('trains a classifier on a labelled table and reads its boundary back', () => {
    const json = join(scratch, 'train.json');
    const run = cli(
      'train',
      '--data',
      ellipse(),
      '--label',
      'inside',
      '--hidden',
      '32,32',
      '--epochs',
      '40',
      '--lr',
      '0.01',
      '--workers',
      '0',
      '--time-limit',
      '15',
      '--json',
      json,
    );
    expect(run.status, run.stderr).toBe(0);
    const result = readJson(json);
    expect(result.variables).toEqual(['p', 'q']);
    expect(result.check).toBeUndefined();
    const pick = parseExpression(result.best?.expr ?? '', result.variables);
    const truth = parseExpression('p^2 + 2*q^2', result.variables);
    if (!pick.ok || !truth.ok) throw new Error('unparsable expression');
    const rng = new Rng(9);
    const x = [0, 1].map(() => Float64Array.from({ length: 400 }, () => rng.uniform(-1, 1)));
    expect(meanAbsCos(pick.expr, truth.expr, x)).toBeGreaterThan(0.99);
  });

  it('trains a tiny network on a typed concept and reads it back, checked against the typed formula', () => {
    const json = join(scratch, 'concept.json');
    // A little more network than TINY: the search must tell the law from a fit of the network's error.
    const args = ['run', '--concept', 'x*v', '--box', 'x:1:3,v:1:3', '--seed', '2', ...TINY];
    args.splice(args.indexOf('16,16'), 1, '32,32');
    args.splice(args.indexOf('1500'), 1, '3000');
    args.splice(args.indexOf('12'), 1, '30');
    const run = cli(...args, '--json', json);
    expect(run.status, run.stderr).toBe(0);
    const result = readJson(json);
    expect(result.input).toEqual({ concept: 'x*v', box: 'x:1:3,v:1:3' });
    expect(result.settings).toMatchObject({ concept: 'x*v', box: 'x:1:3,v:1:3' });
    expect(result.settings['experiment']).toBeUndefined();
    expect(result.check).toMatchObject({ truth: 'x * v', verdict: 'recovers' });
    expect(Math.abs(result.training?.spearman ?? 0)).toBeGreaterThan(0.99);
  });

  it('names what is wrong with a typed concept, and where', () => {
    expectUsageError(cli('run', '--concept', 'x*y', '--box', 'x:1:3,v:1:3'), '--concept', 'column 3', "'y'");
    expectUsageError(cli('run', '--concept', 'x*v', '--box', 'x:1:3;v:1:3'), '--box', 'NAME:LOW:HIGH');
    expectUsageError(cli('run', '--concept', 'x*v'), '--box');
    expectUsageError(
      cli('run', '--concept', 'x*v', '--box', 'x:1:3,v:1:3', '--threshold', '100'),
      '--threshold',
      'runs from about',
    );
    expectUsageError(
      cli('run', '--experiment', 'matrix-2x2-trace', '--concept', 'x*v', '--box', 'x:1:3,v:1:3'),
      'give one of them',
    );
  });

  it('names the file, line and column of a bad table', () => {
    const badHeader = scratchFile('bad-header.csv', 'p,2q,inside\n1,2,0\n');
    expectUsageError(cli('train', '--data', badHeader, '--label', 'inside'), `${badHeader}:1:2:`);
    const noLabel = scratchFile('no-label.csv', 'p,q\n1,2\n');
    expectUsageError(
      cli('train', '--data', noLabel, '--label', 'inside'),
      `${noLabel}:1:`,
      'no column "inside"',
    );
    const text = scratchFile('text.csv', 'p,q,inside\n1,2,0\n3,four,1\n');
    expectUsageError(cli('train', '--data', text, '--label', 'inside'), `${text}:3:2:`, '"four"');
    const single = scratchFile('single.csv', 'p,q,inside\n1,2,1\n3,4,1\n');
    expectUsageError(cli('train', '--data', single, '--label', 'inside'), `${single}:2:3:`, 'one class');
    expectUsageError(cli('train', '--data', single), '--label');
  });
});
