import { describe, expect, it } from 'vitest';
import { compileValue } from '../core/eval/compile.ts';
import { Rng } from '../core/rng.ts';
import { conceptExperiment, parseBox, type ConceptSpec } from './concept.ts';
import { rowCount, type Columns, type Experiment } from './types.ts';

function experimentOf(spec: ConceptSpec): Experiment {
  const read = conceptExperiment(spec);
  if (!read.ok) throw new Error(read.error.message);
  return read.value;
}

function errorOf(spec: ConceptSpec) {
  const read = conceptExperiment(spec);
  if (read.ok) throw new Error('expected the concept to be refused');
  return read.error;
}

const valuesOf = (experiment: Experiment, x: Columns): Float64Array => {
  const out = new Float64Array(rowCount(x));
  compileValue(experiment.truth)(x, out, rowCount(x));
  return out;
};

describe('a typed box', () => {
  it('reads names and ranges, with spaces', () => {
    expect(parseBox(' x:-2:2, v : 0.5 : 1e1')).toEqual({
      ok: true,
      value: [
        { name: 'x', low: -2, high: 2 },
        { name: 'v', low: 0.5, high: 10 },
      ],
    });
  });

  it.each([
    ['x:-2:2,v:-2', 7, 'NAME:LOW:HIGH'],
    ['x:-2:2,2v:0:1', 7, 'not a name'],
    ['x:-2:2,sin:0:1', 7, 'constant or function'],
    ['x:-2:2,x:0:1', 7, 'named twice'],
    ['x:2:-2,v:0:1', 0, 'from low to high'],
    ['x:-2:2,v:0:1e9', 7, 'beyond'],
    ['x:-2:2,v:a:1', 7, 'not two numbers'],
  ])('refuses %s, pointing at column %i', (text, position, message) => {
    const read = parseBox(text);
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.error.position).toBe(position);
    expect(read.error.message).toContain(message);
  });

  it('needs two inputs at least', () => {
    const read = parseBox('x:0:1');
    expect(!read.ok && read.error.message).toMatch(/at least 2 inputs/);
  });
});

describe('a typed concept', () => {
  it('points at the column of a formula that names an input the box does not', () => {
    const error = errorOf({ formula: 'x^2 + y', box: 'x:-1:1,v:-1:1' });
    expect(error).toMatchObject({ field: 'concept', position: 6 });
    expect(error.message).toMatch(/Unknown variable 'y'/);
  });

  it('refuses a formula that is undefined over most of the box', () => {
    const error = errorOf({ formula: 'log(x) + v', box: 'x:-2:-1,v:0:1' });
    expect(error.field).toBe('concept');
    expect(error.message).toMatch(/not finite at 100 %/);
  });

  it('refuses a constant formula and an empty box, saying what is wrong', () => {
    expect(errorOf({ formula: 'x - x + 3', box: 'x:0:1,v:0:1' })).toMatchObject({
      field: 'concept',
      message: 'the formula does not change anywhere in the box',
    });
    expect(errorOf({ formula: 'x + v', box: '' })).toMatchObject({ field: 'box', position: 0 });
    expect(errorOf({ formula: '', box: 'x:0:1,v:0:1' }).field).toBe('concept');
  });

  it('refuses a threshold that leaves the box on one side', () => {
    const error = errorOf({ formula: 'x + v', box: 'x:0:1,v:0:1', threshold: 5 });
    expect(error.field).toBe('threshold');
    expect(error.message).toMatch(/runs from about/);
  });

  it('draws positives on their anchor’s level set inside the box, and fresh negatives', () => {
    const experiment = experimentOf({ formula: 'x^2 + v^2', box: 'x:-1:1,v:-1:1' });
    expect(experiment.kind).toBe('latent');
    const t = experiment.triplets!(new Rng(3), 2000);
    const [a, p, q] = [
      valuesOf(experiment, t.anchor),
      valuesOf(experiment, t.positive),
      valuesOf(experiment, t.negative),
    ];
    let worst = 0;
    for (let i = 0; i < a.length; i++) worst = Math.max(worst, Math.abs(a[i]! - p[i]!));
    expect(worst).toBeLessThan(1e-5);
    for (const columns of [t.anchor, t.positive, t.negative])
      for (const column of columns) for (const v of column) expect(Math.abs(v)).toBeLessThanOrEqual(1);
    // Negatives are fresh: their values are not their anchors'.
    const apart = a.filter((v, i) => Math.abs(v - q[i]!) > 0.05).length;
    expect(apart / a.length).toBeGreaterThan(0.8);
    // Anchors near a corner (values near 2) still find partners: the box's level sets there are short.
    expect(Math.max(...a)).toBeGreaterThan(1.8);
  });

  it('draws the same triplets from the same seed', () => {
    const experiment = experimentOf({ formula: 'x*v + sin(x)', box: 'x:-2:2,v:-2:2' });
    const once = experiment.triplets!(new Rng(5), 100);
    const again = experiment.triplets!(new Rng(5), 100);
    expect(once).toEqual(again);
  });

  it('reads a classifier from a formula that compares with a threshold, labelling the side it names', () => {
    const experiment = experimentOf({ formula: 'a^2 + 2*b^2 < 1', box: 'a:-1:1,b:-1:1' });
    expect(experiment).toMatchObject({ kind: 'classifier', threshold: 1, truthText: 'a^2 + 2*b^2' });
    const rng = new Rng(4);
    const x = experiment.sample(rng, 2000);
    const y = experiment.labels!(rng, x);
    const g = valuesOf(experiment, x);
    const inside = y.filter((label, i) => label === (g[i]! < 1 ? 1 : 0)).length / y.length;
    expect(inside).toBeGreaterThan(0.98);
    expect(errorOf({ formula: 'a < b < 1', box: 'a:0:1,b:0:1' })).toMatchObject({
      field: 'concept',
      position: 2,
    });
    expect(errorOf({ formula: 'a + b > c', box: 'a:0:1,b:0:1' })).toMatchObject({
      field: 'concept',
      position: 7,
    });
    expect(errorOf({ formula: 'a + b > 1', box: 'a:0:1,b:0:1', threshold: 1 }).field).toBe('threshold');
  });

  it('labels a classifier by its threshold, with the papers’ label noise', () => {
    const experiment = experimentOf({ formula: 'x + v', box: 'x:0:1,v:0:1', threshold: 1 });
    expect(experiment.kind).toBe('classifier');
    const rng = new Rng(8);
    const x = experiment.sample(rng, 4000);
    const y = experiment.labels!(rng, x);
    const g = valuesOf(experiment, x);
    const agree = y.filter((label, i) => label === (g[i]! > 1 ? 1 : 0)).length / y.length;
    expect(agree).toBeGreaterThan(0.98);
    expect(agree).toBeLessThan(1);
  });
});
