import { describe, expect, it } from 'vitest';
import { Rng } from '../core/rng.ts';
import { firstAccepted } from './rejection.ts';
import { similar } from './matrices.ts';

describe('rejection sampling', () => {
  it('returns the first accepted draw', () => {
    let tries = 0;
    expect(firstAccepted(() => (++tries < 3 ? null : tries), 'a third try')).toBe(3);
  });

  it('ends a draw the condition keeps refusing with an error naming it, instead of hanging', () => {
    expect(() => firstAccepted(() => null, 'a unicorn', 50)).toThrow('could not draw a unicorn in 50 tries');
    // No matrix has a condition number below 1: the sampler says so instead of looping forever.
    const rng = new Rng(1);
    const identity = Float64Array.from([1, 0, 0, 1]);
    const draw = (r: Rng) => Float64Array.from({ length: 4 }, () => r.uniform(-1, 1));
    expect(() => similar(rng, identity, 2, draw, 0.5)).toThrow(
      'could not draw a change of basis with condition number at most 0.5 in 100,000 tries',
    );
  });
});
