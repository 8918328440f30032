import { describe, expect, it } from 'vitest';
import { writtenResult } from '../pipeline/testSupport.ts';
import { readSavedRun } from './savedRunRecord.ts';
import { emptyRun } from './store.ts';
import { serializeRunUrl } from './url.ts';
import { defaultRunSettings } from '../pipeline/runSettings.ts';

/** A record as `saveCurrentRun` stores it. */
function stored() {
  const settings = { ...defaultRunSettings, experiment: 'oscillator-harmonic', seed: 3 };
  return {
    key: serializeRunUrl(settings),
    savedAt: '2026-11-30T03:00:00.000Z',
    title: 'oscillator-harmonic, seed 3',
    view: {
      ...emptyRun(),
      neuron: { neuron: [0.1, 0.2], truth: [1, 2] },
      verify: { expr: 'x', latex: '\\href{javascript:alert(1)}{x}' },
      result: writtenResult(),
    },
  };
}

describe('a saved run read back from storage', () => {
  it('keeps its panels, reads its settings from its link and derives the rest again', () => {
    const read = readSavedRun(stored());
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.run.settings).toMatchObject({ experiment: 'oscillator-harmonic', seed: 3 });
    expect(read.run.panels.neuron).toEqual({ neuron: [0.1, 0.2], truth: [1, 2] });
    expect(read.run.result.pareto).toEqual(writtenResult().pareto);
    expect(read.run.panels).not.toHaveProperty('verify');
  });

  it('is refused with the field that is wrong', () => {
    const bad = stored();
    const broken = (patch: object) => {
      const read = readSavedRun({ ...bad, ...patch });
      return read.ok ? 'read' : read.error;
    };
    expect(broken({ view: { ...bad.view, neuron: { neuron: ['a'], truth: [] } } })).toMatch(
      /^view\.neuron\.neuron\.0: /,
    );
    expect(broken({ view: { ...bad.view, result: { ...writtenResult(), best: {} } } })).toMatch(
      /^view\.result: best\.complexity: /,
    );
    expect(broken({ key: '?v=1&epochs=abc' })).toMatch(/^key: /);
    expect(broken({ savedAt: 'yesterday' })).toMatch(/^savedAt: /);
    expect(readSavedRun(null)).toMatchObject({ ok: false });
  });
});
