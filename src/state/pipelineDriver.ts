// Runs the pipeline's stages from the page, one at a time or all at once, with pause, a stop that
// keeps what was found, and reset: a thin adapter from the headless run (src/pipeline/run.ts) to
// the store. The run's artefacts (a network holds tensors) live in the run, outside the store;
// the store gets plain data for the panels.

import { errorText, experimentOf, inputOf } from '../pipeline/experimentOf.ts';
import type { Experiment, NegativeRule } from '../experiments/types.ts';
import { negativesProblem } from '../pipeline/dataStage.ts';
import { DeviceLostError, fallBackFrom, unlessDeviceLost, useBackend } from '../model/backend.ts';
import type { SearchProgress } from '../core/search/search.ts';
import { createLocalRunner } from '../core/search/runners.ts';
import { gradientFigures } from '../pipeline/gradientStage.ts';
import { describeEntry } from '../pipeline/report.ts';
import { readsTheSame } from './frontShown.ts';
import { Run } from '../pipeline/run.ts';
import { experimentSource, runPlanOf, type RunEnvironment, type RunSource } from '../pipeline/runInputs.ts';
import { gradientFileSource, labelledTableSource, pointsSource } from '../pipeline/tableSource.ts';
import type { GradientSet } from '../core/io/gradientFile.ts';
import { tableInUse } from './userTable.ts';
import { freshNetwork, networkInUse } from './userNetwork.ts';
import type { Mlp } from '../model/mlp.ts';
import { warmTraining } from '../model/train.ts';
import { modelSettingsOf, type RunSettings } from '../pipeline/runSettings.ts';
import { SETTINGS } from '../pipeline/settings.ts';
import { neuronValues } from '../pipeline/trainStage.ts';
import { verifyShownRow } from './importResult.ts';
import { startBrowserIslandPool } from './browserIslandPool.ts';
import { checkOffThread, drawDataOffThread, verifyOffThread } from './dataWorker.ts';
import type { Expr } from '../core/expr/types.ts';
import type { EntryCheck, ResultCheck } from '../pipeline/report.ts';
import { PauseGate } from './pauseGate.ts';
import { LiveChecks, untilThePanelsHaveDrawn } from './liveSearch.ts';
import { equationGrid, planeView } from './views.ts';
import { evaluate, SCATTER_POINTS, verifyView } from './verifyView.ts';
import { latentView } from './latentView.ts';
import type { FrontEntry } from '../core/search/hallOfFame.ts';
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
import { formatGradientCsv } from '../core/io/gradientFile.ts';
import { saveModel, WEIGHTS_FILE, type SavedModel } from '../model/modelFormat.ts';

/**
 * The live training curve is redrawn at most this often (ms): a few times a second. Each redraw is
 * a plotly draw and a React commit on the main thread.
 */
const PANEL_REFRESH_MS = 250;
/** The live front, less often: the search waits for each redraw (`untilThePanelsHaveDrawn`). */
const FRONT_REFRESH_MS = 500;

/** What a run is made on: an experiment (the catalogue's or a typed concept) or the user's table. */
interface Subject {
  /** The experiment, where the truth is known; null for a table. */
  experiment: Experiment | null;
  source: RunSource;
  /** A short name for files and titles: the experiment's id, or the table's file name without `.csv`. */
  name: string;
  title: string;
  /** The same subject has the same key: a run on it can go on. */
  key: object;
  /** A network of the user's own: nothing is trained, the run reads this one. */
  ownNetwork?: () => Promise<Mlp>;
  /** A gradient file of the user's own: no network, the search runs on these. */
  givenGradients?: GradientSet;
  /** Where an experiment's negatives come from: a change needs a new run, whose source draws them so. */
  negatives?: NegativeRule;
  /** An equation checked against the experiment's truth in a worker, on the run's check points. */
  checkOffThread?: (tree: Expr, seed: number) => Promise<EntryCheck>;
  /** The verify stage's check of the front and the pick, in a worker. */
  verifyOffThread?: (front: FrontEntry[], best: FrontEntry, seed: number) => Promise<ResultCheck>;
}

/** The run under way (its networks hold tensors, so it lives here, outside the store). */
let current: ({ run: Run } & Subject) | null = null;
let controller: AbortController | null = null;
/** The stages under way, until they have ended (stopped or not). */
let running: Promise<void> | null = null;
const gate = new PauseGate();
const liveChecks = new LiveChecks();

const settings = () => appStore.getState().settings;

/**
 * What the run is made on: the user's table where one is in use, else the experiment the settings
 * name; what is wrong with a typed concept stops the run with its message.
 */
function subjectOf(s: RunSettings): Subject {
  const network = networkInUse();
  const own = appStore.getState().network;
  if (network && own) {
    return {
      experiment: null,
      source: pointsSource(network.points, own.kind, { data: own.pointsFile, model: own.modelFile }),
      name: own.modelFile.replace(/\.json$/i, ''),
      title: `Network ${own.modelFile}`,
      key: network,
      ownNetwork: freshNetwork,
    };
  }
  const table = tableInUse();
  const inUse = appStore.getState().table;
  if (table?.kind === 'gradients' && inUse) {
    return {
      experiment: null,
      source: gradientFileSource(table.gradients, inUse.name),
      name: inUse.name.replace(/\.csv$/i, ''),
      title: `Gradient file ${inUse.name}`,
      key: table,
      givenGradients: table.gradients,
    };
  }
  if (table?.kind === 'labelled' && inUse?.kind === 'labelled') {
    const name = inUse.name.replace(/\.csv$/i, '');
    return {
      experiment: null,
      source: labelledTableSource(table.table, { data: inUse.name, label: inUse.label }),
      name,
      title: `Table ${inUse.name}`,
      key: table,
    };
  }
  const read = experimentOf(s);
  if (!read.ok) throw new Error(`${read.error.field}: ${errorText(read.error)}`);
  const experiment = read.experiment;
  const negatives = s.negatives ?? 'fresh';
  const problem = negativesProblem(experiment, negatives);
  if (problem) throw new Error(`negatives: ${problem}`);
  const named = { experiment: s.experiment, concept: s.concept, box: s.box, threshold: s.threshold };
  return {
    experiment,
    source: {
      ...experimentSource(experiment, negatives),
      input: inputOf(s),
      data: ({ examples, validationFraction }, seed) =>
        drawDataOffThread({ experiment: named, negatives, train: { examples, validationFraction }, seed }),
    },
    checkOffThread: (tree, seed) => checkOffThread({ experiment: named, seed, tree }),
    verifyOffThread: (front, best, seed) => verifyOffThread({ experiment: named, seed, front, best }),
    name: experiment.id,
    title: experiment.title,
    key: experiment,
    negatives,
  };
}

/** The page's environment for a run: its backend, its workers, its panels, its pause and stop. */
function environmentOf(backend: string, signal: AbortSignal): RunEnvironment {
  let lastFrontRefresh = 0;
  let lastCurveRefresh = 0;
  const curves = { epochs: [] as number[], train: [] as number[], validation: [] as number[] };
  const started = performance.now();
  return {
    backend,
    islands: (data, options) =>
      typeof Worker === 'undefined'
        ? Promise.resolve(createLocalRunner(data, options))
        : startBrowserIslandPool(data, options),
    signal,
    gate: gate.wait,
    onEpoch: (network, p) => {
      if (network === 'second') {
        const training = appStore.getState().run.training;
        const epochs = current?.run.plan.model.train.epochs ?? 0;
        // With the first network's last epochs, which its own refreshes may have skipped.
        if (training) updateRun({ training: { ...training, ...curves, second: { epoch: p.epoch, epochs } } });
        return;
      }
      curves.epochs = [...curves.epochs, p.epoch];
      curves.train = [...curves.train, p.trainLoss];
      curves.validation = [...curves.validation, p.validationLoss];
      // The whole curve is drawn once training ends (showTraining).
      const now = performance.now();
      if (now - lastCurveRefresh < PANEL_REFRESH_MS) return;
      lastCurveRefresh = now;
      updateRun({
        training: {
          ...curves,
          seconds: (performance.now() - started) / 1000,
          examplesPerSecond: 0,
          ...(p.pearson !== undefined ? { pearson: p.pearson } : {}),
          ...(p.spearman !== undefined ? { spearman: p.spearman } : {}),
        },
      });
    },
    onRound: async (p) => {
      const now = performance.now();
      const subject = current;
      if (now - lastFrontRefresh < FRONT_REFRESH_MS || !subject) return;
      lastFrontRefresh = now;
      const view = searchView(p, subject.run);
      const shown = appStore.getState().run.search?.front;
      if (shown && readsTheSame(shown, view.front)) view.front = shown;
      // A live check that came back meanwhile shows with the front, in the redraw the search awaits.
      const checked = liveChecks.takeResult();
      updateRun({ search: view, ...(checked ? { liveCheck: checked } : {}) });
      await untilThePanelsHaveDrawn();
      // Its worker starts once the page has drawn, and shares the processor with the islands alone.
      const pick = view.front.find((entry) => entry.complexity === p.best?.complexity);
      if (p.best && pick && subject.checkOffThread) {
        const check = subject.checkOffThread;
        const seed = subject.run.plan.seed;
        liveChecks.consider(pick, (tree) => check(tree, seed), p.best.tree);
      }
    },
  };
}

/**
 * The training stage: the network and, for the pick, the second one. Where the GPU device is lost
 * on the way, training starts again on the next backend, with a notice.
 */
async function trainingStage(run: Run, signal: AbortSignal): Promise<void> {
  let backend = await useBackend(settings().backend, wasmPaths);
  if (current?.givenGradients) return;
  const own = current?.ownNetwork;
  if (own) {
    updateRun({ backend });
    run.useNetwork(await own());
    return;
  }
  for (;;) {
    updateRun({ backend });
    try {
      const stopped = await unlessDeviceLost((stop) => {
        run.environment = environmentOf(backend, stop);
        return run.train();
      }, signal);
      await showTraining(run);
      if (stopped === 'stopped') throw new StoppedError();
      return;
    } catch (error) {
      if (!(error instanceof DeviceLostError)) throw error;
      const lost = backend;
      backend = await fallBackFrom(lost, wasmPaths);
      addNotice(`The GPU device was lost during training (${error.message}); training again on ${backend}.`);
    }
  }
}

/** The training's figures and the neuron against the truth, for the panels. */
async function showTraining(run: Run): Promise<void> {
  const first = run.first;
  const training = appStore.getState().run.training;
  if (!first?.training || !first.model || !training || !run.probe) return;
  const history = first.trained?.result.history;
  updateRun({
    training: {
      ...training,
      // Whole: the live curve is redrawn a few times a second and may lack the last epochs.
      ...(history && {
        epochs: history.map((e) => e.epoch),
        train: history.map((e) => e.trainLoss),
        validation: history.map((e) => e.validationLoss),
      }),
      seconds: run.timings['train_s'] ?? training.seconds,
      examplesPerSecond: first.training.examplesPerSecond,
      ...first.trained?.correlation,
    },
    neuron: {
      neuron: await neuronValues(
        first.model,
        run.plan.neuron,
        run.probe.x.map((column) => column.subarray(0, SCATTER_POINTS)),
      ),
      truth: Array.from(run.probe.truth.subarray(0, SCATTER_POINTS)),
    },
  });
}

async function gradientsStage(run: Run): Promise<void> {
  const given = current?.givenGradients;
  if (given) run.useGradients(given);
  else await run.gradients();
  const first = run.first!;
  const stage = first.gradients!;
  const { neuron } = run.plan;
  updateRun({
    gradients: gradientFigures(stage),
    plane:
      run.source.variables.length === 2 && first.model
        ? await planeView(
            first.model,
            neuron,
            stage.gradients,
            run.source.kind === 'classifier' && neuron.kind === 'output',
          )
        : null,
    // What a latent space of several neurons holds shows before its concepts are searched for.
    latent: stage.latent
      ? latentView(stage.latent, [], run.source.variables, current?.experiment ?? undefined, run.plan.seed)
      : null,
  });
}

function searchView(p: SearchProgress, run: Run): SearchView {
  const pickSince = p.pickChanges.at(-1);
  return {
    round: p.round,
    elapsedSeconds: p.elapsedSeconds,
    evaluations: p.evaluations,
    front: p.front.map((e) => describeEntry(e, run.source.variables)),
    ...(p.best ? { pickComplexity: p.best.complexity } : {}),
    ...(pickSince === undefined ? {} : { pickSince }),
    patienceRounds: run.plan.search.patienceRounds,
  };
}

async function searchingStage(run: Run): Promise<void> {
  liveChecks.reset();
  updateRun({ liveCheck: null });
  // The gradients stage's pictures draw before the workers start and take the processor.
  await untilThePanelsHaveDrawn();
  const result = await run.search();
  if (result.failure) addNotice(`The search stopped early, keeping what it found: ${result.failure}.`);
  // The store renders at once (its equations typeset): in a task of its own, not the search's last.
  await yieldToEventLoop();
  updateRun({ search: searchView(result, run) });
  appStore.setState({ selected: null });
  // Drawn before the verify stage's worker starts and takes the processor.
  await untilThePanelsHaveDrawn();
  await readLatentSpace(run);
}

/** A latent space of several neurons: the concepts its span holds, each shown as it is found. */
async function readLatentSpace(run: Run): Promise<void> {
  const stage = run.first?.gradients;
  const latent = stage?.latent;
  if (!stage || !latent) return;
  const variables = run.source.variables;
  const experiment = current?.experiment ?? undefined;
  const show = (found: readonly FrontEntry[], searching: boolean) =>
    latentView(
      latent,
      found.map((entry) => describeEntry(entry, variables)),
      variables,
      experiment,
      run.plan.seed,
      searching,
    );
  updateRun({ latent: show([], true) });
  const found = await run.latentConcepts((sofar) =>
    updateRun({ latent: show(sofar, sofar.length < latent.rank) }),
  );
  const model = run.first?.model;
  const x = stage.gradients.x.map((column) => column.subarray(0, SCATTER_POINTS));
  const neurons = [];
  for (let unit = 0; model && unit < latent.size; unit++)
    neurons.push(await neuronValues(model, { kind: 'output', unit }, x));
  updateRun({
    latent: {
      ...show(found, false),
      ...(model ? { scatter: { neurons, concepts: found.map((entry) => evaluate(entry.tree, x)) } } : {}),
    },
  });
}

/** Verifications started: the latest is the one shown. */
let verifications = 0;

/** Verification of the pick, or of the row picked by hand; also the result JSON. */
export async function refreshVerification(): Promise<void> {
  const subject = current;
  const run = subject?.run;
  const search = run?.searchResult;
  if (!run || !search || !run.first?.gradients || !subject) {
    // A run shown from a file or from storage: verified from its result alone.
    verifyShownRow(appStore.getState().selected);
    return;
  }
  const selected = appStore.getState().selected;
  const entry = search.front.find((e) => e.complexity === selected) ?? search.best;
  if (!entry) return;
  // In a worker, so the page keeps drawing (refitting a candidate's constants takes a while). A
  // row clicked meanwhile starts another verification, which this one gives way to.
  const mine = ++verifications;
  const check = await subject.verifyOffThread?.(search.front, entry, run.plan.seed);
  // Given way to a later verification, or to a reset or another run.
  if (mine !== verifications || current !== subject) return;
  const shown = appStore.getState().run;
  updateRun({
    ...(check && subject.experiment
      ? { verify: verifyView(entry, subject.experiment, check, run.plan.seed) }
      : {}),
    plane: shown.plane ? { ...shown.plane, equationGrid: equationGrid(entry.tree, shown.plane) } : null,
    result: run.result(entry, check),
  });
}

class StoppedError extends Error {}

const runners: Record<StageId, (run: Run, signal: AbortSignal) => Promise<void>> = {
  // A network of the user's own, or a gradient file, learns from no data.
  data: (run) => (current?.ownNetwork || current?.givenGradients ? Promise.resolve() : run.dataStage()),
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
  for (const stage of STAGES.slice(current ? first : 0)) {
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
 * Starts the chosen backend ahead of the run and trains a throwaway network of the run's shape on
 * it, so their one-time costs fall before training, and shows which backend runs. A backend that
 * cannot start is reported by the training stage.
 */
export async function prepareBackend(): Promise<void> {
  const chosen = settings();
  try {
    updateRun({ backend: await useBackend(chosen.backend, wasmPaths) });
    const { source } = subjectOf(chosen);
    await warmTraining(modelSettingsOf(chosen, source.kind), source.variables.length, source.kind);
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
    const subject = subjectOf(settings());
    if (!current) {
      // A fresh run: panels of a restored or imported run give way to this one's.
      appStore.setState({ run: emptyRun(), selected: null });
    } else if (current.key !== subject.key || current.negatives !== subject.negatives) {
      current.run.dispose();
      current = null;
    }
    current ??= {
      ...subject,
      run: new Run(
        subject.source,
        runPlanOf(settings(), subject.source),
        environmentOf('', controller.signal),
      ),
    };
    const run = current.run;
    for (let i = 0; i < count; i++) {
      const stage = nextStage();
      if (!stage) break;
      // A pause that came while the previous stage ran (a stage may not wait on the gate) holds
      // this one before its first step: say so.
      setStage(stage, gate.paused ? 'paused' : 'running');
      // Each stage starts in a task of its own, after the page has drawn the previous one.
      await yieldToEventLoop();
      try {
        run.plan = runPlanOf(settings(), run.source);
        run.environment = environmentOf(appStore.getState().run.backend ?? '', controller.signal);
        await runners[stage](run, controller.signal);
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

/**
 * Keeps a finished run in the browser, so a reload or the list brings it back. Saved runs are kept
 * by their link, so a run on the user's own table or network, which no link carries, is not kept:
 * its result and bundle export it.
 */
async function saveFinishedRun(): Promise<void> {
  if (!current?.experiment) return;
  const { settings: s, run } = appStore.getState();
  const pick = run.verify?.expr ?? run.result?.best?.expr ?? 'no pick';
  const title = `${current.title} · seed ${s.seed} · ${pick}`;
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
  current?.run.dispose();
  current = null;
  appStore.setState({ run: emptyRun(), selected: null });
}

/** Picks a row of the candidate table by hand; the verification follows it. */
export async function selectRow(complexity: number | null): Promise<void> {
  appStore.setState({ selected: complexity });
  await refreshVerification();
}

/** The gradient file the run's search ran on (`x,…,grad_x,…`), or null before the gradients stage. */
export function gradientFile(): { text: string; fileName: string } | null {
  const gradients = current?.run.first?.gradients?.gradients;
  if (!current || !gradients) return null;
  return {
    text: formatGradientCsv(gradients),
    fileName: `${current.name}-seed${current.run.plan.seed}-gradients.csv`,
  };
}

/** The run's network in the TensorFlow.js layers format (model.json, weights.bin), or null before training. */
export async function networkFiles(): Promise<(SavedModel & { weightsFile: string }) | null> {
  const model = current?.run.first?.model;
  if (!current || !model) return null;
  const saved = await saveModel(model, {
    variables: [...current.run.source.variables],
    kind: current.run.source.kind,
    network: current.run.plan.model.network,
  });
  return { ...saved, weightsFile: WEIGHTS_FILE };
}
