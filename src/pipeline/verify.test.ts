import { describe, expect, it } from 'vitest';
import { Rng } from '../core/rng.ts';
import { parseExpression } from '../core/expr/parse.ts';
import { compileValue } from '../core/eval/compile.ts';
import { exactGradients } from '../core/eval/gradients.ts';
import type { Expr } from '../core/expr/types.ts';
import {
  APPROXIMATE_COS,
  EXACT_COS,
  checkAgainstEach,
  checkEquation,
  gradientsFollow,
  independentKnownConcepts,
  knownInSpan,
  meanAbsCos,
  verdictOf,
  verifyStage,
} from './verify.ts';
import { checkPoints } from './checkPoints.ts';
import { spanBasis } from './latentConcepts.ts';
import { experiments, findExperiment } from '../experiments/index.ts';
import { parseTruth, type Experiment } from '../experiments/types.ts';

const names = ['a', 'b'];
const parse = (text: string, variables: readonly string[] = names): Expr => {
  const r = parseExpression(text, variables);
  if (!r.ok) throw new Error(r.error.message);
  return r.expr;
};
const rng = new Rng(8);
const x = names.map(() => Float64Array.from({ length: 500 }, () => rng.uniform(0.1, 2)));

/** A latent concept on U[0,1]^2, for checks that need one the catalogue does not have. */
function unitSquareConcept(truthText: string): Experiment {
  return {
    id: 'test',
    kind: 'latent',
    title: 'test',
    teaching: '',
    variables: names,
    truthText,
    truth: parseTruth(truthText, names),
    simplestForm: truthText,
    sample: (r, n) => names.map(() => Float64Array.from({ length: n }, () => r.uniform(0, 1))),
  };
}

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
    expect(other).toBeLessThan(APPROXIMATE_COS);
    expect(other).toBeGreaterThan(0.5);
    expect(meanAbsCos(parse('2'), truth, x)).toBe(0);
  });

  it('counts a candidate undefined at a point as disagreeing there', () => {
    const shifted = names.map((_, j) => Float64Array.from(x[j]!, (v) => v - 1));
    expect(meanAbsCos(parse('log(a) + b'), parse('a + b'), shifted)).toBeLessThan(0.7);
  });
});

describe('tiers and verdicts', () => {
  const experiment = unitSquareConcept('exp(a) + b');
  const points = checkPoints(experiment, 1);
  const check = (text: string) => checkEquation(parse(text), experiment, points);

  it('calls the law and its monotone maps exact, in their simplest form', () => {
    for (const text of ['exp(a) + b', '2 - exp(a) - b', 'a + log(exp(a) + b) - a']) {
      expect(check(text).tier).toBe('exact');
    }
    expect(check('exp(a) + b')).toMatchObject({ simplestForm: true, verdict: 'recovers' });
  });

  it('calls a polynomial fitted to the box a look-alike: close inside it, not beyond', () => {
    const taylor = check('1 + a + a^2/2 + a^3/6 + b');
    expect(taylor.meanAbsCos).toBeGreaterThanOrEqual(APPROXIMATE_COS);
    expect(taylor).toMatchObject({ tier: 'approximate', simplestForm: false, verdict: 'look-alike' });
  });

  it('does not call a 10 % wrong coefficient exact', () => {
    expect(check('exp(a) + 1.1*b').tier).not.toBe('exact');
  });

  it('does not call a non-monotone function of the truth exact, though every |cos| is 1', () => {
    const folded = check('(exp(a) + b - 2.5)^2');
    expect(folded.meanAbsCos).toBeCloseTo(1, 9);
    expect(folded.tier).toBe('approximate');
    expect(folded.verdict).toBe('look-alike');
  });

  it('reads the verdict from the tier, the simplest-form mark and the refit', () => {
    expect(verdictOf('exact', false, false)).toBe('recovers');
    expect(verdictOf('approximate', true, true)).toBe('recovers');
    expect(verdictOf('approximate', true, false)).toBe('look-alike');
    expect(verdictOf('approximate', false, true)).toBe('look-alike');
    expect(verdictOf('wrong', true, true)).toBe('wrong');
  });

  it('recovers the law with fitted constants: a coefficient off, refitted to the truth, is exact', () => {
    const off = check('exp(a) + 1.05*b');
    expect(off).toMatchObject({ tier: 'approximate', simplestForm: true, verdict: 'recovers' });
    expect(off.refitCos).toBeGreaterThanOrEqual(EXACT_COS);
  });

  it('calls a look-alike in the simplest form that no constants make the law a look-alike', () => {
    // Seen on the page: classifier-a1's boundary x0^2 + 2 x1^2 = 2, fitted by a cosine.
    const e = findExperiment('classifier-a1')!;
    for (const seed of [1, 2, 3]) {
      const c = checkEquation(parseTruth('square(x0) - 4.25*cos(x1)', e.variables), e, checkPoints(e, seed));
      expect(c).toMatchObject({ tier: 'approximate', simplestForm: true, verdict: 'look-alike' });
      expect(c.refitCos).toBeLessThan(EXACT_COS);
    }
  });

  it('calls a look-alike whose refit comes close to the law, yet not within rounding, a look-alike', () => {
    // Seen in the pipeline: a cosine's Taylor terms standing in for v^2/2 + x^2/2 + x^4/4.
    const e = findExperiment('oscillator-poly')!;
    const c = checkEquation(
      parseTruth('1.667*cos(x) + 0.159*square(v) + square(x)', e.variables),
      e,
      checkPoints(e, 1),
    );
    expect(c).toMatchObject({ tier: 'approximate', simplestForm: true, verdict: 'look-alike' });
    expect(c.refitCos).toBeGreaterThan(EXACT_COS);
  });

  it('refits only an approximate pick in its simplest form', () => {
    expect(check('exp(a) + b').refitCos).toBeUndefined();
    expect(check('1 + a + a^2/2 + a^3/6 + b').refitCos).toBeUndefined();
  });

  it("finds every experiment's simplest known form exact against its truth", () => {
    for (const e of experiments) {
      const result = checkEquation(parseTruth(e.simplestForm, e.variables), e, checkPoints(e, 3));
      expect({ id: e.id, tier: result.tier, simplestForm: result.simplestForm }).toEqual({
        id: e.id,
        tier: 'exact',
        simplestForm: true,
      });
    }
  });
});

describe('check points', () => {
  it("lie at a classifier's boundary, where any function with that level set passes", () => {
    const experiment = findExperiment('classifier-e')!;
    const points = checkPoints(experiment, 1);
    expect(points.inRange[0]).toHaveLength(1000);
    expect(points.beyond).toBeNull();
    const difference = parse('x0*x1 - ((x2 - x3)^2 + (x4 - x5)^2)', experiment.variables);
    expect(checkEquation(difference, experiment, points).tier).toBe('exact');
    // Away from the boundary the two level sets differ: on sampler points the difference fails.
    const spread = experiment.sample(new Rng(1), 1000);
    expect(meanAbsCos(difference, experiment.truth, spread)).toBeLessThan(0.95);
  });

  it('are sampler points and points beyond their range for a latent experiment', () => {
    const experiment = findExperiment('oscillator-harmonic')!;
    const points = checkPoints(experiment, 2);
    expect(points.inRange[0]).toHaveLength(1000);
    const widest = (columns: readonly Float64Array[]) => Math.max(...columns[0]!.map(Math.abs));
    expect(widest(points.beyond!)).toBeGreaterThan(widest(points.inRange) * 1.2);
  });

  it("compare along the data's flat subspace: on skew matrices the sum of squares is the concept", () => {
    const experiment = findExperiment('matrix-3x3-skew-minors')!;
    const points = checkPoints(experiment, 2);
    expect(points.normals).toHaveLength(6);
    const squares = parse('a12^2 + a13^2 + a23^2', experiment.variables);
    expect(checkEquation(squares, experiment, points).tier).toBe('exact');
  });

  /** A latent concept with each input uniform in its own range. */
  function boxConcept(truthText: string, variables: string[], ranges: [number, number][]): Experiment {
    return {
      ...unitSquareConcept('a'),
      truthText,
      simplestForm: truthText,
      variables,
      truth: parseTruth(truthText, variables),
      sample: (r, n) =>
        ranges.map(([low, high]) => Float64Array.from({ length: n }, () => r.uniform(low, high))),
    };
  }

  it('keep an input sampled positive positive beyond the range, where equal laws stay equal', () => {
    // Spread linearly about its centre, c in [3, 20] would reach c < 0, where the two part.
    const experiment = boxConcept(
      '(x - u*t)/sqrt(1 - u^2/c^2)',
      ['x', 'u', 'c', 't'],
      [
        [5, 10],
        [1, 2],
        [3, 20],
        [1, 2],
      ],
    );
    const points = checkPoints(experiment, 1);
    expect(Math.min(...points.beyond![2]!)).toBeGreaterThan(0);
    expect(Math.max(...points.beyond![2]!)).toBeGreaterThan(20);
    expect(Math.min(...points.beyond![2]!)).toBeLessThan(3);
    const rewritten = parse('c * (x - u*t) / sqrt(c^2 - u^2)', experiment.variables);
    expect(checkEquation(rewritten, experiment, points).tier).toBe('exact');
  });

  it("leave out points where the truth's gradient is beyond what a double holds", () => {
    // Far beyond the range exp(u) overflows where exp(-u) is still a (tiny) number.
    const experiment = boxConcept(
      'n*exp(-u^2)',
      ['n', 'u'],
      [
        [1, 3],
        [1, 20],
      ],
    );
    const points = checkPoints(experiment, 1);
    const rewritten = parse('n / exp(u^2)', experiment.variables);
    expect(checkEquation(rewritten, experiment, points).tier).toBe('exact');
    expect(checkEquation(parse('n + u', experiment.variables), experiment, points).tier).toBe('wrong');
  });
});

describe('systems that keep several quantities', () => {
  const central = findExperiment('central-potential')!;
  const points = checkPoints(central, 3);
  const check = (text: string) => checkEquation(parse(text, central.variables), central, points);

  it('names the other quantity a pick recovers, checked against it', () => {
    expect(check('x1*v2 - x2*v1')).toMatchObject({ verdict: 'recovers', tier: 'exact' });
    expect(check('x1*v2 - x2*v1').invariant).toBeUndefined();
    expect(check('v1^2 + v2^2 - 2/sqrt(x1^2 + x2^2)')).toMatchObject({
      verdict: 'recovers',
      tier: 'exact',
      invariant: 'energy',
    });
    expect(check('x1 + v2')).toMatchObject({ verdict: 'wrong' });
    expect(check('x1 + v2').invariant).toBeUndefined();
    // The orbit's axis: the Runge-Lenz vector's components, in their simplest known forms.
    for (const other of central.otherInvariants!) {
      expect(check(other.simplestForm)).toMatchObject({
        verdict: 'recovers',
        tier: 'exact',
        simplestForm: true,
        invariant: other.name,
      });
    }
  });

  it('marks a function of both quantities together, and of neither alone, a mixture', () => {
    const mixture = check('x1*v2 - x2*v1 + v1^2 + v2^2 - 2/sqrt(x1^2 + x2^2)');
    expect(mixture).toMatchObject({ verdict: 'wrong', tier: 'wrong' });
    expect(mixture.invariant).toBeUndefined();
    expect(mixture.mixture).toBeCloseTo(1, 9);
    // Not a function of the two: its gradient leaves their span.
    expect(check('x1 + v2').mixture).toBeUndefined();
    // Close to one of them: a look-alike of it, not a mixture.
    expect(check('x1*v2 - x2*v1 + 0.0001*(v1^2 + v2^2 - 2/sqrt(x1^2 + x2^2))').mixture).toBeUndefined();
  });

  it("says how closely a neuron's gradients follow each quantity and all together", () => {
    const x = points.inRange;
    const gradientsOf = (text: string, variables = central.variables) =>
      exactGradients(parse(text, variables), x);
    const energy = gradientsFollow(gradientsOf('v1^2 + v2^2 - 2/sqrt(x1^2 + x2^2)'), x, central, []);
    expect(energy!.concepts.map((c) => c.name)).toEqual([
      'angular momentum',
      'energy',
      'Runge-Lenz A1',
      'Runge-Lenz A2',
    ]);
    expect(energy!.concepts[1]!.quality).toBeCloseTo(1, 9);
    expect(energy!.concepts[0]!.quality).toBeLessThan(0.9);
    expect(energy!.span).toBeCloseTo(1, 9);
    // A function of several: no one alone, all of their span.
    const several = gradientsFollow(
      gradientsOf('(x1*v2 - x2*v1) * (v1^2 + v2^2 - 2/sqrt(x1^2 + x2^2))'),
      x,
      central,
      [],
    );
    expect(Math.max(...several!.concepts.map((c) => c.quality))).toBeLessThan(0.99);
    expect(several!.span).toBeCloseTo(1, 9);
    // Neither field invariant: its gradients leave their span.
    const field = findExperiment('field-strength')!;
    const fieldPoints = checkPoints(field, 3).inRange;
    const ex = exactGradients(parse('Ex', field.variables), fieldPoints);
    expect(gradientsFollow(ex, fieldPoints, field, [])!.span).toBeLessThan(0.9);
    // One known concept: its gradient quality says it all.
    expect(gradientsFollow(gradientsOf('x1'), x, findExperiment('matrix-2x2-trace')!, [])).toBeUndefined();
  });

  it("says how much of each known quantity a latent space's span holds", () => {
    const field = findExperiment('field-strength')!;
    const x = checkPoints(field, 3).inRange;
    // Two neurons, each a function of the invariants (mixed as a network may mix them).
    const neurons = [
      'Ex*Bx + Ey*By + Ez*Bz + Ex^2 + Ey^2 + Ez^2 - Bx^2 - By^2 - Bz^2',
      'exp(Ex*Bx + Ey*By + Ez*Bz)',
    ];
    const both = knownInSpan(
      spanBasis(
        neurons.map((text) => exactGradients(parse(text, field.variables), x)),
        2,
      ),
      x,
      field,
      [],
    );
    expect(both.map((k) => k.name)).toEqual(['E.B', 'E^2 - B^2']);
    for (const k of both) expect(k.share).toBeCloseTo(1, 9);
    // A span of E.B alone holds nothing of E^2 - B^2, whose gradient is orthogonal to it.
    const one = knownInSpan(
      spanBasis([exactGradients(parse(neurons[1]!, field.variables), x)], 1),
      x,
      field,
      [],
    );
    expect(one[0]!.share).toBeCloseTo(1, 9);
    expect(one[1]!.share).toBeLessThan(1e-9);
    // A look-alike's span, |E| - |B|, holds E^2 - B^2 only in part.
    const lookAlike = knownInSpan(
      spanBasis(
        [exactGradients(parse('sqrt(Ex^2 + Ey^2 + Ez^2) - sqrt(Bx^2 + By^2 + Bz^2)', field.variables), x)],
        1,
      ),
      x,
      field,
      [],
    );
    expect(lookAlike[1]!.share).toBeGreaterThan(0.5);
    expect(lookAlike[1]!.share).toBeLessThan(0.999);
  });

  it('counts the independent known quantities: an orbit keeps three, a field two, a lone law one', () => {
    expect(independentKnownConcepts(central)).toBe(3);
    expect(independentKnownConcepts(findExperiment('field-strength')!)).toBe(2);
    expect(independentKnownConcepts(findExperiment('matrix-2x2-similarity')!)).toBe(2);
    expect(independentKnownConcepts(findExperiment('classifier-f')!)).toBe(2);
    expect(independentKnownConcepts(findExperiment('oscillator-harmonic')!)).toBe(1);
  });

  it('says which known quantities the front holds', () => {
    const tree = (text: string) => parse(text, central.variables);
    const result = verifyStage(
      {
        front: [
          { tree: tree('x1 + v2'), complexity: 3 },
          { tree: tree('v1^2 + v2^2 - 2/sqrt(x1^2 + x2^2)'), complexity: 14 },
        ],
        best: { tree: tree('v1^2 + v2^2 - 2/sqrt(x1^2 + x2^2)') },
      },
      central,
      3,
      points,
    );
    expect(result.invariant).toBe('energy');
    expect(result.invariants).toEqual([
      { name: 'angular momentum', truth: 'x1 * v2 - x2 * v1', found: false },
      { name: 'energy', truth: expect.any(String), found: true },
      { name: 'Runge-Lenz A1', truth: expect.any(String), found: false },
      { name: 'Runge-Lenz A2', truth: expect.any(String), found: false },
    ]);
  });
});

describe("the classifier paper's confusion cases: two rules that label the data alike", () => {
  const caseF = findExperiment('classifier-f')!;
  const pointsF = checkPoints(caseF, 4);
  const checkF = (text: string) => checkEquation(parse(text, caseF.variables), caseF, pointsF);

  it('checks each rule on its own boundary and names the one an equation follows', () => {
    expect(pointsF.others).toHaveLength(1);
    const onOther = pointsF.others![0]!.inRange;
    for (let i = 0; i < 50; i++) expect(onOther[2]![i]! * onOther[3]![i]!).toBeCloseTo(1, 9);
    expect(checkF('x0*x1')).toMatchObject({ verdict: 'recovers', tier: 'exact' });
    expect(checkF('x0*x1').invariant).toBeUndefined();
    expect(checkF('log(x2) + log(x3)')).toMatchObject({
      verdict: 'recovers',
      tier: 'exact',
      invariant: 'the rule x2 x3 > 1',
    });
  });

  it('checks an equation against each rule on its own boundary', () => {
    const against = checkAgainstEach(parse('x2*x3', caseF.variables), caseF, pointsF);
    expect(against.map(({ name, verdict }) => [name, verdict])).toEqual([
      ['the rule x0 x1 > 1', 'wrong'],
      ['the rule x2 x3 > 1', 'recovers'],
    ]);
  });

  it('calls a mixture of both rules neither, though it labels every kept point alike', () => {
    const mixture = checkF('x0*x1*x2*x3');
    expect(mixture.verdict).toBe('wrong');
    expect(mixture.invariant).toBeUndefined();
    expect(mixture.mixture).toBeCloseTo(1, 9);
  });

  it('keeps only points on which both rules agree', () => {
    for (const e of [caseF, findExperiment('classifier-g')!]) {
      const x = e.sample(new Rng(6), 2000);
      const other = e.otherInvariants![0]!;
      const values = (truth: Expr) => {
        const out = new Float64Array(2000);
        compileValue(truth)(x, out, 2000);
        return out;
      };
      const [g, h] = [values(e.truth), values(other.truth)];
      const disagree = g.filter((v, i) => v > e.threshold! !== h[i]! > other.threshold!);
      expect(disagree).toHaveLength(0);
    }
  });

  it("names the shortcut of case G when a network's boundary rests on it", () => {
    const caseG = findExperiment('classifier-g')!;
    const points = checkPoints(caseG, 4);
    const check = (text: string) => checkEquation(parse(text, caseG.variables), caseG, points);
    expect(check('x2')).toMatchObject({ verdict: 'recovers', invariant: 'the shortcut x2 > 0.5' });
    expect(check('x0^2 + x1^2')).toMatchObject({ verdict: 'recovers', tier: 'exact' });
    expect(check('x0^2 + x1^2 + x2')).toMatchObject({ verdict: 'wrong', mixture: expect.closeTo(1, 9) });
    expect(check('x0^2 + x2^2').mixture).toBeUndefined();
  });
});
