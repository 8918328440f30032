// The whole pipeline: the CLI's own `run --experiment ID --seed S` (fast preset, WASM backend)
// for every experiment and seed, recording training (of both networks, where there are two),
// gradient quality, search and recovery.

import { parseCommandLine } from '../src/cli/options.ts';
import { runCommand } from '../src/cli/runCommand.ts';
import type { Experiment } from '../src/experiments/types.ts';

export interface PipelineRun {
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
  totalSeconds: number;
  recovered: boolean;
  frontRecovered: boolean;
  meanAbsCos: number;
  pick: string;
}

export async function runPipeline(
  experiments: readonly Experiment[],
  seeds: readonly number[],
  workers: number,
  log: (line: string) => void,
): Promise<PipelineRun[]> {
  const runs: PipelineRun[] = [];
  for (const experiment of experiments) {
    for (const seed of seeds) {
      const args = ['--experiment', experiment.id, '--seed', String(seed), '--workers', String(workers)];
      const result = await runCommand('run', parseCommandLine(args).values);
      const run: PipelineRun = {
        experiment: experiment.id,
        seed,
        trainSeconds: result.timings['train_s'] ?? NaN,
        secondNetworkSeconds: result.timings['second_network_s'] ?? 0,
        crossCheck: String(result.settings['crossCheck']),
        examplesPerSecond: result.training?.examplesPerSecond ?? NaN,
        epochs: result.training?.epochs ?? 0,
        spearman: result.training?.spearman ?? NaN,
        quality: result.gradients?.quality ?? NaN,
        points: result.gradients?.points ?? 0,
        searchSeconds: result.timings['search_s'] ?? NaN,
        totalSeconds: result.timings['total_s'] ?? NaN,
        recovered: result.check?.recovered ?? false,
        frontRecovered: result.check?.frontRecovered ?? false,
        meanAbsCos: result.check?.meanAbsCos ?? 0,
        pick: result.best?.expr ?? '',
      };
      runs.push(run);
      log(
        `${experiment.id} seed ${seed}: ${run.recovered ? 'recovered' : run.frontRecovered ? 'front only' : 'missed'}; train ${run.trainSeconds.toFixed(1)} s, second network ${run.secondNetworkSeconds.toFixed(1)} s, quality ${run.quality.toFixed(4)}, search ${run.searchSeconds.toFixed(1)} s, total ${run.totalSeconds.toFixed(1)} s: ${run.pick}`,
      );
    }
  }
  return runs;
}
