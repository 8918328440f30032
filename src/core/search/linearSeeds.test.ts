import { describe, expect, it } from 'vitest';
import { parseExpression } from '../expr/parse.ts';
import { toInfix } from '../expr/print.ts';
import type { Expr } from '../expr/types.ts';
import { exactGradients, normalizeGradients } from '../eval/gradients.ts';
import { Rng } from '../rng.ts';
import { defaultSearchOptions } from './options.ts';
import { pricedSeeds } from './linearSeeds.ts';
import type { SearchData } from './fitness.ts';

/** Exact unit gradients of `formula` at 300 points uniform in the box, one range per input. */
function dataIn(formula: string, box: Record<string, [number, number]>): SearchData {
  const variables = Object.keys(box);
  const parsed = parseExpression(formula, variables);
  if (!parsed.ok) throw new Error(parsed.error.message);
  const rng = new Rng(17);
  const x = Object.values(box).map(([low, high]) =>
    Float64Array.from({ length: 300 }, () => rng.uniform(low, high)),
  );
  const unit = normalizeGradients(x, exactGradients(parsed.expr, x));
  return { variables, x: unit.x, target: { kind: 'gradient', t: unit.t } };
}

/** As `dataIn`, every input in [low, high]. */
const dataOf = (formula: string, variables: string[], low: number, high: number): SearchData =>
  dataIn(formula, Object.fromEntries(variables.map((name) => [name, [low, high]])));

const exactSeeds = (data: SearchData): Expr[] =>
  pricedSeeds(data, defaultSearchOptions)
    .filter((seed) => seed.loss < 1e-12)
    .map((seed) => seed.tree);

describe('seeds read off the gradients', () => {
  it('fit a sum of one-input terms of different kinds, such as an energy', () => {
    const data = dataOf('v^2/2 + x^2/2 + exp(x + 1)', ['x', 'v'], -2, 1);
    const found = exactSeeds(data).map((tree) => toInfix(tree, data.variables));
    expect(found.some((text) => /exp\(x\)/.test(text) && /square\(v\)/.test(text))).toBe(true);
  });

  it('fit a quadratic form in many inputs', () => {
    const data = dataOf('a*d - b*c + e*f', ['a', 'b', 'c', 'd', 'e', 'f'], -1, 1);
    expect(exactSeeds(data).length).toBeGreaterThan(0);
  });

  it('factor an indefinite quadratic form of rank 2 into its linear factors', () => {
    const data = dataOf('x0^2 + 3*x0*x1 + 2*x1^2', ['x0', 'x1'], -2, 0);
    const factored = pricedSeeds(data, defaultSearchOptions).filter(
      (seed) => seed.loss < 1e-12 && seed.tree.kind === 'binary' && seed.tree.op === '*',
    );
    expect(factored.length).toBeGreaterThan(0);
    expect(Math.min(...factored.map((seed) => seed.complexity))).toBeLessThanOrEqual(11);
  });

  it('fit a product of powers, such as an inverse-square law', () => {
    const data = dataOf('q1*q2/(eps*r^2)', ['q1', 'q2', 'eps', 'r'], 1, 5);
    const found = exactSeeds(data).map((tree) => toInfix(tree, data.variables));
    expect(found).toContainEqual(expect.stringMatching(/square\(r\)/));
  });

  it('fit a product of powers of sums and differences, such as a Doppler factor', () => {
    const data = dataIn('omega*(1 + v/c)/sqrt(1 - v^2/c^2)', { omega: [1, 5], v: [1, 2], c: [3, 10] });
    const found = exactSeeds(data).map((tree) => toInfix(tree, data.variables));
    expect(found).toContainEqual(expect.stringMatching(/\(c - v\)/));
  });

  it('fit a product with a factor 1 + x, such as a dielectric', () => {
    const data = dataIn('s/(e*(1 + chi))', { s: [1, 5], e: [1, 5], chi: [1, 5] });
    const found = exactSeeds(data).map((tree) => toInfix(tree, data.variables));
    expect(found).toContainEqual(expect.stringMatching(/1 \+ chi/));
  });

  it('fit a product with a power beyond 3, such as a dipole field', () => {
    const data = dataOf('p*z*sqrt(x^2 + y^2)/r^5', ['p', 'z', 'x', 'y', 'r'], 1, 3);
    const found = exactSeeds(data).map((tree) => toInfix(tree, data.variables));
    expect(found).toContainEqual(expect.stringMatching(/square\(x\) \+ square\(y\)/));
  });

  it('fit a product with a squared length in three dimensions, such as a field strength', () => {
    const data = dataOf('m*sqrt(bx^2 + by^2 + bz^2)', ['m', 'bx', 'by', 'bz'], 1, 3);
    const found = exactSeeds(data).map((tree) => toInfix(tree, data.variables));
    expect(found).toContainEqual(
      expect.stringMatching(/sqrt\(square\(bx\) \+ square\(by\) \+ square\(bz\)\)/),
    );
  });

  it('fit a sum with a length and its reciprocal, such as the energy of an orbit', () => {
    const orbit = dataOf('(v1^2 + v2^2)/2 - 1/sqrt(x1^2 + x2^2)', ['x1', 'x2', 'v1', 'v2'], 0.2, 1);
    const found = exactSeeds(orbit).map((tree) => toInfix(tree, orbit.variables));
    expect(found).toContainEqual(expect.stringMatching(/\/ sqrt\(square\(x1\) \+ square\(x2\)\)/));
    const cone = dataOf('z + sqrt(x^2 + y^2 + z^2)', ['x', 'y', 'z'], 0.2, 1);
    const inCone = exactSeeds(cone).map((tree) => toInfix(tree, cone.variables));
    expect(inCone).toContainEqual(expect.stringMatching(/sqrt\(square\(x\) \+ square\(y\) \+ square\(z\)\)/));
  });

  it('read off the gradients that two inputs enter only as their difference, and merge them', () => {
    const data = dataOf('q1*q2/((x1 - x2)^2 + (y1 - y2)^2)', ['q1', 'q2', 'x1', 'x2', 'y1', 'y2'], 0, 2);
    const found = exactSeeds(data).map((tree) => toInfix(tree, data.variables));
    expect(found).toContainEqual(expect.stringMatching(/square\(x1 - x2\) \+ square\(y1 - y2\)/));
  });

  it('offer nothing exact for a law outside their libraries, and are the same every time', () => {
    const data = dataOf('sin(a*b) + a/b', ['a', 'b'], 0.5, 2);
    expect(exactSeeds(data)).toEqual([]);
    expect(pricedSeeds(data, defaultSearchOptions)).toEqual(pricedSeeds(data, defaultSearchOptions));
  });

  it('are left out when the option is off', () => {
    const data = dataOf('a + b', ['a', 'b'], 0, 1);
    expect(pricedSeeds(data, { ...defaultSearchOptions, seedFromGradients: false })).toEqual([]);
  });
});
