// The AI Feynman equations (bench/feynman/equations.ts): `searchExperiment` on the exact (and
// then noisy) gradients of each equation at 500 points sampled uniformly in the list's ranges,
// with the CLI's own options, recording the check's tier, simplest-form mark and verdict.

import { parseCommandLine } from '../src/cli/options.ts';
import { searchExperiment } from '../src/cli/searchCommand.ts';
import type { FeynmanEquation } from './feynman/equations.ts';
import { feynmanExperiment } from './feynman/experiments.ts';
import { checkFigures, type CheckFigures } from './recovery.ts';

/** The general configuration's operators, written out so that the suite keeps them if that default changes. */
export const FEYNMAN_OPERATORS = '+,-,*,/,square,sqrt,sin,cos,exp,log';

/** Seconds each search may take unless `--time-limit` says otherwise. */
export const FEYNMAN_TIME_LIMIT = 30;

/** Points per equation, sampled uniformly in the list's ranges. */
export const FEYNMAN_POINTS = 500;

/** The passes: exact gradients, then gradients with this much noise. */
export const FEYNMAN_NOISE = [0, 0.05] as const;

export interface FeynmanRun extends CheckFigures {
  /** The list's id, e.g. 'I.12.1'. */
  id: string;
  noise: number;
  seed: number;
  searchSeconds: number;
  stopReason: string;
  evaluationsPerSecond: number;
  /** The formula as the list writes it (in our syntax). */
  truth: string;
}

export async function runFeynman(
  equations: readonly FeynmanEquation[],
  seeds: readonly number[],
  { workers, timeLimit }: { workers: number; timeLimit: number },
  log: (line: string) => void,
): Promise<FeynmanRun[]> {
  const runs: FeynmanRun[] = [];
  for (const noise of FEYNMAN_NOISE) {
    for (const equation of equations) {
      const experiment = feynmanExperiment(equation);
      for (const seed of seeds) {
        const args = [
          '--seed',
          String(seed),
          '--points',
          String(FEYNMAN_POINTS),
          '--workers',
          String(workers),
          '--time-limit',
          String(timeLimit),
          '--operators',
          FEYNMAN_OPERATORS,
        ];
        if (noise > 0) args.push('--noise', String(noise));
        const result = await searchExperiment(experiment, parseCommandLine(args).values);
        const run: FeynmanRun = {
          id: equation.id,
          noise,
          seed,
          searchSeconds: result.timings['search_s'] ?? NaN,
          ...checkFigures(result),
          stopReason: result.search.stopReason,
          evaluationsPerSecond: result.search.evaluationsPerSecond,
          truth: equation.formula,
        };
        runs.push(run);
        log(
          `feynman ${equation.id} ${noise > 0 ? `noise ${noise}` : 'exact'} seed ${seed}: ${run.verdict} (${run.tier}${run.simplestForm ? ', simplest form' : ''}, mean |cos| ${run.meanAbsCos.toFixed(6)}) in ${run.searchSeconds.toFixed(2)} s (${run.stopReason}) ${run.pick}`,
        );
      }
    }
  }
  return runs;
}
