// Runs the pipeline's stages from the page: one at a time or all at once, with pause, a stop that
// keeps what was found, and reset. The stages' artifacts (data, the trained network, gradients,
// the search result) live here, outside the store, since a network holds tensors; the store
// gets plain data for the panels.

import { findExperiment } from '../experiments/index.ts';
import type { Experiment } from '../experiments/types.ts';
import { DeviceLostError, fallBackFrom, unlessDeviceLost, useBackend } from '../model/backend.ts';
import type { BackendName } from '../model/options.ts';
import type { Mlp } from '../model/mlp.ts';
import type { TrainingData } from '../model/trainingData.ts';
import type { SearchProgress, SearchResult } from '../core/search/search.ts';
import type { SearchOptions } from '../core/search/options.ts';
import { createLocalRunner, type IslandPool } from '../core/search/runners.ts';
import { experimentData } from '../pipeline/dataStage.ts';
import {
  gradientFigures,
  gradientPoints,
  gradientStage,
  type GradientStageResult,
} from '../pipeline/gradientStage.ts';
import { buildResultJson, describeEntry, type TrainingFigures } from '../pipeline/report.ts';
import {
  modelSettingsOf,
  searchOptionsOf,
  usesSecondNetwork,
  type RunSettings,
} from '../pipeline/runSettings.ts';
import { SEED_STREAM } from '../pipeline/truthGradients.ts';
import { SETTINGS } from '../pipeline/settings.ts';
import { deriveSeed } from '../core/rng.ts';
import { verifyShownRow } from './importResult.ts';
import { fitAndPickSets, pickMadeOn, searchDataOf, searchStage } from '../pipeline/searchStage.ts';
import {
  initialNetwork,
  neuronValues,
  trainingFigures,
  trainStage,
  truthProbe,
  type Probe,
} from '../pipeline/trainStage.ts';
import { checkPoints, verifyStage, type CheckPoints } from '../pipeline/verify.ts';
import { startBrowserIslandPool } from './browserIslandPool.ts';
import { PauseGate } from './pauseGate.ts';
import { equationGrid, planeView } from './views.ts';
import { SCATTER_POINTS, verifyView } from './verifyView.ts';
import {
  addNotice,
  appStore,
  emptyRun,
  setStage,
  STAGES,
  updateRun,
  type SearchView,
  type StageId,
} from './store.ts';
import { saveCurrentRun } from './savedRuns.ts';
import { wasmPaths } from './wasmAssets.ts';
import { yieldToEventLoop } from '../core/yieldToEventLoop.ts';

/** Front snapshots reach the page at most this often (ms): a few times a second. */
const FRONT_REFRESH_MS = 250;

interface Artifacts {
  experiment: Experiment;
  data?: TrainingData;
  probe?: Probe;
  model?: Mlp;
  training?: TrainingFigures;
  gradients?: GradientStageResult;
  /** A latent run's second network, trained from another seed; the pick is made on its gradients. */
  second?: { model: Mlp; seed: number; training: TrainingFigures; gradients?: GradientStageResult };
  searchOptions?: SearchOptions;
  search?: SearchResult;
  /** The check's fresh points, drawn once per run. */
  checkPoints?: CheckPoints;
  timings: Record<string, number>;
}

let artifacts: Artifacts | null = null;
let controller: AbortController | null = null;
let pool: IslandPool | null = null;
/** The stages under way, until they have ended (stopped or not). */
let running: Promise<void> | null = null;
const gate = new PauseGate();

const settings = () => appStore.getState().settings;

function experimentOf(id: string): Experiment {
  const experiment = findExperiment(id);
  if (!experiment) throw new Error(`unknown experiment "${id}"`);
  return experiment;
}

const timed = async <T>(key: string, work: () => Promise<T>): Promise<T> => {
  const started = performance.now();
  const value = await work();
  if (artifacts) artifacts.timings[key] = (performance.now() - started) / 1000;
  return value;
};

/** The experiment's training examples under the run's settings, drawn from `seed`. */
function trainingDataFor(experiment: Experiment, s: RunSettings, seed: number): TrainingData {
  const { train } = modelSettingsOf(s, experiment.kind);
  return experimentData(
    experiment,
    { examples: train.examples, validationFraction: train.validationFraction },
    seed,
  );
}

async function dataStage(a: Artifacts): Promise<void> {
  const s = settings();
  a.data = await timed('data_s', async () => trainingDataFor(a.experiment, s, s.seed));
  a.probe = truthProbe(a.experiment, s.seed);
}

/**
 * The training stage: the network and, for the pick, the second one. Where the GPU device is lost
 * on the way, training starts again on the next backend, with a notice.
 */
async function trainingStage(a: Artifacts, signal: AbortSignal): Promise<void> {
  const s = settings();
  if (!a.data || !a.probe) throw new Error('run the data stage first');
  let backend = await useBackend(s.backend, wasmPaths);
  for (;;) {
    updateRun({ backend });
    try {
      await unlessDeviceLost(async (stop) => {
        await trainNetwork(a, backend, stop);
        if (usesSecondNetwork(s, a.experiment)) await trainSecondNetwork(a, backend, stop);
      }, signal);
      return;
    } catch (error) {
      if (!(error instanceof DeviceLostError)) throw error;
      try {
        disposeNetworks(a);
      } catch {
        // Their memory went with the device.
      }
      const lost = backend;
      backend = await fallBackFrom(lost, wasmPaths);
      addNotice(`The GPU device was lost during training (${error.message}); training again on ${backend}.`);
    }
  }
}

/** The run's network, trained on `backend`. */
async function trainNetwork(a: Artifacts, backend: BackendName, signal: AbortSignal): Promise<void> {
  const s = settings();
  if (!a.data || !a.probe) throw new Error('run the data stage first');
  const modelSettings = modelSettingsOf(s, a.experiment.kind);
  disposeNetworks(a);
  const model = initialNetwork(a.data, modelSettings, s.seed);
  a.model = model;
  const curves = {
    epochs: [] as number[],
    train: [] as number[],
    validation: [] as number[],
    seconds: 0,
    examplesPerSecond: 0,
  };
  const started = performance.now();
  const trained = await timed('train_s', () =>
    trainStage(model, a.data as TrainingData, modelSettings, s.seed, a.probe ?? null, s.neuron, {
      signal,
      gate: gate.wait,
      onEpoch: (p) => {
        curves.epochs = [...curves.epochs, p.epoch];
        curves.train = [...curves.train, p.trainLoss];
        curves.validation = [...curves.validation, p.validationLoss];
        curves.seconds = (performance.now() - started) / 1000;
        updateRun({
          training: {
            ...curves,
            ...(p.pearson !== undefined ? { pearson: p.pearson } : {}),
            ...(p.spearman !== undefined ? { spearman: p.spearman } : {}),
          },
        });
      },
    }),
  );
  a.training = trainingFigures(backend, trained);
  updateRun({
    training: { ...curves, examplesPerSecond: a.training.examplesPerSecond, ...trained.correlation },
    neuron: {
      neuron: await neuronValues(
        model,
        s.neuron,
        a.probe.x.map((column) => column.subarray(0, SCATTER_POINTS)),
      ),
      truth: Array.from(a.probe.truth.subarray(0, SCATTER_POINTS)),
    },
  });
  if (trained.result.stopReason === 'stopped') throw new StoppedError();
}

/** The second network: its own data, weights and shuffling, all from a seed derived from the run's. */
async function trainSecondNetwork(a: Artifacts, backend: BackendName, signal: AbortSignal): Promise<void> {
  const s = settings();
  const modelSettings = modelSettingsOf(s, a.experiment.kind);
  const seed = deriveSeed(s.seed, SEED_STREAM.secondNetwork);
  const data = trainingDataFor(a.experiment, s, seed);
  const model = initialNetwork(data, modelSettings, seed);
  const training = appStore.getState().run.training;
  const report = (epoch: number): void => {
    if (training)
      updateRun({ training: { ...training, second: { epoch, epochs: modelSettings.train.epochs } } });
  };
  try {
    const trained = await timed('second_network_s', () =>
      trainStage(model, data, modelSettings, seed, null, s.neuron, {
        signal,
        gate: gate.wait,
        onEpoch: (p) => report(p.epoch),
      }),
    );
    if (trained.result.stopReason === 'stopped') throw new StoppedError();
    a.second = { model, seed, training: trainingFigures(backend, trained) };
  } catch (error) {
    model.dispose();
    throw error;
  }
}

function disposeNetworks(a: Artifacts): void {
  a.model?.dispose();
  a.second?.model.dispose();
  delete a.model;
  delete a.second;
}

async function gradientsStage(a: Artifacts): Promise<void> {
  const s = settings();
  if (!a.model) throw new Error('train the network first');
  const model = a.model;
  const stage = await timed('gradients_s', () =>
    gradientStage(
      model,
      gradientPoints(a.experiment, s.points, s.seed),
      a.experiment.variables,
      {
        neuron: s.neuron,
        points: s.points,
        ...(a.experiment.kind === 'classifier' ? { band: s.band } : {}),
      },
      a.experiment.truth,
    ),
  );
  a.gradients = stage;
  if (a.second) {
    const second = a.second;
    second.gradients = await timed('second_gradients_s', () =>
      gradientStage(
        second.model,
        gradientPoints(a.experiment, s.points, second.seed),
        a.experiment.variables,
        { neuron: s.neuron, points: s.points },
      ),
    );
  }
  updateRun({
    gradients: gradientFigures(stage),
    plane:
      a.experiment.variables.length === 2
        ? await planeView(
            model,
            s.neuron,
            stage.gradients,
            a.experiment.kind === 'classifier' && s.neuron.kind === 'output',
          )
        : null,
  });
}

function searchView(p: SearchProgress, variables: readonly string[]): SearchView {
  return {
    round: p.round,
    elapsedSeconds: p.elapsedSeconds,
    evaluations: p.evaluations,
    front: p.front.map((e) => describeEntry(e, variables)),
    ...(p.best ? { pickComplexity: p.best.complexity } : {}),
  };
}

async function searchingStage(a: Artifacts, signal: AbortSignal): Promise<void> {
  const s = settings();
  if (!a.gradients) throw new Error('take the gradients first');
  const g = a.gradients.gradients;
  if ((g.x[0]?.length ?? 0) === 0)
    throw new Error('no usable gradient points: widen the band or train longer');
  const second = a.second?.gradients;
  const boundary = s.crossCheck === 'on' ? a.gradients.boundary : undefined;
  const validation = second ? searchDataOf(second.gradients) : boundary && searchDataOf(boundary);
  const options = searchOptionsOf(s);
  a.searchOptions = options;
  const { fit: data, pick } = fitAndPickSets(searchDataOf(g), validation);
  pool = typeof Worker === 'undefined' ? null : await startBrowserIslandPool(data, options);
  let lastRefresh = 0;
  try {
    a.search = await timed('search_s', () =>
      searchStage(
        data,
        options,
        pool ?? createLocalRunner(data, options),
        {
          signal,
          gate: gate.wait,
          onRound: (p) => {
            const now = performance.now();
            if (now - lastRefresh < FRONT_REFRESH_MS) return;
            lastRefresh = now;
            updateRun({
              search: searchView(p, g.variables),
            });
          },
        },
        pick,
      ),
    );
  } finally {
    pool?.terminate();
    pool = null;
  }
  const result = a.search;
  if (result.failure) addNotice(`The search stopped early, keeping what it found: ${result.failure}.`);
  updateRun({
    search: searchView(result, g.variables),
  });
  appStore.setState({ selected: null });
}

/** Verification of the pick, or of the row picked by hand; also the result JSON. */
export async function refreshVerification(): Promise<void> {
  const a = artifacts;
  if (!a?.search || !a.gradients) {
    // A run shown from a file or from storage: verified from its result alone.
    verifyShownRow(appStore.getState().selected);
    return;
  }
  const s = settings();
  const selected = appStore.getState().selected;
  const entry = a.search.front.find((e) => e.complexity === selected) ?? a.search.best;
  if (!entry) return;
  // In slices, so the page keeps drawing: the check points, the check, the pictures.
  const x = (a.checkPoints ??= checkPoints(a.experiment, s.seed));
  await yieldToEventLoop();
  const check = verifyStage({ ...a.search, best: entry }, a.experiment, s.seed, x);
  await yieldToEventLoop();
  const g = a.gradients;
  const run = appStore.getState().run;
  updateRun({
    verify: verifyView(entry, a.experiment, check, s.seed),
    plane: run.plane ? { ...run.plane, equationGrid: equationGrid(entry.tree, run.plane) } : null,
    result: buildResultJson({
      variables: [...a.experiment.variables],
      input: { experiment: a.experiment.id },
      seed: s.seed,
      settings: {
        ...s,
        resolved: {
          search: a.searchOptions ?? searchOptionsOf(s),
          ...modelSettingsOf(s, a.experiment.kind),
          pickMadeOn: pickMadeOn(
            a.second?.gradients
              ? 'second network'
              : s.crossCheck === 'on' && g.boundary
                ? 'boundary points'
                : undefined,
            g.gradients.x[0]?.length ?? 0,
          ),
        },
      },
      timings: { ...a.timings, total_s: Object.values(a.timings).reduce((x, y) => x + y, 0) },
      skippedRows: g.outsideBand + g.zeroGradient,
      result: { ...a.search, best: entry },
      ...(a.training ? { training: a.training } : {}),
      gradients: gradientFigures(g),
      ...(a.second?.gradients
        ? {
            secondNetwork: {
              seed: a.second.seed,
              training: a.second.training,
              gradients: gradientFigures(a.second.gradients),
            },
          }
        : {}),
      check,
    }),
  });
}

class StoppedError extends Error {}

const runners: Record<StageId, (a: Artifacts, signal: AbortSignal) => Promise<void>> = {
  data: dataStage,
  train: trainingStage,
  gradients: gradientsStage,
  search: searchingStage,
  verify: refreshVerification,
};

/** The first stage each setting shapes: changing it re-opens that stage and those after it. */
/** The first stage each setting shapes, from the settings table. */
const SHAPES = new Map<keyof RunSettings, StageId>(SETTINGS.map((row) => [row.field, row.stage]));

function reopenStagesShapedBy(next: RunSettings, previous: RunSettings): void {
  const changed = [...SHAPES].filter(([key]) => JSON.stringify(next[key]) !== JSON.stringify(previous[key]));
  const first = Math.min(...changed.map(([, stage]) => STAGES.indexOf(stage)));
  if (!Number.isFinite(first)) return;
  const stages = appStore.getState().run.stages;
  for (const stage of STAGES.slice(artifacts ? first : 0)) {
    if (stages[stage] !== 'running' && stages[stage] !== 'paused') setStage(stage, 'idle');
  }
}

appStore.subscribe((state, previous) => {
  if (state.settings !== previous.settings) reopenStagesShapedBy(state.settings, previous.settings);
});

/** The first stage not yet done. */
function nextStage(): StageId | undefined {
  const stages = appStore.getState().run.stages;
  return STAGES.find((stage) => stages[stage] !== 'done');
}

/**
 * Starts the chosen backend ahead of the run, so its one-time cost falls before training, and
 * shows which backend runs. A backend that cannot start is reported by the training stage.
 */
export async function prepareBackend(): Promise<void> {
  try {
    updateRun({ backend: await useBackend(settings().backend, wasmPaths) });
  } catch {
    // The training stage tries again and says why in the status line.
  }
}

/** Runs stages from the next one; `count` of them, or all. */
function runFromNext(count: number): Promise<void> {
  if (running) return running;
  running = runStages(count).finally(() => (running = null));
  return running;
}

async function runStages(count: number): Promise<void> {
  controller = new AbortController();
  gate.resume();
  try {
    if (!artifacts) {
      // A fresh run: panels of a restored or imported run give way to this one's.
      artifacts = { experiment: experimentOf(settings().experiment), timings: {} };
      appStore.setState({ run: emptyRun(), selected: null });
    }
    if (artifacts.experiment.id !== settings().experiment) {
      disposeNetworks(artifacts);
      artifacts = { experiment: experimentOf(settings().experiment), timings: {} };
    }
    for (let i = 0; i < count; i++) {
      const stage = nextStage();
      if (!stage) break;
      setStage(stage, 'running');
      // Each stage starts in a task of its own, after the page has drawn the previous one.
      await yieldToEventLoop();
      try {
        await runners[stage](artifacts, controller.signal);
        setStage(stage, controller.signal.aborted ? 'stopped' : 'done');
        if (controller.signal.aborted) break;
      } catch (error) {
        if (error instanceof StoppedError || controller.signal.aborted) {
          setStage(stage, 'stopped');
          break;
        }
        console.error(error);
        setStage(stage, 'error');
        updateRun({ error: `${stage}: ${(error as Error).message}` });
        break;
      }
    }
  } finally {
    controller = null;
  }
  if (STAGES.every((stage) => appStore.getState().run.stages[stage] === 'done')) await saveFinishedRun();
}

/** Keeps a finished run in the browser, so a reload or the list brings it back. */
async function saveFinishedRun(): Promise<void> {
  const { settings: s, run } = appStore.getState();
  const title = `${artifacts?.experiment.title ?? s.experiment} · seed ${s.seed} · ${run.verify?.expr ?? 'no pick'}`;
  try {
    await saveCurrentRun(title);
  } catch (error) {
    addNotice(
      `This run could not be saved in the browser (${(error as Error).message}); export it to keep it.`,
    );
  }
}

export const runAll = (): Promise<void> => runFromNext(STAGES.length);
export const runNextStage = (): Promise<void> => runFromNext(1);

export function pause(): void {
  if (!running) return;
  gate.pause();
  const stage = STAGES.find((s) => appStore.getState().run.stages[s] === 'running');
  if (stage) setStage(stage, 'paused');
}

export function resume(): void {
  gate.resume();
  const stage = STAGES.find((s) => appStore.getState().run.stages[s] === 'paused');
  if (stage) setStage(stage, 'running');
}

export const isPaused = (): boolean => gate.paused;

/** Ends the running stage between two steps; everything found so far stays. */
export function stop(): void {
  controller?.abort();
  gate.resume();
}

/**
 * Forgets the run: stops it, waits until the stage under way has ended (it may still be using
 * the network), then frees the networks and clears every panel.
 */
export async function reset(): Promise<void> {
  stop();
  await running;
  if (artifacts) disposeNetworks(artifacts);
  artifacts = null;
  appStore.setState({ run: emptyRun(), selected: null });
}

/** Picks a row of the candidate table by hand; the verification follows it. */
export async function selectRow(complexity: number | null): Promise<void> {
  appStore.setState({ selected: complexity });
  await refreshVerification();
}
