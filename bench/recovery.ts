// Time to recovery: the CLI's own `search --experiment ID --seed S --workers W` for every
// experiment and seed, recording the search time and the check of the pick (tier, simplest-form
// mark, verdict) and whether some member of the front recovers the ground truth.

import { parseCommandLine } from '../src/cli/options.ts';
import { searchCommand } from '../src/cli/searchCommand.ts';
import type { Experiment } from '../src/experiments/types.ts';
import type { ResultJson, Tier, Verdict } from '../src/pipeline/report.ts';

export interface RecoveryRun {
  experiment: string;
  seed: number;
  searchSeconds: number;
  tier: Tier;
  simplestForm: boolean;
  verdict: Verdict;
  /** The pick's complexity (0 without a pick). */
  complexity: number;
  /** The verdict is 'recovers'. */
  recovered: boolean;
  frontRecovered: boolean;
  meanAbsCos: number;
  orientedCos: number;
  pick: string;
  /** Where the pick recovers another quantity the system keeps, not the one sought: its name. */
  invariant?: string;
  /** Where the pick is a function of the data's known concepts together and of none alone: how well (see `EntryCheck.mixture`). */
  mixture?: number;
  /** Where the pick is approximate and in its simplest form: its agreement once its constants are refitted to the truth (see `EntryCheck.refitCos`). */
  refitCos?: number;
  evaluationsPerSecond: number;
  /** The search's rounds, why it stopped, and the rounds after which its pick's form changed: what a stopping rule is judged on. */
  rounds: number;
  stopReason: string;
  pickChanges: number[];
}

export interface SearchSettings {
  workers: number;
  /** Seconds each search may take; undefined: the search's own default. */
  timeLimit: number | undefined;
}

/** The search options every benchmark run passes to the CLI's parser. */
export function searchArgs(
  experiment: string,
  seed: number,
  { workers, timeLimit }: SearchSettings,
): string[] {
  const args = ['--experiment', experiment, '--seed', String(seed), '--workers', String(workers)];
  if (timeLimit !== undefined) args.push('--time-limit', String(timeLimit));
  return args;
}

/** What a run's result says of its pick, as every suite records it. */
export type CheckFigures = Pick<
  RecoveryRun,
  | 'tier'
  | 'simplestForm'
  | 'verdict'
  | 'complexity'
  | 'recovered'
  | 'frontRecovered'
  | 'meanAbsCos'
  | 'orientedCos'
  | 'pick'
  | 'invariant'
  | 'mixture'
  | 'refitCos'
>;

export function checkFigures(result: ResultJson): CheckFigures {
  const check = result.check;
  return {
    tier: check?.tier ?? 'wrong',
    simplestForm: check?.simplestForm ?? false,
    verdict: check?.verdict ?? 'wrong',
    complexity: result.best?.complexity ?? 0,
    recovered: check?.verdict === 'recovers',
    frontRecovered: check?.frontRecovered ?? false,
    meanAbsCos: check?.meanAbsCos ?? 0,
    orientedCos: check?.orientedCos ?? 0,
    pick: result.best?.expr ?? '',
    ...(check?.invariant === undefined ? {} : { invariant: check.invariant }),
    ...(check?.mixture === undefined ? {} : { mixture: check.mixture }),
    ...(check?.refitCos === undefined ? {} : { refitCos: check.refitCos }),
  };
}

/** One line for the log: the verdict, the tier and the simplest-form mark. */
export function verdictText(
  run: Pick<RecoveryRun, 'verdict' | 'tier' | 'simplestForm' | 'frontRecovered'>,
): string {
  const marks = [
    run.tier,
    ...(run.simplestForm ? ['simplest form'] : []),
    ...(run.frontRecovered ? [] : ['front misses']),
  ];
  return `${run.verdict} (${marks.join(', ')})`;
}

export async function runRecovery(
  experiments: readonly Experiment[],
  seeds: readonly number[],
  settings: SearchSettings,
  noise: number,
  log: (line: string) => void,
): Promise<RecoveryRun[]> {
  const runs: RecoveryRun[] = [];
  for (const experiment of experiments) {
    for (const seed of seeds) {
      const args = searchArgs(experiment.id, seed, settings);
      if (noise > 0) args.push('--noise', String(noise));
      const result = await searchCommand(parseCommandLine(args).values);
      const run: RecoveryRun = {
        experiment: experiment.id,
        seed,
        searchSeconds: result.timings['search_s'] ?? NaN,
        ...checkFigures(result),
        evaluationsPerSecond: result.search.evaluationsPerSecond,
        rounds: result.search.rounds,
        stopReason: result.search.stopReason,
        pickChanges: result.search.pickChanges ?? [],
      };
      runs.push(run);
      log(
        `${experiment.id} seed ${seed}: ${verdictText(run)} in ${run.searchSeconds.toFixed(2)} s (${run.stopReason}) ${run.pick}`,
      );
    }
  }
  return runs;
}
