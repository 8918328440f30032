// The page's one store, in slices: the run's settings (what the URL holds), the run's progress
// and artifacts as plain data for the panels, and the view (lecture mode, the hand-picked row).
// Actions are plain functions callable from anywhere, including worker callbacks.

import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';
import type { BackendName } from '../model/options.ts';
import { defaultRunSettings, type RunSettings } from '../pipeline/runSettings.ts';
import type { EntryCheck, KnownFollowed, ResultEntry, ResultJson } from '../pipeline/report.ts';
import type { LatentSpace } from '../pipeline/latentSpace.ts';

import { STAGES, type StageId } from '../pipeline/stages.ts';
import type { TableInUse } from './userTable.ts';
import type { NetworkInUse } from '../pipeline/ownNetwork.ts';
import type { Hideable } from './viewUrl.ts';

export { STAGES, type StageId };
export type StageStatus = 'idle' | 'running' | 'paused' | 'done' | 'stopped' | 'error';

export interface TrainingCurves {
  epochs: number[];
  train: number[];
  validation: number[];
  pearson?: number;
  spearman?: number;
  seconds: number;
  examplesPerSecond: number;
  /** The second network's progress, once it trains. */
  second?: { epoch: number; epochs: number };
}

export interface GradientSummary {
  points: number;
  outsideBand: number;
  zeroGradient: number;
  flatDirections: number;
  quality?: number;
  known?: KnownFollowed;
}

/** Two-input experiments: the data, the gradient field, and level sets to compare. */
export interface PlaneView {
  xName: string;
  yName: string;
  points: { x: number[]; y: number[] };
  arrows: { x: number[]; y: number[]; u: number[]; v: number[] };
  neuronGrid?: { x: number[]; y: number[]; z: number[][] };
  equationGrid?: { x: number[]; y: number[]; z: number[][] };
  /** A classifier's decision boundary: the logit's level 0. */
  boundary?: number;
}

export interface SearchView {
  round: number;
  elapsedSeconds: number;
  evaluations: number;
  front: ResultEntry[];
  pickComplexity?: number;
  /** The round after which the pick's form last changed (absent in files written before it was kept). */
  pickSince?: number;
  /** The search stops once the pick's form has held this many rounds (absent for a restored run). */
  patienceRounds?: number;
}

export interface VerifyView {
  expr: string;
  latex: string;
  pick: number[];
  truth: number[];
  /** The tiered check (`pipeline/verify.ts`). */
  check: EntryCheck;
  /** The concept's simplest known form, as infix text. */
  simplest: string;
  /** The concept sought, in words, where the system keeps others too (then `check.invariant` may name another). */
  sought?: string;
  /** The other concepts known to the data, in words, and what they are to the one sought. */
  others?: string[];
  othersAre?: string;
}

/** The search's pick so far, checked as soon as it shows: the verify stage confirms it once the search ends. */
export interface LiveCheck {
  expr: string;
  latex: string;
  check: EntryCheck;
}

/** A latent space of several neurons: what it holds, and an equation for each concept. */
export interface LatentView {
  size: number;
  /** Relative singular values of the neurons' gradients, median over the points. */
  singularValues: number[];
  rank: number;
  /** Where the experiment is known: how much of each known concept the neurons' span holds (1 = all). */
  known?: LatentSpace['known'];
  /** The relative singular value from which a direction counts as a concept. */
  tolerance: number;
  /** The concepts found so far on the span, each with its check where the truth is known. */
  concepts: (ResultEntry & { check?: EntryCheck })[];
  /** The search for the next concept is under way. */
  searching: boolean;
  /** The concept the experiment seeks, in words, where it names one. */
  sought?: string;
  /** Values at held-out points: each neuron's, and each concept's (for a scatter of one against the other). */
  scatter?: { neurons: number[][]; concepts: number[][] };
}

export interface RunView {
  backend: BackendName | null;
  stages: Record<StageId, StageStatus>;
  /** What went wrong, in words, for the stage that failed. */
  error: string | null;
  training: TrainingCurves | null;
  neuron: { neuron: number[]; truth: number[] } | null;
  gradients: GradientSummary | null;
  plane: PlaneView | null;
  search: SearchView | null;
  verify: VerifyView | null;
  /** While the search runs, its pick so far checked against the truth (`LiveCheck`). */
  liveCheck: LiveCheck | null;
  result: ResultJson | null;
  latent: LatentView | null;
}

export interface AppState {
  settings: RunSettings;
  /** Messages for the user: refused link values, imports, saves. */
  notices: string[];
  lecture: boolean;
  revealTruth: boolean;
  /** The complexity of the row picked by hand in the candidate table, if any. */
  selected: number | null;
  run: RunView;
  /** Finished runs kept in this browser, newest first: titles and links for the list. */
  savedRuns: { key: string; title: string; savedAt: string }[];
  /** A table of the user's own is chosen (in use, or being picked) in place of the settings' experiment. */
  tableMode: boolean;
  /** The table in use, as the panels show it (its rows: `userTable.ts`). */
  table: TableInUse | null;
  /** Lecture mode's guided run: Space runs one stage, then its explanation shows. */
  guided: boolean;
  /** The Pareto front drawn as the papers drew it: a bar per complexity, the pick labelled. */
  paretoBars: boolean;
  /** Lecture mode: the panel shown large, over the page, one at a time. */
  enlarged: Hideable | null;
  /** Panels a link hid (`hide=`), by name. */
  hidden: Hideable[];
  /** A network of the user's own is chosen (in use, or being picked) in place of the settings' experiment. */
  networkMode: boolean;
  /** The network in use, as the panels show it (its files: `userNetwork.ts`). */
  network: NetworkInUse | null;
}

export const emptyRun = (): RunView => ({
  backend: null,
  stages: { data: 'idle', train: 'idle', gradients: 'idle', search: 'idle', verify: 'idle' },
  error: null,
  training: null,
  neuron: null,
  gradients: null,
  plane: null,
  search: null,
  verify: null,
  liveCheck: null,
  result: null,
  latent: null,
});

export const appStore = createStore<AppState>(() => ({
  settings: defaultRunSettings,
  notices: [],
  lecture: false,
  revealTruth: true,
  selected: null,
  run: emptyRun(),
  savedRuns: [],
  tableMode: false,
  table: null,
  networkMode: false,
  network: null,
  hidden: [],
  paretoBars: false,
  guided: false,
  enlarged: null,
}));

/** React binding: components select the least they need. */
export const useApp = <T>(select: (state: AppState) => T): T => useStore(appStore, select);

export function updateRun(patch: Partial<RunView>): void {
  appStore.setState((s) => ({ run: { ...s.run, ...patch } }));
}

export function setStage(stage: StageId, status: StageStatus): void {
  appStore.setState((s) => ({ run: { ...s.run, stages: { ...s.run.stages, [stage]: status } } }));
}

export function addNotice(message: string): void {
  appStore.setState((s) => ({ notices: [...s.notices, message] }));
}

export function dismissNotices(): void {
  appStore.setState({ notices: [] });
}

/** Whether a stage is running or paused. */
export const runIsBusy = (state: AppState = appStore.getState()): boolean =>
  STAGES.some((stage) => state.run.stages[stage] === 'running' || state.run.stages[stage] === 'paused');

/**
 * The settings become `next`, unless a stage is running or paused: settings are locked then, so
 * that a run, and the saved run, always matches its link. Returns whether they changed.
 */
export function setSettings(next: RunSettings): boolean {
  if (runIsBusy()) {
    addNotice('Settings are locked while a stage runs or is paused: stop it first.');
    return false;
  }
  appStore.setState({ settings: next });
  return true;
}
