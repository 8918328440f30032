import { describe, expect, it } from 'vitest';
import { Rng } from '../core/rng.ts';
import { experiments } from './catalogue.ts';
import type { ClassifierExperiment } from './classifiers.ts';
import { directTruth } from './testSupport.ts';
import { rowOf } from './types.ts';
import { evaluateScalar } from '../core/expr/evaluate.ts';

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

      // Every rule that labels the data: the truth's and, in a confusion case, the other's.
      const rules = [
        { g, c },
        ...(e.otherInvariants ?? []).map((o) => ({
          g: (x: Float64Array) => evaluateScalar(o.truth, x),
          c: o.threshold!,
        })),
      ];
      const near = (rule: (typeof rules)[number], x: Float64Array) =>
        Math.abs(rule.g(x) - rule.c) <= 0.05 * Math.abs(rule.c);

      it('labels agree with g > c away from every boundary, and noise flips some near each', () => {
        let ones = 0;
        let wrong = 0;
        const flips = rules.map(() => 0);
        for (let i = 0; i < n; i++) {
          const x = rowOf(points, i);
          const clean = g(x) > c ? 1 : 0;
          ones += labels[i]!;
          if (labels[i] === clean) continue;
          const at = rules.findIndex((rule) => near(rule, x));
          if (at < 0) wrong++;
          else flips[at]!++;
        }
        expect(wrong).toBe(0);
        expect(ones).toBeGreaterThan(n * 0.02);
        expect(ones).toBeLessThan(n * 0.98);
        for (const count of flips) expect(count).toBeGreaterThan(0);
      });
    });
  }

  it("a confusion case's noise favours neither rule: flips near each rule's boundary alone are alike", () => {
    for (const e of all.filter((x) => x.otherInvariants)) {
      const points = e.sample(new Rng(43), 40000);
      const labels = e.labels!(new Rng(44), points);
      const other = e.otherInvariants![0]!;
      const rules = [
        { truth: e.truth, c: e.threshold },
        { truth: other.truth, c: other.threshold! },
      ];
      // Flips against each rule's own clean label, at points near that rule's boundary only.
      const flips = rules.map((rule, k) => {
        const otherRule = rules[1 - k]!;
        let count = 0;
        let nearby = 0;
        for (let i = 0; i < labels.length; i++) {
          const x = rowOf(points, i);
          const value = evaluateScalar(rule.truth, x);
          const away =
            Math.abs(evaluateScalar(otherRule.truth, x) - otherRule.c) > 0.05 * Math.abs(otherRule.c);
          if (!(Math.abs(value - rule.c) <= 0.01 * Math.abs(rule.c) && away)) continue;
          nearby++;
          if (labels[i] !== (value > rule.c ? 1 : 0)) count++;
        }
        return count / nearby;
      });
      expect(flips[0]).toBeGreaterThan(0.05);
      expect(flips[1]).toBeGreaterThan(0.05);
      expect(flips[0]! / flips[1]!).toBeGreaterThan(0.5);
      expect(flips[0]! / flips[1]!).toBeLessThan(2);
    }
  });
});
