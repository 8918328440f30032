// `search`: symbolic search on the exact gradients of an experiment's ground truth, on a gradient
// file, or on the papers' pair of point and gradient files; writes the result JSON.

import { untilInterrupted } from './interrupt.ts';
import { readFile, stat } from 'node:fs/promises';
import { defaultSearchOptions, type SearchOptions } from '../core/search/options.ts';
import type { SearchResult } from '../core/search/search.ts';
import { fitAndPickSets, pickMadeOn, searchDataOf, searchStage } from '../pipeline/searchStage.ts';
import type { PickRule } from '../pipeline/pickRule.ts';
import { createLocalRunner, type IslandPool } from '../core/search/runners.ts';
import {
  formatFileError,
  readGradientCsv,
  readGradientPair,
  type GradientSet,
} from '../core/io/gradientFile.ts';
import { experimentIds, findExperiment } from '../experiments/index.ts';
import type { Experiment } from '../experiments/types.ts';
import { truthGradientSet } from '../pipeline/truthGradients.ts';
import { verifyStage } from '../pipeline/verify.ts';
import { buildResultJson, type ResultJson } from '../pipeline/report.ts';
import { defaultWorkers, numberOption, type RawOptions } from './options.ts';
import { startNodeIslandPool } from './nodeIslandPool.ts';
import { terminalProgress } from './progress.ts';
import { UsageError } from './usageError.ts';
import { settingFlag, settingsFromFlags } from './settingFlags.ts';
import { defaultRunSettings, searchOptionsOf } from '../pipeline/runSettings.ts';

/** Larger input files are refused before they are read. */
const MAX_INPUT_BYTES = 256 * 1024 * 1024;

export async function readText(file: string): Promise<string> {
  try {
    const { size } = await stat(file);
    if (size > MAX_INPUT_BYTES)
      throw new UsageError(
        `${file}: larger than ${MAX_INPUT_BYTES / 1024 / 1024} MB (${Math.round(size / 1024 / 1024)} MB)`,
      );
    return await readFile(file, 'utf8');
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(
      `${file}: cannot read the file (${(error as NodeJS.ErrnoException).code ?? 'error'})`,
    );
  }
}

export function resolveExperiment(id: string): Experiment {
  const experiment = findExperiment(id);
  if (!experiment)
    throw new UsageError(`--experiment: unknown id "${id}" (known: ${experimentIds.join(', ')})`);
  return experiment;
}

interface SearchInput {
  gradients: GradientSet;
  input: ResultJson['input'];
  experiment: Experiment | null;
}

/** The exact gradients of an experiment's truth (with `--noise`, noisy) at `--points` sampler points. */
function experimentInput(experiment: Experiment, values: RawOptions, seed: number): SearchInput {
  const points = settingFlag(values, 'points') ?? defaultRunSettings.points;
  const noise = numberOption(values.noise, 'noise', 0, { min: 0, max: 10, integer: false });
  return {
    gradients: truthGradientSet(experiment, points, noise, seed),
    input: { experiment: experiment.id, points, noise },
    experiment,
  };
}

async function loadInput(values: RawOptions, seed: number): Promise<SearchInput> {
  const sources = [values.experiment, values.gradients, values.x ?? values.grad].filter(
    (v) => v !== undefined,
  );
  if (sources.length !== 1) {
    throw new UsageError(
      'search needs exactly one of --experiment ID, --gradients FILE.csv, or --x X.out --grad G.out',
    );
  }
  if (values.experiment !== undefined)
    return experimentInput(resolveExperiment(values.experiment), values, seed);
  if (values.points !== undefined || values.noise !== undefined) {
    throw new UsageError('--points and --noise apply only to --experiment');
  }
  if (values.gradients !== undefined) {
    const read = readGradientCsv(await readText(values.gradients), values.gradients);
    if (!read.ok) throw new UsageError(formatFileError(read.error));
    return { gradients: read.value, input: { gradients: values.gradients }, experiment: null };
  }
  if (values.x === undefined || values.grad === undefined) throw new UsageError('--x and --grad go together');
  const [xText, gradText] = await Promise.all([readText(values.x), readText(values.grad)]);
  const read = readGradientPair(xText, values.x, gradText, values.grad);
  if (!read.ok) throw new UsageError(formatFileError(read.error));
  return { gradients: read.value, input: { x: values.x, grad: values.grad }, experiment: null };
}

/**
 * The search's options: the general defaults (the same for every input: nothing is taken from an
 * experiment's truth), then the command line's, read as the page reads them (`searchOptionsOf`).
 * `pick` holds the pick rule's defaults (a network's gradients call for another rule).
 */
export function resolveSearchOptions(
  values: RawOptions,
  seed: number,
  pick: PickRule = defaultSearchOptions,
): SearchOptions {
  const settings = {
    ...defaultRunSettings,
    ...settingsFromFlags(values, (row) => row.stage === 'search'),
    seed,
  };
  let options: SearchOptions;
  try {
    options = searchOptionsOf(settings, pick);
  } catch (error) {
    throw new UsageError(`--${(error as Error).message}`);
  }
  options.pickStandardErrors =
    values['pick-se'] === 'off'
      ? Infinity
      : numberOption(values['pick-se'], 'pick-se', pick.pickStandardErrors, {
          min: 0,
          max: 1e6,
          integer: false,
        });
  return options;
}

/** The run's seed and worker count, shared by every command that searches. */
export function seedAndWorkers(values: RawOptions): { seed: number; workers: number } {
  return {
    seed: settingFlag(values, 'seed') ?? defaultRunSettings.seed,
    workers: numberOption(values.workers, 'workers', defaultWorkers(), { min: 0, max: 256, integer: true }),
  };
}

/**
 * The search command in Node: the search over `gradients` on a pool of worker threads (none: in-process),
 * ended early by `signal` (Ctrl-C), keeping what it found.
 */
export async function searchGradients(
  gradients: GradientSet,
  options: SearchOptions,
  workers: number,
  signal: AbortSignal,
): Promise<{ result: SearchResult; seconds: number }> {
  if (gradients.x[0] === undefined || gradients.x[0].length === 0) {
    throw new UsageError('no usable points: every row had a non-finite value or a zero gradient');
  }
  const { fit: data, pick } = fitAndPickSets(searchDataOf(gradients));
  const pool: IslandPool | null = workers > 0 ? await startNodeIslandPool(workers, data, options) : null;
  const progress = terminalProgress(process.stderr);
  const started = performance.now();
  try {
    const result = await searchStage(
      data,
      options,
      pool ?? createLocalRunner(data, options),
      { onRound: progress.update, signal },
      pick,
    );
    if (result.failure)
      process.stderr.write(`search stopped early, keeping what it found: ${result.failure}\n`);
    return { result, seconds: (performance.now() - started) / 1000 };
  } finally {
    progress.done();
    pool?.terminate();
  }
}

/** What a command leaves for its exports besides the result: the gradients its search ran on. */
export interface CommandArtefacts {
  gradients?: GradientSet;
}

export function searchCommand(values: RawOptions, artefacts: CommandArtefacts = {}): Promise<ResultJson> {
  return searchAndReport(values, (seed) => loadInput(values, seed), artefacts);
}

/**
 * `search --experiment` for any experiment, the catalogue's or another (the benchmarks' AI
 * Feynman equations): exact gradients of its truth at points from its sampler, the search with
 * the command line's options, and the check.
 */
export function searchExperiment(experiment: Experiment, values: RawOptions): Promise<ResultJson> {
  return searchAndReport(values, (seed) => experimentInput(experiment, values, seed), {});
}

/** Loads the input (timed as the data stage), searches it and reports, with the check where a truth is known. */
async function searchAndReport(
  values: RawOptions,
  load: (seed: number) => SearchInput | Promise<SearchInput>,
  artefacts: CommandArtefacts,
): Promise<ResultJson> {
  const { seed, workers } = seedAndWorkers(values);
  const dataStarted = performance.now();
  const { gradients, input, experiment } = await load(seed);
  artefacts.gradients = gradients;
  const dataSeconds = (performance.now() - dataStarted) / 1000;
  const options = resolveSearchOptions(values, seed);
  const { result, seconds } = await untilInterrupted((signal) =>
    searchGradients(gradients, options, workers, signal),
  );
  return buildResultJson({
    variables: gradients.variables,
    input,
    seed,
    settings: {
      ...settingsFromFlags(values, (row) => row.field === 'seed' || row.stage === 'search'),
      points: gradients.x[0]?.length ?? 0,
      resolved: { search: options, pickMadeOn: pickMadeOn(undefined, gradients.x[0]?.length ?? 0), workers },
    },
    timings: { data_s: dataSeconds, search_s: seconds, total_s: dataSeconds + seconds },
    skippedRows: gradients.skipped,
    result,
    ...(experiment ? { check: verifyStage(result, experiment, seed) } : {}),
  });
}
