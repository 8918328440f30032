import { describe, expect, it } from 'vitest';
import { Rng } from '../core/rng.ts';
import { parseExpression } from '../core/expr/parse.ts';
import type { Expr } from '../core/expr/types.ts';
import { checkPoints, meanAbsCos, RECOVERY_COS } from './verify.ts';
import { findExperiment } from '../experiments/index.ts';

const names = ['a', 'b'];
const parse = (text: string): Expr => {
  const r = parseExpression(text, names);
  if (!r.ok) throw new Error(r.error.message);
  return r.expr;
};
const rng = new Rng(8);
const x = names.map(() => Float64Array.from({ length: 500 }, () => rng.uniform(0.1, 2)));

describe('verification against the ground truth', () => {
  it('accepts the truth and any monotone map of it, in either direction', () => {
    const truth = parse('a * b');
    for (const candidate of ['a * b', 'log(a) + log(b)', '3 - exp(a * b)', '1 / (a * b)']) {
      expect(meanAbsCos(parse(candidate), truth, x)).toBeCloseTo(1, 12);
    }
  });

  it('refuses a different concept and a constant', () => {
    const truth = parse('a * b');
    const other = meanAbsCos(parse('a + b'), truth, x);
    expect(other).toBeLessThan(RECOVERY_COS);
    expect(other).toBeGreaterThan(0.5);
    expect(meanAbsCos(parse('2'), truth, x)).toBe(0);
  });

  it('refuses a candidate undefined at some of the points', () => {
    const shifted = names.map((_, j) => Float64Array.from(x[j]!, (v) => v - 1));
    expect(meanAbsCos(parse('log(a) + b'), parse('a + b'), shifted)).toBe(0);
  });
});

describe('check points', () => {
  it("lie at a classifier's boundary, where any function with that level set passes", () => {
    const experiment = findExperiment('classifier-e')!;
    const x = checkPoints(experiment, 1);
    expect(x[0]).toHaveLength(1000);
    const difference = parseExpression('x0*x1 - ((x2 - x3)^2 + (x4 - x5)^2)', experiment.variables);
    if (!difference.ok) throw new Error(difference.error.message);
    expect(meanAbsCos(difference.expr, experiment.truth, x)).toBeGreaterThan(RECOVERY_COS);
    // Away from the boundary the two level sets differ: on sampler points the difference fails.
    const spread = experiment.sample(new Rng(1), 1000);
    expect(meanAbsCos(difference.expr, experiment.truth, spread)).toBeLessThan(0.95);
  });

  it('are sampler points for a latent experiment', () => {
    const experiment = findExperiment('oscillator-harmonic')!;
    expect(checkPoints(experiment, 2)[0]).toHaveLength(1000);
  });
});
