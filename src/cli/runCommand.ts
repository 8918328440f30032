// `run --experiment ID` and `train --data FILE.csv --label COLUMN`: the whole pipeline in Node
// (data, training, gradients, search, verification) on the WASM backend, writing the result
// JSON with the training figures added.

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
import { gradientFigures, gradientPoints, gradientStage } from '../pipeline/gradientStage.ts';
import { buildResultJson, type ResultJson, type TrainingFigures } from '../pipeline/report.ts';
import { initialNetwork, trainingFigures, trainStage, truthProbe } from '../pipeline/trainStage.ts';
import { NETWORK_PICK_LOSS_FACTOR, NETWORK_PICK_STANDARD_ERRORS } from '../pipeline/searchStage.ts';
import { verifyStage } from '../pipeline/verify.ts';
import { readModelDir, writeModelDir } from './modelFiles.ts';
import { resolveModelSettings, type ModelCommandSettings } from './modelOptions.ts';
import type { RawOptions } from './options.ts';
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

export async function runCommand(command: 'run' | 'train', values: RawOptions): Promise<ResultJson> {
  const source = command === 'run' ? experimentSource(values) : await tableSource(values);
  const settings = resolveModelSettings(values, source.kind);
  const { seed, workers } = seedAndWorkers(values);
  const searchOptions = resolveSearchOptions(values, seed, source.experiment, {
    pickLossFactor: NETWORK_PICK_LOSS_FACTOR,
    pickStandardErrors: NETWORK_PICK_STANDARD_ERRORS,
  });
  let backend: string;
  try {
    backend = await useBackend(settings.backend);
  } catch (error) {
    throw new UsageError(`--backend: ${(error as Error).message}`);
  }
  const timings: Record<string, number> = {};
  const timed = async <T>(key: string, work: () => Promise<T> | T): Promise<T> => {
    const started = performance.now();
    const value = await work();
    timings[key] = (performance.now() - started) / 1000;
    return value;
  };

  let model: Mlp;
  let data: TrainingData | null = null;
  let training: TrainingFigures | undefined;
  const probe = source.experiment ? truthProbe(source.experiment, seed) : null;
  if (values['load-model'] !== undefined) {
    const loaded = await readModelDir(values['load-model']);
    checkLoadedModel(loaded.metadata, source, values['load-model']);
    model = loaded.model;
  } else {
    data = await timed('data_s', () => source.data(settings, seed));
    model = initialNetwork(data, settings, seed);
    const progress = terminalTrainingProgress(process.stderr, settings.train.epochs);
    const controller = new AbortController();
    const onInterrupt = (): void => controller.abort();
    process.once('SIGINT', onInterrupt);
    try {
      const trained = await timed('train_s', () =>
        trainStage(model, data as TrainingData, settings, seed, probe, settings.neuron, {
          onEpoch: progress.update,
          signal: controller.signal,
        }),
      );
      training = trainingFigures(backend, trained);
    } catch (error) {
      if (error instanceof TrainingDivergedError) throw new UsageError(error.message);
      throw error;
    } finally {
      process.off('SIGINT', onInterrupt);
      progress.done();
    }
  }
  try {
    if (values['save-model'] !== undefined) {
      await writeModelDir(values['save-model'], model, {
        variables: source.variables,
        kind: source.kind,
        network: settings.network,
      });
    }
    const stage = await timed('gradients_s', () =>
      gradientStage(
        model,
        source.points(seed, data, settings.points),
        source.variables,
        {
          neuron: settings.neuron,
          points: settings.points,
          ...(source.kind === 'classifier' ? { band: settings.band } : {}),
        },
        source.experiment?.truth,
      ),
    );
    if (values['export-gradients'] !== undefined) {
      try {
        await writeFile(values['export-gradients'], formatGradientCsv(stage.gradients));
      } catch (error) {
        throw new UsageError(
          `--export-gradients: cannot write ${values['export-gradients']} (${(error as NodeJS.ErrnoException).code ?? 'error'})`,
        );
      }
    }
    const { result, seconds } = await searchGradients(
      stage.gradients,
      searchOptions,
      workers,
      source.experiment?.search.subspaceOnly ? stage.normals : [],
    );
    timings['search_s'] = seconds;
    timings['total_s'] = Object.values(timings).reduce((a, b) => a + b, 0);
    return buildResultJson({
      variables: source.variables,
      input: source.input,
      seed,
      settings: {
        ...searchOptions,
        workers,
        preset: settings.preset,
        network: settings.network,
        train: settings.train,
        neuron: settings.neuron,
        points: settings.points,
        band: settings.band,
      },
      timings,
      skippedRows: stage.outsideBand + stage.zeroGradient,
      result,
      ...(training ? { training } : {}),
      gradients: gradientFigures(stage),
      ...(source.experiment ? { check: verifyStage(result, source.experiment, seed) } : {}),
    });
  } finally {
    model.dispose();
  }
}
