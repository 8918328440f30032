import { describe, expect, it } from 'vitest';
import { findExperiment } from '../experiments/index.ts';
import { experimentOf } from './experimentOf.ts';
import { experimentData } from './dataStage.ts';
import { checkByName, dataBuffers, drawCheckPoints, drawData, verifyByName } from './drawData.ts';
import { checkPoints } from './checkPoints.ts';
import { checkEquation, verifyStage } from './verify.ts';
import { parseExpression } from '../core/expr/parse.ts';

const train = { examples: 200, validationFraction: 0.2 };

describe('drawing a run’s examples from its settings alone', () => {
  it('draws the numbers the run’s own data stage draws: a catalogue experiment, a typed concept', () => {
    const central = findExperiment('central-potential')!;
    expect(
      drawData({ experiment: { experiment: central.id }, negatives: 'same-other-invariant', train, seed: 4 }),
    ).toEqual(experimentData(central, { ...train, negatives: 'same-other-invariant' }, 4));

    const typed = { experiment: 'matrix-2x2-trace', concept: 'x*y + y', box: 'x:0:1,y:0:1', threshold: 0.5 };
    const read = experimentOf(typed);
    if (!read.ok) throw new Error(read.error.message);
    expect(drawData({ experiment: typed, negatives: 'fresh', train, seed: 9 })).toEqual(
      experimentData(read.experiment, { ...train, negatives: 'fresh' }, 9),
    );
  });

  it('draws the check points the run itself would check on, a classifier’s on its boundaries', () => {
    for (const id of ['oscillator-harmonic', 'classifier-f']) {
      const experiment = findExperiment(id)!;
      const drawn = drawCheckPoints({ experiment: { experiment: id }, seed: 3 });
      expect(drawn).toEqual(checkPoints(experiment, 3));
      expect(drawn.inRange[0]!.length).toBeGreaterThan(0);
      expect(drawCheckPoints({ experiment: { experiment: id }, seed: 3 })).toBe(drawn);
      expect(drawCheckPoints({ experiment: { experiment: id }, seed: 4 })).toEqual(
        checkPoints(experiment, 4),
      );
    }
  });

  it('checks an equation as the verify stage does, on the same points', () => {
    const experiment = findExperiment('oscillator-harmonic')!;
    for (const text of ['x^2 + v^2', '1.1*x^2 + v^2', 'x + v']) {
      const read = parseExpression(text, experiment.variables);
      if (!read.ok) throw new Error(read.error.message);
      const check = checkByName({ experiment: { experiment: experiment.id }, seed: 5, tree: read.expr });
      expect(check).toEqual(checkEquation(read.expr, experiment, checkPoints(experiment, 5)));
    }
    const law = parseExpression('x^2 + v^2', experiment.variables);
    if (!law.ok) throw new Error(law.error.message);
    expect(checkByName({ experiment: { experiment: experiment.id }, seed: 5, tree: law.expr }).verdict).toBe(
      'recovers',
    );
  });

  it('verifies a front and its pick as the verify stage does, on the same points', () => {
    const experiment = findExperiment('oscillator-harmonic')!;
    const front = ['x', 'x^2 + v^2', 'x^2 + 1.2*v^2'].map((text, i) => {
      const read = parseExpression(text, experiment.variables);
      if (!read.ok) throw new Error(read.error.message);
      return { tree: read.expr, complexity: i + 1 };
    });
    const verified = verifyByName({
      experiment: { experiment: experiment.id },
      seed: 3,
      front,
      best: front[1],
    });
    expect(verified).toEqual(
      verifyStage({ front, best: front[1] }, experiment, 3, checkPoints(experiment, 3)),
    );
    expect(verified.verdict).toBe('recovers');
    expect(verified.front.map((entry) => entry.verdict)).toEqual(['wrong', 'recovers', 'wrong']);
  });

  it('says which setting is wrong', () => {
    const bad = { experiment: 'matrix-2x2-trace', concept: 'x*', box: 'x:0:1,y:0:1' };
    expect(() => drawData({ experiment: bad, negatives: 'fresh', train, seed: 1 })).toThrow(/^concept: /);
  });

  it('hands over every array of the examples, each once', () => {
    for (const id of ['oscillator-harmonic', 'classifier-a1']) {
      const data = drawData({ experiment: { experiment: id }, negatives: 'fresh', train, seed: 2 });
      const buffers = dataBuffers(data);
      expect(buffers).toHaveLength(data.kind === 'latent' ? 6 : 4);
      expect(new Set(buffers).size).toBe(buffers.length);
      const total = buffers.reduce((sum, b) => sum + b.byteLength, 0);
      const width = findExperiment(id)!.variables.length;
      expect(total).toBe(4 * train.examples * (data.kind === 'latent' ? 3 * width : width + 1));
    }
  });
});
