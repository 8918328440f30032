// `run --experiment ID` and `train --data FILE.csv --label COLUMN`: the whole pipeline in Node
// (data, training, gradients, search, verification) on the WASM backend, writing the result
// JSON with the training figures added.

import { untilInterrupted } from './interrupt.ts';
import { writeFile } from 'node:fs/promises';
import { formatFileError, formatGradientCsv } from '../core/io/gradientFile.ts';
import { readLabelledCsv, readPointsCsv } from '../core/io/labelledCsv.ts';
import { createLocalRunner } from '../core/search/runners.ts';
import { useBackend } from '../model/backend.ts';
import type { ModelMetadata } from '../model/modelFormat.ts';
import { TrainingDivergedError } from '../model/train.ts';
import type { Mlp } from '../model/mlp.ts';
import { labelledTableSource, pointsSource } from '../pipeline/tableSource.ts';
import { negativesProblem } from '../pipeline/dataStage.ts';
import type { Experiment, NegativeRule } from '../experiments/types.ts';
import { inputMismatch } from '../pipeline/ownNetwork.ts';
import type { GradientStageResult } from '../pipeline/gradientStage.ts';
import type { ResultJson } from '../pipeline/report.ts';
import { NETWORK_PICK_RULE } from '../pipeline/pickRule.ts';
import { Run } from '../pipeline/run.ts';
import { experimentSource, type RunSource } from '../pipeline/runInputs.ts';
import {
  errorText,
  experimentOf,
  inputOf,
  typesConcept,
  type ExperimentSettings,
} from '../pipeline/experimentOf.ts';
import { CONCEPT_ID } from '../experiments/concept.ts';
import { defaultRunSettings } from '../pipeline/runSettings.ts';
import { readModelDir, writeModelDir } from './modelFiles.ts';
import { resolveModelSettings } from './modelOptions.ts';
import { startNodeIslandPool } from './nodeIslandPool.ts';
import type { RawOptions } from './options.ts';
import { settingFlag, settingsFromFlags } from './settingFlags.ts';
import { terminalProgress, terminalTrainingProgress } from './progress.ts';
import {
  readText,
  resolveExperiment,
  resolveSearchOptions,
  seedAndWorkers,
  type CommandArtefacts,
} from './searchCommand.ts';
import { UsageError } from './usageError.ts';

/** `run --experiment ID` (a catalogue experiment), or `run --concept FORMULA --box BOX [--threshold T]`. */
function experimentRunSource(values: RawOptions): RunSource {
  const typed = conceptSettings(values);
  if (!typesConcept(typed)) {
    if (values.experiment === undefined)
      throw new UsageError(
        'run needs --experiment ID, or --concept FORMULA --box NAME:LOW:HIGH,... [--threshold T]',
      );
    return experimentSource(
      checkedNegatives(resolveExperiment(values.experiment), values),
      negativesOf(values),
    );
  }
  if (values.experiment !== undefined)
    throw new UsageError('--experiment and --concept each name what to learn: give one of them');
  const read = experimentOf(typed);
  if (!read.ok) throw new UsageError(`--${read.error.field}: ${errorText(read.error)}`);
  return {
    ...experimentSource(checkedNegatives(read.experiment, values), negativesOf(values)),
    input: inputOf(typed),
  };
}

const negativesOf = (values: RawOptions): NegativeRule => settingFlag(values, 'negatives') ?? 'fresh';

/** `experiment`, where it can draw its negatives as `--negatives` asks. */
function checkedNegatives(experiment: Experiment, values: RawOptions): Experiment {
  const problem = negativesProblem(experiment, negativesOf(values));
  if (problem) throw new UsageError(`--negatives: ${problem}`);
  return experiment;
}

/** The typed concept's settings as the command line gives them (none of them: no typed concept). */
function conceptSettings(values: RawOptions): ExperimentSettings {
  return {
    experiment: values.experiment ?? '',
    concept: settingFlag(values, 'concept'),
    box: settingFlag(values, 'box'),
    threshold: settingFlag(values, 'threshold'),
  };
}

async function tableSource(values: RawOptions): Promise<RunSource> {
  if (values.data === undefined || values.label === undefined)
    throw new UsageError('train needs --data FILE.csv and --label COLUMN');
  const read = readLabelledCsv(await readText(values.data), values.data, values.label);
  if (!read.ok) throw new UsageError(formatFileError(read.error));
  return labelledTableSource(read.value, { data: values.data, label: values.label });
}

function checkLoadedModel(metadata: ModelMetadata, source: RunSource, dir: string): void {
  const differs = inputMismatch(
    metadata,
    source.variables,
    source.experiment ? 'the experiment' : 'the table',
  );
  if (differs) throw new UsageError(`--load-model: ${dir}: ${differs}`);
}

/**
 * `run --data FILE.csv --load-model DIR`: a network of the user's own, read at the table's points
 * (every column an input); nothing is trained, and there is no truth to check.
 */
async function ownNetworkSource(values: RawOptions): Promise<{ source: RunSource; model: Mlp }> {
  const file = values.data!;
  const dir = values['load-model'];
  if (dir === undefined)
    throw new UsageError(
      "run --data FILE.csv reads a network of your own at the table's points: add --load-model DIR (train --data FILE.csv --label COLUMN trains one)",
    );
  if (values.label !== undefined)
    throw new UsageError(
      '--label: run --data reads points for a network of your own; train --data takes a label',
    );
  const read = readPointsCsv(await readText(file), file);
  if (!read.ok) throw new UsageError(formatFileError(read.error));
  const points = read.value;
  const loaded = await readModelDir(dir, points.variables);
  const source = pointsSource(points, loaded.metadata.kind, { data: file, model: dir });
  checkLoadedModel(loaded.metadata, source, dir);
  return { source, model: loaded.model };
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
export function runCommand(
  command: 'run' | 'train',
  values: RawOptions,
  artefacts: CommandArtefacts = {},
): Promise<ResultJson> {
  return untilInterrupted((signal) => runPipeline(command, values, signal, artefacts));
}

/** `run` and `train` until `signal` (Ctrl-C) ends them: see `runCommand`. */
export async function runPipeline(
  command: 'run' | 'train',
  values: RawOptions,
  signal: AbortSignal,
  artefacts: CommandArtefacts = {},
): Promise<ResultJson> {
  // The backend first: a network of the user's own is read onto it.
  let backend: string;
  try {
    backend = await useBackend(settingFlag(values, 'backend') ?? defaultRunSettings.backend);
  } catch (error) {
    throw new UsageError(`--backend: ${(error as Error).message}`);
  }
  const own = command === 'run' && values.data !== undefined ? await ownNetworkSource(values) : null;
  const source = own?.source ?? (command === 'run' ? experimentRunSource(values) : await tableSource(values));
  const settings = resolveModelSettings(values, source.kind);
  const { seed, workers } = seedAndWorkers(values);
  const search = resolveSearchOptions(values, seed, NETWORK_PICK_RULE);
  const training = {
    first: terminalTrainingProgress(process.stderr, settings.train.epochs),
    second: terminalTrainingProgress(process.stderr, settings.train.epochs, 'second network: '),
  };
  const searching = terminalProgress(process.stderr);
  const run = new Run(
    source,
    {
      seed,
      model: settings,
      neuron: settings.neuron,
      points: settings.points,
      band: settings.band,
      crossCheck: (settingFlag(values, 'crossCheck') ?? defaultRunSettings.crossCheck) === 'on',
      search,
      settings: settingsFromFlags(
        values,
        (row) => row.field !== 'experiment' || (command === 'run' && source.experiment?.id !== CONCEPT_ID),
      ),
    },
    {
      backend,
      islands: async (data, options) =>
        workers > 0 ? startNodeIslandPool(workers, data, options) : createLocalRunner(data, options),
      signal,
      onEpoch: (network, progress) => training[network].update(progress),
      onRound: searching.update,
      workers,
    },
  );
  try {
    const loadDir = values['load-model'];
    if (own) {
      run.useNetwork(own.model);
    } else if (loadDir === undefined) {
      await run.dataStage();
      await trained(() => run.train());
    } else {
      await run.dataStage();
      // A loaded network has no partner to check the pick on.
      const loaded = await readModelDir(loadDir);
      checkLoadedModel(loaded.metadata, source, loadDir);
      run.useNetwork(loaded.model);
    }
    training.first.done();
    training.second.done();
    await run.gradients();
    const first = run.first!;
    artefacts.gradients = first.gradients!.gradients;
    if (values['save-model'] !== undefined)
      // The command line always has a network here: it never gives a run its gradients.
      await writeModelDir(values['save-model'], first.model!, {
        variables: source.variables,
        kind: source.kind,
        network: settings.network,
      });
    if (values['export-gradients'] !== undefined)
      await writeGradients(values['export-gradients'], first.gradients!);
    if ((first.gradients!.gradients.x[0]?.length ?? 0) === 0)
      throw new UsageError('no usable points: every row had a non-finite value or a zero gradient');
    const result = await run.search();
    searching.done();
    if (result.failure)
      process.stderr.write(`search stopped early, keeping what it found: ${result.failure}\n`);
    await run.latentConcepts();
    return run.result();
  } finally {
    training.first.done();
    training.second.done();
    searching.done();
    run.dispose();
  }
}

/** Training, with a diverged one reported as a usage error (the options call for another rate). */
async function trained<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof TrainingDivergedError) throw new UsageError(error.message);
    throw error;
  }
}
