// Time to recovery: the CLI's own `search --experiment ID --seed S --workers W` for every
// experiment and seed, recording the search time and whether the pick (or only some member of
// the front) is the ground truth.

import { parseCommandLine } from '../src/cli/options.ts';
import { searchCommand } from '../src/cli/searchCommand.ts';
import type { Experiment } from '../src/experiments/types.ts';

export interface RecoveryRun {
  experiment: string;
  seed: number;
  searchSeconds: number;
  recovered: boolean;
  frontRecovered: boolean;
  meanAbsCos: number;
  pick: string;
  evaluationsPerSecond: number;
  stopReason: string;
}

export async function runRecovery(
  experiments: readonly Experiment[],
  seeds: readonly number[],
  workers: number,
  noise: number,
  log: (line: string) => void,
): Promise<RecoveryRun[]> {
  const runs: RecoveryRun[] = [];
  for (const experiment of experiments) {
    for (const seed of seeds) {
      const args = ['--experiment', experiment.id, '--seed', String(seed), '--workers', String(workers)];
      if (noise > 0) args.push('--noise', String(noise));
      const result = await searchCommand(parseCommandLine(args).values);
      const run: RecoveryRun = {
        experiment: experiment.id,
        seed,
        searchSeconds: result.timings['search_s'] ?? NaN,
        recovered: result.check?.recovered ?? false,
        frontRecovered: result.check?.frontRecovered ?? false,
        meanAbsCos: result.check?.meanAbsCos ?? 0,
        pick: result.best?.expr ?? '',
        evaluationsPerSecond: result.search.evaluationsPerSecond,
        stopReason: result.search.stopReason,
      };
      runs.push(run);
      log(
        `${experiment.id} seed ${seed}: ${run.recovered ? 'recovered' : run.frontRecovered ? 'front only' : 'missed'} in ${run.searchSeconds.toFixed(2)} s (${run.stopReason}) ${run.pick}`,
      );
    }
  }
  return runs;
}
