import { describe, expect, it } from 'vitest';
import { experimentOf, experimentOfInput, inputOf, typesConcept, withoutConcept } from './experimentOf.ts';
import { defaultRunSettings } from './runSettings.ts';

describe('the experiment a run’s settings name', () => {
  it('is the catalogue’s without a typed concept, and says which id is unknown', () => {
    const read = experimentOf({ experiment: 'oscillator-sin' });
    expect(read.ok && read.experiment.id).toBe('oscillator-sin');
    expect(experimentOf({ experiment: 'nope' })).toMatchObject({ ok: false, error: { field: 'experiment' } });
  });

  it('is the typed concept once any of its settings is set, naming the one that is missing', () => {
    expect(typesConcept({ experiment: 'x', threshold: 1 })).toBe(true);
    expect(experimentOf({ experiment: 'matrix-2x2-trace', box: 'x:0:1,y:0:1' })).toMatchObject({
      ok: false,
      error: { field: 'concept' },
    });
    expect(experimentOf({ experiment: 'matrix-2x2-trace', concept: 'x*y' })).toMatchObject({
      ok: false,
      error: { field: 'box' },
    });
  });

  it('gives the same object for the same settings, so a page sees that nothing changed', () => {
    const settings = { experiment: 'matrix-2x2-trace', concept: 'x*y + y', box: 'x:0:1,y:0:1' };
    const once = experimentOf(settings);
    const again = experimentOf({ ...settings });
    expect(once.ok && again.ok && once.experiment === again.experiment).toBe(true);
    const other = experimentOf({ ...settings, threshold: 0.5 });
    expect(other.ok && once.ok && other.experiment !== once.experiment).toBe(true);
    expect(other.ok && other.experiment.kind).toBe('classifier');
  });

  it('is written into a result’s input and read back from it', () => {
    const settings = { ...defaultRunSettings, concept: 'x*y + y', box: 'x:0:1,y:0:1', threshold: 0.5 };
    const input = inputOf(settings);
    expect(input).toEqual({ concept: 'x*y + y', box: 'x:0:1,y:0:1', threshold: 0.5 });
    const read = experimentOfInput(input);
    expect(read.ok && read.experiment.truthText).toBe('x*y + y');
    expect(inputOf(withoutConcept(settings))).toEqual({ experiment: defaultRunSettings.experiment });
  });
});
