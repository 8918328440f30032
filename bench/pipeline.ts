// The whole pipeline: the CLI's own `run --experiment ID --seed S` (fast preset, WASM backend)
// for every experiment and seed, recording training (of both networks, where there are two),
// gradient quality, search and the check of the pick (tier, simplest-form mark, verdict).

import { parseCommandLine } from '../src/cli/options.ts';
import { runCommand } from '../src/cli/runCommand.ts';
import { pickMadeOnOf } from '../src/pipeline/report.ts';
import type { Experiment } from '../src/experiments/types.ts';
import { checkFigures, searchArgs, verdictText, type CheckFigures, type SearchSettings } from './recovery.ts';

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
  points: number;
  searchSeconds: number;
  evaluationsPerSecond: number;
  totalSeconds: number;
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
      const args = searchArgs(experiment.id, seed, settings);
      const result = await runCommand('run', parseCommandLine(args).values);
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
        points: result.gradients?.points ?? 0,
        searchSeconds: result.timings['search_s'] ?? NaN,
        evaluationsPerSecond: result.search.evaluationsPerSecond,
        totalSeconds: result.timings['total_s'] ?? NaN,
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
