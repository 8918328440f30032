import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluateScalar } from '../core/expr/evaluate.ts';
import { nodeCount } from '../core/expr/types.ts';
import { Rng } from '../core/rng.ts';
import { experimentIds, experiments, findExperiment } from './catalogue.ts';
import { DESIGN_IDS, directTruth, flatten, median, relDiff } from './testSupport.ts';
import { parseTruth, rowCount, rowOf } from './types.ts';
import { orbitEnergy } from './centralPotential.ts';
import { fieldEnergyInvariant } from './relativity.ts';
import type { Columns } from './types.ts';

const identifier = /^[A-Za-z_][A-Za-z0-9_]*$/;

describe('the catalogue', () => {
  it('holds exactly the fixed ids, in order, found by id', () => {
    expect(experimentIds).toEqual(DESIGN_IDS);
    for (const e of experiments) expect(findExperiment(e.id)).toBe(e);
    expect(findExperiment('no-such-experiment')).toBeUndefined();
  });

  it('each entry is complete for its kind', () => {
    for (const e of experiments) {
      expect(e.title.length).toBeGreaterThan(0);
      expect(e.teaching.length).toBeGreaterThan(80);
      expect(new Set(e.variables).size).toBe(e.variables.length);
      for (const v of e.variables) expect(v).toMatch(identifier);
      expect(e.triplets !== undefined).toBe(e.kind === 'latent');
      expect(e.labels !== undefined).toBe(e.kind === 'classifier');
      expect(e.threshold !== undefined).toBe(e.kind === 'classifier');
      // The simplest known form parses and is no larger than the written truth.
      expect(nodeCount(parseTruth(e.simplestForm, e.variables))).toBeLessThanOrEqual(nodeCount(e.truth));
    }
  });
});

/** The ground truth, parsed and by hand, on every row; returns the parsed values. */
function truthValues(id: string, cols: Columns): number[] {
  const e = findExperiment(id)!;
  const direct = directTruth[id]!;
  const values: number[] = [];
  for (let i = 0; i < rowCount(cols); i++) {
    const x = rowOf(cols, i);
    const parsed = evaluateScalar(e.truth, x);
    expect(relDiff(direct(x), parsed)).toBeLessThan(1e-12);
    values.push(parsed);
  }
  return values;
}

describe.each(experiments.map((e) => [e.id, e] as const))('%s', (_id, e) => {
  it('samples finite points whose truth matches a direct formula', () => {
    const cols = e.sample(new Rng(51), 200);
    expect(cols).toHaveLength(e.variables.length);
    for (const c of cols) expect(c).toHaveLength(200);
    expect(flatten(cols).every(Number.isFinite)).toBe(true);
    expect(truthValues(e.id, cols).every(Number.isFinite)).toBe(true);
  });

  it('is deterministic in its seed', () => {
    expect(flatten(e.sample(new Rng(52), 50))).toEqual(flatten(e.sample(new Rng(52), 50)));
    expect(flatten(e.sample(new Rng(52), 50))).not.toEqual(flatten(e.sample(new Rng(53), 50)));
    if (e.triplets) {
      const t = (seed: number) => {
        const { anchor, positive, negative } = e.triplets!(new Rng(seed), 30);
        return [...flatten(anchor), ...flatten(positive), ...flatten(negative)];
      };
      expect(t(54)).toEqual(t(54));
      expect(t(54)).not.toEqual(t(55));
    }
    if (e.labels) {
      const points = e.sample(new Rng(56), 2000);
      const l = (seed: number) => Array.from(e.labels!(new Rng(seed), points));
      expect(l(57)).toEqual(l(57));
    }
  });

  if (e.kind === 'latent') {
    it('positives share the concept with their anchor, negatives do not', () => {
      const n = 200;
      const { anchor, positive, negative } = e.triplets!(new Rng(58), n);
      for (const cols of [anchor, positive, negative]) {
        expect(cols).toHaveLength(e.variables.length);
        expect(flatten(cols).every(Number.isFinite)).toBe(true);
      }
      const ga = truthValues(e.id, anchor);
      const gp = truthValues(e.id, positive);
      const gn = truthValues(e.id, negative);
      const worst = Math.max(...ga.map((a, i) => relDiff(a, gp[i]!)));
      expect(worst).toBeLessThan(1e-6);
      expect(median(ga.map((a, i) => relDiff(a, gn[i]!)))).toBeGreaterThan(1e-3);
      // Every other quantity the system is known to keep is kept too.
      for (const other of e.otherInvariants ?? []) {
        const values = (cols: typeof anchor) =>
          Array.from({ length: n }, (_, i) => evaluateScalar(other.truth, rowOf(cols, i)));
        const kept = values(positive);
        expect(Math.max(...values(anchor).map((a, i) => relDiff(a, kept[i]!)))).toBeLessThan(1e-6);
      }
      // A positive is not the anchor itself.
      const same = ga.filter((_, i) => rowOf(anchor, i).every((x, j) => x === positive[j]![i])).length;
      expect(same).toBe(0);
    });
  }
});

describe("law: a positive shares its anchor's invariant, whatever the seed", () => {
  for (const e of experiments.filter((x) => x.kind === 'latent')) {
    it(e.id, () => {
      const g = directTruth[e.id]!;
      fc.assert(
        fc.property(fc.integer(), (seed) => {
          const { anchor, positive } = e.triplets!(new Rng(seed), 3);
          for (let i = 0; i < 3; i++) {
            if (!(relDiff(g(rowOf(anchor, i)), g(rowOf(positive, i))) < 1e-6)) return false;
          }
          return true;
        }),
        { numRuns: 30, seed: 1 },
      );
    });
  }
});

describe('negatives', () => {
  const cases = [
    ['central-potential', (r: Float64Array) => orbitEnergy(Array.from(r))],
    ['field-strength', fieldEnergyInvariant],
  ] as const;
  it.each(cases)('%s: fresh by default, sharing neither invariant with their anchor', (id, other) => {
    const e = findExperiment(id)!;
    const t = e.triplets!(new Rng(4), 200);
    let sameOther = 0;
    for (let i = 0; i < 200; i++) {
      const [a, n] = [rowOf(t.anchor, i), rowOf(t.negative, i)];
      if (Math.abs(other(n) - other(a)) < 1e-6 * (1 + Math.abs(other(a)))) sameOther++;
    }
    expect(sameOther).toBeLessThan(5);
  });

  it.each(cases)(
    "%s: as an option, a negative has its anchor's other invariant, not its concept",
    (id, other) => {
      const e = findExperiment(id)!;
      const t = e.triplets!(new Rng(4), 200, 'same-other-invariant');
      let sameConcept = 0;
      for (let i = 0; i < 200; i++) {
        const [a, n] = [rowOf(t.anchor, i), rowOf(t.negative, i)];
        expect(other(n)).toBeCloseTo(other(a), 9);
        if (Math.abs(evaluateScalar(e.truth, n) - evaluateScalar(e.truth, a)) < 1e-3) sameConcept++;
      }
      expect(sameConcept).toBeLessThan(5);
    },
  );
});
