import { describe, expect, it } from 'vitest';
import { exactGradients } from '../core/eval/gradients.ts';
import { parseExpression } from '../core/expr/parse.ts';
import { Rng } from '../core/rng.ts';
import { latentSpace, RANK_TOLERANCE } from './latentSpace.ts';

const variables = ['x1', 'x2', 'v1', 'v2'];
const rng = new Rng(3);
const x = variables.map(() => Float64Array.from({ length: 300 }, () => rng.uniform(0.1, 1)));
/** The gradients of neurons that compute these formulas. */
const neurons = (...formulas: string[]) =>
  formulas.map((text) => {
    const parsed = parseExpression(text, variables);
    if (!parsed.ok) throw new Error(parsed.error.message);
    return exactGradients(parsed.expr, x);
  });

const momentum = '(x1*v2 - x2*v1)';
const energy = '((v1^2 + v2^2)/2 - 1/sqrt(x1^2 + x2^2))';

describe('the rank report of a latent space', () => {
  it('counts two concepts however the neurons mix them', () => {
    for (const pair of [
      [momentum, energy],
      [`${momentum} + ${energy}`, `${momentum} - 2*${energy}`],
      [`exp(${momentum})`, `sin(${energy}) + ${momentum}`],
    ]) {
      const space = latentSpace(neurons(...pair));
      expect(space.size).toBe(2);
      expect(space.rank).toBe(2);
      expect(space.singularValues[0]).toBeCloseTo(1, 12);
      expect(space.singularValues[1]).toBeGreaterThan(RANK_TOLERANCE);
    }
  });

  it('counts one where both neurons are functions of one concept', () => {
    const space = latentSpace(neurons(momentum, `exp(${momentum}) - 3*${momentum}^2`));
    expect(space.rank).toBe(1);
    expect(space.singularValues[1]).toBeLessThan(1e-9);
  });

  it('counts three of four neurons where one repeats the others', () => {
    const space = latentSpace(neurons('x1', 'x2*v1', `x1 + x2*v1`, 'v2^2'));
    expect(space.size).toBe(4);
    expect(space.rank).toBe(3);
  });
});
