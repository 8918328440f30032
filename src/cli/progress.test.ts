import { describe, expect, it } from 'vitest';
import { progressLine } from './progress.ts';

describe('the search progress line', () => {
  it('says how long the pick has held since it last changed', () => {
    const line = progressLine({
      round: 12,
      elapsedSeconds: 2,
      evaluations: 4000,
      front: [],
      best: undefined,
      pickChanges: [1, 5],
    });
    expect(line).toContain('round 12');
    expect(line).toContain('pick unchanged for 7 rounds');
    expect(line).toContain('2,000 evals/s');
  });
});
