// The whole pipeline: the headless run the CLI's `run --experiment ID --seed S` and the page
// drive, with the default settings (fast preset, WASM backend), for every experiment and seed,
// recording training (of both networks, where there are two), gradient quality, search and the
// check of the pick (tier, simplest-form mark, verdict).

import { startNodeIslandPool } from '../src/cli/nodeIslandPool.ts';
import { createLocalRunner } from '../src/core/search/runners.ts';
import { useBackend } from '../src/model/backend.ts';
import { pickMadeOnOf, type KnownFollowed, type ResultJson } from '../src/pipeline/report.ts';
import { Run } from '../src/pipeline/run.ts';
import { experimentSource, runPlanOf } from '../src/pipeline/runInputs.ts';
import { defaultRunSettings, type RunSettings } from '../src/pipeline/runSettings.ts';
import type { Experiment } from '../src/experiments/types.ts';
import { checkFigures, verdictText, type CheckFigures, type SearchSettings } from './recovery.ts';

export interface PipelineRun extends CheckFigures {
  experiment: string;
  seed: number;
  trainSeconds: number;
  /** Data, training and gradients of the second network (latent experiments), 0 without one. */
  secondNetworkSeconds: number;
  /** What the pick was made on: 'second network', 'boundary points' or 'off'. */
  crossCheck: string;
  examplesPerSecond: number;
  epochs: number;
  spearman: number;
  quality: number;
  /** Where the data hold several known concepts: how closely the gradients follow each, and all together. */
  followed?: KnownFollowed;
  points: number;
  searchSeconds: number;
  evaluationsPerSecond: number;
  totalSeconds: number;
  /** The search's rounds, why it stopped, and the rounds after which its pick's form changed: what a stopping rule is judged on. */
  rounds: number;
  stopReason: string;
  pickChanges: number[];
}

export async function runPipeline(
  experiments: readonly Experiment[],
  seeds: readonly number[],
  settings: SearchSettings,
  log: (line: string) => void,
): Promise<PipelineRun[]> {
  const runs: PipelineRun[] = [];
  for (const experiment of experiments) {
    for (const seed of seeds) {
      const result = await runOnce(experiment, seed, settings);
      const run: PipelineRun = {
        experiment: experiment.id,
        seed,
        trainSeconds: result.timings['train_s'] ?? NaN,
        secondNetworkSeconds: result.timings['second_network_s'] ?? 0,
        crossCheck: pickMadeOnOf(result) ?? 'not said',
        examplesPerSecond: result.training?.examplesPerSecond ?? NaN,
        epochs: result.training?.epochs ?? 0,
        spearman: result.training?.spearman ?? NaN,
        quality: result.gradients?.quality ?? NaN,
        ...(result.gradients?.known ? { followed: result.gradients.known } : {}),
        points: result.gradients?.points ?? 0,
        searchSeconds: result.timings['search_s'] ?? NaN,
        evaluationsPerSecond: result.search.evaluationsPerSecond,
        totalSeconds: result.timings['total_s'] ?? NaN,
        rounds: result.search.rounds,
        stopReason: result.search.stopReason,
        pickChanges: result.search.pickChanges ?? [],
        ...checkFigures(result),
      };
      runs.push(run);
      log(
        `${experiment.id} seed ${seed}: ${verdictText(run)}; train ${run.trainSeconds.toFixed(1)} s, second network ${run.secondNetworkSeconds.toFixed(1)} s, quality ${run.quality.toFixed(4)}, search ${run.searchSeconds.toFixed(1)} s, total ${run.totalSeconds.toFixed(1)} s: ${run.pick}`,
      );
    }
  }
  return runs;
}

/**
 * One run of `experiment` from `seed`, every other setting the default (as a fresh page's link)
 * but those of `changed`; a latent space of several neurons is read as a whole too.
 */
export async function runOnce(
  experiment: Experiment,
  seed: number,
  search: SearchSettings,
  changed: Partial<RunSettings> = {},
): Promise<ResultJson> {
  const settings: RunSettings = {
    ...defaultRunSettings,
    experiment: experiment.id,
    seed,
    timeLimitSeconds: search.timeLimit ?? defaultRunSettings.timeLimitSeconds,
    ...changed,
  };
  const source = experimentSource(experiment, settings.negatives);
  const run = new Run(source, runPlanOf(settings, source), {
    backend: await useBackend(settings.backend),
    islands: async (data, options) =>
      search.workers > 0
        ? startNodeIslandPool(search.workers, data, options)
        : createLocalRunner(data, options),
    workers: search.workers,
  });
  try {
    await run.dataStage();
    await run.train();
    await run.gradients();
    await run.search();
    await run.latentConcepts();
    return run.result();
  } finally {
    run.dispose();
  }
}
