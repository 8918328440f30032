import { describe, expect, it } from 'vitest';
import { Rng } from '../rng.ts';
import { significantlyWorse } from './significance.ts';

const scatter = (rng: Rng, n: number, shift: number): Float64Array =>
  Float64Array.from({ length: n }, () => 1 + shift + 0.5 * rng.normal());

describe('significantlyWorse', () => {
  const rng = new Rng(5);
  const reference = scatter(rng, 400, 0);

  it('sees a small excess that every point shares', () => {
    const worse = reference.map((loss) => loss + 0.01);
    expect(significantlyWorse(worse, reference, 2)).toBe(true);
  });

  it('takes scatter with no excess for chance', () => {
    const other = reference.map((loss) => loss + 0.3 * rng.normal());
    expect(significantlyWorse(other, reference, 2)).toBe(false);
  });

  it('never counts a better candidate, or the reference itself, as worse', () => {
    expect(
      significantlyWorse(
        reference.map((loss) => loss - 0.01),
        reference,
        2,
      ),
    ).toBe(false);
    expect(significantlyWorse(reference, reference, 2)).toBe(false);
  });

  it('asks for more evidence as the number of standard errors grows', () => {
    const slightly = reference.map((loss) => loss + 0.05 + 0.3 * rng.normal());
    expect(significantlyWorse(slightly, reference, 0.5)).toBe(true);
    expect(significantlyWorse(slightly, reference, 100)).toBe(false);
  });
});
