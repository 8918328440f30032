import { describe, expect, it } from 'vitest';
import { appStore, emptyRun, setSettings } from './store.ts';

describe('the settings while a stage runs', () => {
  it('are locked, with a notice, so that the run matches its link; free again after', () => {
    const before = appStore.getState().settings;
    const running = emptyRun();
    running.stages.train = 'running';
    appStore.setState({ run: running, notices: [] });
    expect(setSettings({ ...before, seed: 42 })).toBe(false);
    expect(appStore.getState().settings).toBe(before);
    expect(appStore.getState().notices).toEqual([expect.stringContaining('Settings are locked')]);

    appStore.setState({ run: { ...running, stages: { ...running.stages, train: 'stopped' } } });
    expect(setSettings({ ...before, seed: 42 })).toBe(true);
    expect(appStore.getState().settings.seed).toBe(42);
  });
});
