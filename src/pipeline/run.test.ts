// The headless run: its stages in order, a stop at any of them, its tensors freed, and the same
// result JSON as the command line's for the same settings and seed.
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createLocalRunner } from '../core/search/runners.ts';
import { findExperiment } from '../experiments/index.ts';
import { useBackend } from '../model/backend.ts';
import { parseCommandLine } from '../cli/options.ts';
import { runPipeline } from '../cli/runCommand.ts';
import { Run } from './run.ts';
import { experimentSource, runPlanOf, type RunEnvironment } from './runInputs.ts';
import { defaultRunSettings } from './runSettings.ts';

const experiment = findExperiment('matrix-2x2-trace')!;
const settings = {
  ...defaultRunSettings,
  seed: 4,
  examples: 600,
  hidden: [8, 8],
  epochs: 3,
  points: 120,
  timeLimitSeconds: 20,
  backend: 'cpu' as const,
};

function plannedRun(environment: Partial<RunEnvironment> = {}): Run {
  const source = experimentSource(experiment);
  return new Run(source, runPlanOf(settings, source), {
    backend: 'cpu',
    islands: (data, options) => Promise.resolve(createLocalRunner(data, options)),
    ...environment,
  });
}

beforeAll(async () => {
  await useBackend('cpu');
});

describe('a headless run', () => {
  it('refuses a stage before the one it needs', async () => {
    const run = plannedRun();
    await expect(run.train()).rejects.toThrow('run the data stage first');
    await expect(run.gradients()).rejects.toThrow('train the network first');
    await expect(run.search()).rejects.toThrow('take the gradients first');
    expect(() => run.result()).toThrow('search first');
  });

  it('runs its stages in order to a checked result, and frees every tensor it made', async () => {
    const tensors = tf.memory().numTensors;
    const run = plannedRun();
    await run.dataStage();
    expect(await run.train()).toBe('done');
    expect(run.second).toBeDefined();
    await run.gradients();
    await run.search();
    const result = run.result();
    expect(result.check?.verdict).toMatch(/^(recovers|look-alike|wrong)$/);
    expect(result.secondNetwork?.gradients.points).toBeGreaterThan(0);
    expect(result.settings).toMatchObject({ seed: 4, resolved: { pickMadeOn: 'second network' } });
    expect(Object.keys(result.timings)).toEqual(
      expect.arrayContaining(['data_s', 'train_s', 'second_network_s', 'gradients_s', 'search_s', 'total_s']),
    );
    run.dispose();
    expect(tf.memory().numTensors).toBe(tensors);
  }, 120_000);

  it('stops in training without a second network, still searches and reports, and frees its tensors', async () => {
    const tensors = tf.memory().numTensors;
    const stop = new AbortController();
    const run = plannedRun({
      signal: stop.signal,
      onEpoch: () => stop.abort(),
    });
    await run.dataStage();
    expect(await run.train()).toBe('stopped');
    expect(run.second).toBeUndefined();
    await run.gradients();
    const searched = await run.search();
    expect(searched.stopReason).toBe('cancelled');
    expect(run.result().training?.stopReason).toBe('stopped');
    run.dispose();
    expect(tf.memory().numTensors).toBe(tensors);
  }, 120_000);

  it('stops a search at its first round, keeping its front', async () => {
    const stop = new AbortController();
    const run = plannedRun({ signal: stop.signal, onRound: () => stop.abort() });
    await run.dataStage();
    await run.train();
    await run.gradients();
    const searched = await run.search();
    expect(searched.stopReason).toBe('cancelled');
    expect(searched.front.length).toBeGreaterThan(0);
    run.dispose();
  }, 120_000);

  it('gives the command line the same result for the same settings and seed', async () => {
    const { values } = parseCommandLine([
      '--experiment=matrix-2x2-trace',
      '--seed=4',
      '--examples=600',
      '--hidden=8,8',
      '--epochs=3',
      '--points=120',
      '--time-limit=2',
      '--backend=cpu',
      '--workers=0',
    ]);
    const fromCommandLine = await runPipeline('run', values, new AbortController().signal);
    const run = plannedRun({ workers: 0 });
    run.plan = { ...run.plan, search: { ...run.plan.search, timeLimitSeconds: 2 } };
    await run.dataStage();
    await run.train();
    await run.gradients();
    await run.search();
    const direct = run.result();
    run.dispose();
    // Everything up to the search, which ends on the clock here (a search that ends on its own
    // gives the same front every time: the page's end-to-end test shows it).
    const upToTheSearch = (result: typeof direct) => ({
      settings: { ...result.settings, timeLimitSeconds: 2 },
      input: result.input,
      seed: result.seed,
      timings: Object.keys(result.timings).sort(),
      gradients: result.gradients,
      training: { ...result.training, examplesPerSecond: 0 },
      secondNetwork: {
        ...result.secondNetwork,
        training: { ...result.secondNetwork?.training, examplesPerSecond: 0 },
      },
    });
    expect(upToTheSearch(fromCommandLine)).toEqual(upToTheSearch(direct));
  }, 180_000);
});
