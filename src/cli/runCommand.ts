// `run --experiment ID` and `train --data FILE.csv --label COLUMN`: the whole pipeline in Node
// (data, training, gradients, search, verification) on the WASM backend, writing the result
// JSON with the training figures added.

import { untilInterrupted } from './interrupt.ts';
import { writeFile } from 'node:fs/promises';
import { formatFileError, formatGradientCsv } from '../core/io/gradientFile.ts';
import { readLabelledCsv } from '../core/io/labelledCsv.ts';
import type { Experiment } from '../experiments/types.ts';
import { useBackend } from '../model/backend.ts';
import type { Mlp } from '../model/mlp.ts';
import type { ModelMetadata } from '../model/modelFormat.ts';
import { TrainingDivergedError } from '../model/train.ts';
import type { TrainingData } from '../model/trainingData.ts';
import { experimentData, labelledData } from '../pipeline/dataStage.ts';
import {
  gradientFigures,
  gradientPoints,
  gradientStage,
  type GradientStageResult,
} from '../pipeline/gradientStage.ts';
import { buildResultJson, type ResultJson, type TrainingFigures } from '../pipeline/report.ts';
import { initialNetwork, trainingFigures, trainStage, truthProbe } from '../pipeline/trainStage.ts';
import { crossCheckSet, NETWORK_PICK_RULE } from '../pipeline/pickRule.ts';
import { pickMadeOn, searchDataOf } from '../pipeline/searchStage.ts';
import { SEED_STREAM } from '../pipeline/truthGradients.ts';
import { deriveSeed } from '../core/rng.ts';
import { verifyStage } from '../pipeline/verify.ts';
import { readModelDir, writeModelDir } from './modelFiles.ts';
import { resolveModelSettings, type ModelCommandSettings } from './modelOptions.ts';
import type { RawOptions } from './options.ts';
import { settingFlag, settingsFromFlags } from './settingFlags.ts';
import { defaultRunSettings } from '../pipeline/runSettings.ts';
import { terminalTrainingProgress } from './progress.ts';
import {
  readText,
  resolveExperiment,
  resolveSearchOptions,
  searchGradients,
  seedAndWorkers,
} from './searchCommand.ts';
import { UsageError } from './usageError.ts';

/** What the pipeline works on: an experiment of the catalogue, or a user's labelled table. */
interface Source {
  variables: string[];
  kind: 'latent' | 'classifier';
  input: ResultJson['input'];
  experiment: Experiment | null;
  data(settings: ModelCommandSettings, seed: number): TrainingData;
  /** About `count` points whose gradients are taken. */
  points(seed: number, data: TrainingData | null, count: number): Float64Array[];
}

function experimentSource(values: RawOptions): Source {
  if (values.experiment === undefined) throw new UsageError('run needs --experiment ID');
  const experiment = resolveExperiment(values.experiment);
  return {
    variables: [...experiment.variables],
    kind: experiment.kind,
    input: { experiment: experiment.id },
    experiment,
    data: (s, seed) =>
      experimentData(
        experiment,
        { examples: s.train.examples, validationFraction: s.train.validationFraction },
        seed,
      ),
    points: (seed, _, count) => gradientPoints(experiment, count, seed),
  };
}

async function tableSource(values: RawOptions): Promise<Source> {
  if (values.data === undefined || values.label === undefined)
    throw new UsageError('train needs --data FILE.csv and --label COLUMN');
  const read = readLabelledCsv(await readText(values.data), values.data, values.label);
  if (!read.ok) throw new UsageError(formatFileError(read.error));
  const table = read.value;
  return {
    variables: table.variables,
    kind: 'classifier',
    input: { data: values.data, label: values.label },
    experiment: null,
    data: (s, seed) => labelledData(table.x, table.y, s.train.validationFraction, seed),
    // Held-out rows when this run trained the network; every row for a loaded one.
    points: (_, data) => {
      if (!data || data.kind !== 'classifier') return table.x;
      const { values: v, count, width } = data.validation.x;
      return Array.from({ length: width }, (_, j) =>
        Float64Array.from({ length: count }, (_, i) => v[i * width + j] as number),
      );
    },
  };
}

function checkLoadedModel(metadata: ModelMetadata, source: Source, dir: string): void {
  if (metadata.variables.join(',') !== source.variables.join(',')) {
    throw new UsageError(
      `--load-model: ${dir} was trained on inputs (${metadata.variables.join(', ')}), not (${source.variables.join(', ')})`,
    );
  }
}

/** A network trained for this run: its training figures and the gradients of its neuron. */
interface TrainedRun {
  model: Mlp;
  training?: TrainingFigures;
  gradients: GradientStageResult;
}

/**
 * Data, training and gradients of one network from `seed`; `label` names it on the terminal.
 * An abort ends the training early, keeping its best weights so far.
 */
async function trainAndTakeGradients(
  source: Source,
  settings: ModelCommandSettings,
  seed: number,
  backend: string,
  timed: Timer,
  label: string,
  signal: AbortSignal,
): Promise<TrainedRun> {
  const data = await timed('data_s', () => source.data(settings, seed));
  const model = initialNetwork(data, settings, seed);
  const probe = source.experiment ? truthProbe(source.experiment, seed) : null;
  const progress = terminalTrainingProgress(process.stderr, settings.train.epochs, label);
  try {
    const trained = await timed('train_s', () =>
      trainStage(model, data, settings, seed, probe, settings.neuron, { onEpoch: progress.update, signal }),
    );
    const gradients = await timed('gradients_s', () => takeGradients(source, settings, model, seed, data));
    return { model, training: trainingFigures(backend, trained), gradients };
  } catch (error) {
    model.dispose();
    if (error instanceof TrainingDivergedError) throw new UsageError(error.message);
    throw error;
  } finally {
    progress.done();
  }
}

function takeGradients(
  source: Source,
  settings: ModelCommandSettings,
  model: Mlp,
  seed: number,
  data: TrainingData | null,
): Promise<GradientStageResult> {
  return gradientStage(
    model,
    source.points(seed, data, settings.points),
    source.variables,
    {
      neuron: settings.neuron,
      points: settings.points,
      ...(source.kind === 'classifier' ? { band: settings.band } : {}),
    },
    source.experiment?.truth,
  );
}

type Timer = <T>(key: string, work: () => Promise<T> | T) => Promise<T>;

/** Times each piece of work under its key, adding up repeated keys. */
function timer(timings: Record<string, number>): Timer {
  return async (key, work) => {
    const started = performance.now();
    const value = await work();
    timings[key] = (timings[key] ?? 0) + (performance.now() - started) / 1000;
    return value;
  };
}

/** The run's own network: loaded from a directory, or trained from the run's seed. */
async function firstNetwork(
  source: Source,
  settings: ModelCommandSettings,
  seed: number,
  backend: string,
  timed: Timer,
  loadDir: string | undefined,
  signal: AbortSignal,
): Promise<TrainedRun> {
  if (loadDir === undefined) return trainAndTakeGradients(source, settings, seed, backend, timed, '', signal);
  const loaded = await readModelDir(loadDir);
  checkLoadedModel(loaded.metadata, source, loadDir);
  const gradients = await timed('gradients_s', () =>
    takeGradients(source, settings, loaded.model, seed, null),
  );
  return { model: loaded.model, gradients };
}

async function writeGradients(file: string, stage: GradientStageResult): Promise<void> {
  try {
    await writeFile(file, formatGradientCsv(stage.gradients));
  } catch (error) {
    throw new UsageError(
      `--export-gradients: cannot write ${file} (${(error as NodeJS.ErrnoException).code ?? 'error'})`,
    );
  }
}

/**
 * `run` and `train`. Ctrl-C stops the whole run, not just the stage it falls in: the training
 * under way keeps its best weights, no further network trains, the search keeps what it found,
 * and the result is still written. A second Ctrl-C ends the process at once.
 */
export function runCommand(command: 'run' | 'train', values: RawOptions): Promise<ResultJson> {
  return untilInterrupted((signal) => runPipeline(command, values, signal));
}

/** `run` and `train` until `signal` (Ctrl-C) ends them: see `runCommand`. */
export async function runPipeline(
  command: 'run' | 'train',
  values: RawOptions,
  signal: AbortSignal,
): Promise<ResultJson> {
  const source = command === 'run' ? experimentSource(values) : await tableSource(values);
  const settings = resolveModelSettings(values, source.kind);
  const { seed, workers } = seedAndWorkers(values);
  // The pick is checked on gradients the search did not fit; a loaded network has no partner.
  const checkSet = crossCheckSet(
    (settingFlag(values, 'crossCheck') ?? defaultRunSettings.crossCheck) === 'on',
    source.kind,
    settings.neuron,
  );
  const useSecond = checkSet === 'second network' && values['load-model'] === undefined;
  const useBoundary = checkSet === 'boundary points';
  const searchOptions = resolveSearchOptions(values, seed, NETWORK_PICK_RULE);
  let backend: string;
  try {
    backend = await useBackend(settings.backend);
  } catch (error) {
    throw new UsageError(`--backend: ${(error as Error).message}`);
  }
  const timings: Record<string, number> = {};
  const first = await firstNetwork(
    source,
    settings,
    seed,
    backend,
    timer(timings),
    values['load-model'],
    signal,
  );
  const boundary = useBoundary ? first.gradients.boundary : undefined;
  const secondSeed = deriveSeed(seed, SEED_STREAM.secondNetwork);
  const secondTimings: Record<string, number> = {};
  let second: TrainedRun | null = null;
  try {
    if (values['save-model'] !== undefined) {
      await writeModelDir(values['save-model'], first.model, {
        variables: source.variables,
        kind: source.kind,
        network: settings.network,
      });
    }
    if (values['export-gradients'] !== undefined)
      await writeGradients(values['export-gradients'], first.gradients);
    if (useSecond && !signal.aborted) {
      second = await trainAndTakeGradients(
        source,
        settings,
        secondSeed,
        backend,
        timer(secondTimings),
        'second network: ',
        signal,
      );
      timings['second_network_s'] = Object.values(secondTimings).reduce((a, b) => a + b, 0);
    }
    const validation = second ? searchDataOf(second.gradients.gradients) : boundary && searchDataOf(boundary);
    const { result, seconds } = await searchGradients(
      first.gradients.gradients,
      searchOptions,
      workers,
      validation,
      signal,
    );
    timings['search_s'] = seconds;
    timings['total_s'] = Object.values(timings).reduce((a, b) => a + b, 0);
    return buildResultJson({
      variables: source.variables,
      input: source.input,
      seed,
      settings: {
        ...settingsFromFlags(values, (row) => command === 'run' || row.field !== 'experiment'),
        resolved: {
          search: searchOptions,
          network: settings.network,
          train: settings.train,
          pickMadeOn: pickMadeOn(
            second ? 'second network' : boundary ? 'boundary points' : undefined,
            first.gradients.gradients.x[0]?.length ?? 0,
          ),
          workers,
        },
      },
      timings,
      skippedRows: first.gradients.outsideBand + first.gradients.zeroGradient,
      result,
      ...(first.training ? { training: first.training } : {}),
      gradients: gradientFigures(first.gradients),
      ...(second?.training
        ? {
            secondNetwork: {
              seed: secondSeed,
              training: second.training,
              gradients: gradientFigures(second.gradients),
            },
          }
        : {}),
      ...(source.experiment ? { check: verifyStage(result, source.experiment, seed) } : {}),
    });
  } finally {
    first.model.dispose();
    second?.model.dispose();
  }
}
