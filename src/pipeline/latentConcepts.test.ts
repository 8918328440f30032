// The latent space as a whole: on neurons that mix two concepts, the search on their span finds
// one concept, then the other, whatever the mixing.
import { describe, expect, it } from 'vitest';
import { exactGradients } from '../core/eval/gradients.ts';
import { gradientLoss } from '../core/eval/loss.ts';
import { Workspace } from '../core/eval/dual.ts';
import { parseExpression } from '../core/expr/parse.ts';
import type { Expr } from '../core/expr/types.ts';
import { Rng } from '../core/rng.ts';
import { defaultSearchOptions } from '../core/search/options.ts';
import { createLocalRunner } from '../core/search/runners.ts';
import { searchStage } from './searchStage.ts';
import type { SearchData } from '../core/search/fitness.ts';
import { beyondFound, spanSearchData } from './latentConcepts.ts';
import { meanAbsCos } from './verify.ts';

const variables = ['x1', 'x2', 'v1', 'v2'];
const parse = (text: string): Expr => {
  const parsed = parseExpression(text, variables);
  if (!parsed.ok) throw new Error(parsed.error.message);
  return parsed.expr;
};
const rng = new Rng(5);
const x = variables.map(() => Float64Array.from({ length: 300 }, () => rng.uniform(0.2, 1)));
const momentum = 'x1*v2 - x2*v1';
/** A second concept within the search's easy reach (a speed), so that the test is of the span, not of a hard law. */
const speed = 'v1^2 + v2^2';
/** Two neurons that each mix both concepts. */
const neurons = [`(${momentum}) + 2*(${speed})`, `exp(${momentum}) - (${speed})`].map((text) =>
  exactGradients(parse(text), x),
);
const data = spanSearchData(variables, x, neurons, 2, []);

const loss = (d: SearchData, text: string): number =>
  d.target.kind === 'gradient'
    ? gradientLoss(parse(text), { ...d.target, x: d.x }, new Workspace(300), true)
    : NaN;

async function search(d: SearchData): Promise<Expr> {
  const options = { ...defaultSearchOptions, seed: 3, timeLimitSeconds: 20 };
  const result = await searchStage(d, options, createLocalRunner(d, options));
  return result.best!.tree;
}

describe('the span of a latent space', () => {
  it('prices each concept, and any function of both, as lying in it; others not', () => {
    expect(loss(data, momentum)).toBeLessThan(1e-12);
    expect(loss(data, speed)).toBeLessThan(1e-12);
    expect(loss(data, `sin(${momentum}) * (${speed})`)).toBeLessThan(1e-12);
    expect(loss(data, 'x1 + v1')).toBeGreaterThan(1e-2);
  });

  it('refuses a candidate along a concept already found, not one independent of it', () => {
    const next = beyondFound(data, [parse(momentum)]);
    expect(loss(next, momentum)).toBe(Infinity);
    expect(loss(next, `(${momentum})^3 + 1`)).toBe(Infinity);
    expect(loss(next, speed)).toBeLessThan(1e-12);
  });

  it('finds one concept, then the other', async () => {
    const first = await search(data);
    const second = await search(beyondFound(data, [first]));
    const found = [first, second].map((tree) =>
      [momentum, speed].findIndex((concept) => meanAbsCos(tree, parse(concept), x) > 0.999),
    );
    expect(found.sort()).toEqual([0, 1]);
  }, 120_000);
});
