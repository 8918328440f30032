import { describe, expect, it } from 'vitest';
import { Rng } from '../core/rng.ts';
import { experiments } from './catalogue.ts';
import type { ClassifierExperiment } from './classifiers.ts';
import { directTruth } from './testSupport.ts';
import { rowOf } from './types.ts';

const all = experiments.filter((e): e is ClassifierExperiment => e.kind === 'classifier');

describe('classifier experiments', () => {
  for (const e of all) {
    describe(e.id, () => {
      const n = 20000;
      const points = e.sample(new Rng(41), n);
      const labels = e.labels!(new Rng(42), points);
      const g = directTruth[e.id]!;
      const c = e.threshold;

      it('samples inside its box', () => {
        expect(points).toHaveLength(e.variables.length);
        e.ranges.forEach(([lo, hi], j) => {
          const outside = points[j]!.filter((x) => !(x >= lo && x < hi));
          expect(outside).toHaveLength(0);
        });
      });

      it('labels agree with g > c away from the boundary, and noise flips some near it', () => {
        let ones = 0;
        let flips = 0;
        let wrong = 0;
        for (let i = 0; i < n; i++) {
          const value = g(rowOf(points, i));
          const clean = value > c ? 1 : 0;
          ones += labels[i]!;
          if (Math.abs(value - c) > 0.05 * Math.abs(c)) {
            if (labels[i] !== clean) wrong++;
          } else if (labels[i] !== clean) flips++;
        }
        expect(wrong).toBe(0);
        expect(ones).toBeGreaterThan(n * 0.02);
        expect(ones).toBeLessThan(n * 0.98);
        expect(flips).toBeGreaterThan(0);
      });
    });
  }
});
