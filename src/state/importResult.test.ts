import { describe, expect, it } from 'vitest';
import { writtenResult } from '../pipeline/testSupport.ts';
import { showImportedResult, verifyShownRow } from './importResult.ts';
import { appStore, emptyRun } from './store.ts';

describe('a result shown from a file', () => {
  it('leaves nothing of the run that was on the page', () => {
    appStore.setState({
      run: { ...emptyRun(), error: 'an old failure', neuron: { neuron: [1], truth: [2] } },
      selected: 7,
    });
    showImportedResult(writtenResult());
    const { run, selected, settings } = appStore.getState();
    expect(selected).toBeNull();
    expect(run.error).toBeNull();
    expect(run.neuron).toBeNull();
    expect(run.search?.front.map((e) => e.expr)).toEqual(['x', 'square(x) + square(v)']);
    expect(settings).toMatchObject({ experiment: 'oscillator-harmonic', seed: 3 });
    expect(run.verify).toMatchObject({ expr: 'square(x) + square(v)', check: { verdict: 'recovers' } });
  });

  it('verifies a row picked by hand, and its result says so', () => {
    showImportedResult(writtenResult());
    appStore.setState({ selected: 1 });
    expect(verifyShownRow(1)).toBe(true);
    const { run } = appStore.getState();
    expect(run.verify).toMatchObject({ expr: 'x', check: { verdict: 'wrong' } });
    expect(run.result?.check?.verdict).toBe('wrong');
  });
});
