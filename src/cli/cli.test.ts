// Runs the real command line as a user would (a child process through tsx) and checks its exit
// codes, its one-line errors and the result JSON.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exactGradients } from '../core/eval/gradients.ts';
import { readGradientCsv } from '../core/io/gradientFile.ts';
import { parseExpression } from '../core/expr/parse.ts';
import { Rng } from '../core/rng.ts';
import { experimentIds } from '../experiments/index.ts';
import { RESULT_SCHEMA, type ResultJson } from '../pipeline/report.ts';
import { DESIGN_IDS } from '../experiments/testSupport.ts';
import { cli, expectUsageError, scratch, scratchFile } from './testSupport.ts';

describe('cli list', () => {
  it('prints every experiment id, one per line, and exits 0', () => {
    const run = cli('list');
    expect(run.status, run.stderr).toBe(0);
    const ids = run.stdout
      .trimEnd()
      .split('\n')
      .map((line) => line.split(/\s+/)[0]);
    expect(ids).toEqual([...experimentIds]);
    expect(ids).toEqual(expect.arrayContaining(DESIGN_IDS));
    expect(run.stdout).toContain('a11 + a22');
  });
});

describe('cli errors', () => {
  it('names an unknown experiment id', () => {
    expectUsageError(cli('search', '--experiment', 'no-such-id'), '--experiment', 'no-such-id');
  });

  it('names an unknown option and an unknown command', () => {
    expectUsageError(cli('search', '--experiment', 'matrix-2x2-trace', '--bogus'), '--bogus');
    expectUsageError(cli('frobnicate'), 'frobnicate');
  });

  it('names a bad number', () => {
    expectUsageError(cli('search', '--experiment', 'matrix-2x2-trace', '--seed', 'abc'), '--seed', 'abc');
    expectUsageError(cli('search', '--experiment', 'matrix-2x2-trace', '--points', '-5'), '--points');
    expectUsageError(
      cli('search', '--experiment', 'matrix-2x2-trace', '--points=-5'),
      '--points',
      '-5',
      'out of range',
    );
    expectUsageError(cli('search', '--experiment', 'matrix-2x2-trace', '--workers', '1.5'), '--workers');
  });

  it('names a bad export before running', () => {
    expectUsageError(
      cli('search', '--experiment', 'matrix-2x2-trace', '--export', 'pdf=a.pdf'),
      '--export',
      'pdf',
    );
    expectUsageError(
      cli('search', '--experiment', 'matrix-2x2-trace', '--export', 'numpy'),
      '--export',
      'names no file',
    );
  });

  it('names an unknown operator', () => {
    expectUsageError(
      cli('search', '--experiment', 'matrix-2x2-trace', '--operators', '+,-,frob'),
      '--operators',
      'frob',
    );
  });

  it('names a missing file', () => {
    const missing = join(scratch, 'missing.csv');
    expectUsageError(cli('search', '--gradients', missing), missing);
  });

  it('names the file, line and column of a malformed gradient file', () => {
    const badCell = scratchFile('bad-cell.csv', 'x,y,grad_x,grad_y\n1,2,3,4\n\n5,6,oops,8\n');
    expectUsageError(cli('search', '--gradients', badCell, '--workers', '0'), `${badCell}:4:3:`, 'oops');
    const badHeader = scratchFile('bad-header.csv', 'x,y,grad_x,grad_q\n1,2,3,4\n');
    expectUsageError(
      cli('search', '--gradients', badHeader, '--workers', '0'),
      `${badHeader}:1:4:`,
      'grad_y',
    );
    const x = scratchFile('X.out', '1,2\n3,4\n5,6\n');
    const g = scratchFile('G.out', '1,2\n3,4\n');
    expectUsageError(cli('search', '--x', x, '--grad', g, '--workers', '0'), `${g}:2:`, 'rows');
  });

  it('refuses a gradient file without a usable row', () => {
    const useless = scratchFile('useless.csv', 'x,grad_x\n1,0\n2,nan\n');
    expectUsageError(cli('search', '--gradients', useless, '--workers', '0'), 'no usable points');
  });

  it('refuses two inputs at once', () => {
    const file = scratchFile('two.csv', 'x,grad_x\n1,1\n');
    expectUsageError(
      cli('search', '--experiment', 'matrix-2x2-trace', '--gradients', file),
      '--experiment',
      '--gradients',
    );
  });
});

describe('cli search', () => {
  it('recovers the 2x2 trace and writes the result JSON', () => {
    const json = join(scratch, 'trace.json');
    const run = cli(
      'search',
      '--experiment',
      'matrix-2x2-trace',
      '--seed',
      '3',
      '--workers',
      '0',
      '--time-limit',
      '20',
      '--json',
      json,
      '--export',
      `numpy=${join(scratch, 'trace.py')}`,
      '--export',
      `latex=${join(scratch, 'trace.tex')}`,
      '--export',
      `pysr=${join(scratch, 'trace-pysr.py')}`,
    );
    expect(run.status, run.stderr).toBe(0);
    const result = JSON.parse(readFileSync(json, 'utf8')) as ResultJson;
    expect(result.schema).toBe(RESULT_SCHEMA);
    // The pick as a NumPy function and as LaTeX (their content: exports.test.ts).
    expect(readFileSync(join(scratch, 'trace.py'), 'utf8')).toContain('def f(a11, a12, a21, a22):');
    expect(readFileSync(join(scratch, 'trace.tex'), 'utf8')).toContain(result.best!.latex);
    // The PySR script, with the gradients the search ran on beside it, under the name it reads.
    expect(readFileSync(join(scratch, 'trace-pysr.py'), 'utf8')).toContain(
      'GRADIENT_FILE = "trace-pysr-gradients.csv"',
    );
    const written = readGradientCsv(
      readFileSync(join(scratch, 'trace-pysr-gradients.csv'), 'utf8'),
      'trace-pysr-gradients.csv',
    );
    expect(written.ok && written.value.x[0]!.length).toBe(500);
    expect(result.variables).toEqual(['a11', 'a12', 'a21', 'a22']);
    expect(result.input).toMatchObject({ experiment: 'matrix-2x2-trace' });
    expect(result.seed).toBe(3);
    expect(result.pareto.length).toBeGreaterThan(0);
    for (const entry of result.pareto) {
      expect(entry).toEqual({
        complexity: expect.any(Number),
        loss: expect.any(Number),
        score: expect.any(Number),
        validationLoss: expect.any(Number),
        expr: expect.any(String),
        latex: expect.any(String),
        sympy: expect.any(String),
      });
    }
    expect(result.pareto).toContainEqual(result.best);
    expect(result.check?.recovered).toBe(true);
    expect(result.check?.truth).toBe('a11 + a22');
    expect(result.check).toMatchObject({ tier: 'exact', verdict: 'recovers' });
    expect(run.stdout).toContain('RECOVERS the law');
  });

  it('recovers a formula outside the catalogue from a gradient file', () => {
    // f = x*y + sin(z): grad f = (y, x, cos z).
    const gradient = ([x, y, z]: number[]): number[] => [y as number, x as number, Math.cos(z as number)];
    const rng = new Rng(2024);
    const lines = ['x,y,z,grad_x,grad_y,grad_z'];
    for (let i = 0; i < 300; i++) {
      const point = [rng.uniform(-2, 2), rng.uniform(-2, 2), rng.uniform(-2, 2)];
      lines.push([...point, ...gradient(point)].join(','));
    }
    lines.push('0.5,0.5,0.5,0,0,0', '1,1,1,nan,1,1');
    const file = scratchFile('xy-sin.csv', `${lines.join('\r\n')}\r\n`);
    const json = join(scratch, 'xy-sin.json');
    const run = cli('search', '--gradients', file, '--workers', '0', '--time-limit', '20', '--json', json);
    expect(run.status, run.stderr).toBe(0);
    const result = JSON.parse(readFileSync(json, 'utf8')) as ResultJson;
    expect(result.variables).toEqual(['x', 'y', 'z']);
    expect(result.input).toEqual({ gradients: file });
    expect(result.search.skippedRows).toBe(2);
    expect(result.check).toBeUndefined();

    const parsed = parseExpression(result.best?.expr ?? '', result.variables);
    if (!parsed.ok) throw new Error(`best.expr does not parse: ${parsed.error.message}`);
    const fresh = new Rng(7);
    const points = Array.from({ length: 500 }, () => [1, 2, 3].map(() => fresh.uniform(-2, 2)));
    const x = [0, 1, 2].map((j) => Float64Array.from(points, (p) => p[j] as number));
    const g = exactGradients(parsed.expr, x);
    let sum = 0;
    points.forEach((point, i) => {
      const truth = gradient(point);
      const found = g.map((column) => column[i] as number);
      const dot = truth.reduce((s, t, j) => s + t * (found[j] as number), 0);
      sum += Math.abs(dot) / (Math.hypot(...truth) * Math.hypot(...found));
    });
    expect(sum / points.length).toBeGreaterThanOrEqual(0.999);
  });
});
