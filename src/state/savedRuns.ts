// Finished runs kept in the browser (IndexedDB through idb-keyval): each holds its settings, its
// result JSON and the plain data of its panels, so a reload or a pick from the list shows the
// run again, plots and all, without recomputing it.

import { createStore, del, entries, set } from 'idb-keyval';
import type { RunSettings } from '../pipeline/runSettings.ts';
import { serializeRunUrl } from './url.ts';
import { appStore, STAGES, type RunView, type StageId, type StageStatus } from './store.ts';

export interface SavedRun {
  /** The run's link (its settings as a query string): one saved run per link. */
  key: string;
  savedAt: string;
  title: string;
  settings: RunSettings;
  view: RunView;
}

/** At most this many runs are kept; the oldest go first. */
const KEEP = 30;

const store = () => createStore('symbolic-gradients-explorer', 'runs');

const allDone = (): Record<StageId, StageStatus> =>
  Object.fromEntries(STAGES.map((s) => [s, 'done'])) as Record<StageId, StageStatus>;

export async function listSavedRuns(): Promise<SavedRun[]> {
  const all = (await entries<string, SavedRun>(store())).map(([, run]) => run);
  return all.sort((a, b) => b.savedAt.localeCompare(a.savedAt));
}

/** Refreshes the store's list of saved runs. */
export async function refreshSavedList(): Promise<void> {
  const runs = await listSavedRuns();
  appStore.setState({ savedRuns: runs.map(({ key, title, savedAt }) => ({ key, title, savedAt })) });
}

/** Saves the finished run now on the page (one per link; the oldest beyond KEEP go). */
export async function saveCurrentRun(title: string): Promise<void> {
  const { settings, run } = appStore.getState();
  const key = serializeRunUrl(settings);
  const saved: SavedRun = { key, savedAt: new Date().toISOString(), title, settings, view: run };
  await set(key, saved, store());
  for (const old of (await listSavedRuns()).slice(KEEP)) await del(old.key, store());
  await refreshSavedList();
}

/** Shows a saved run: its settings (and so its link) and its panels, every stage done. */
export function showSavedRun(run: SavedRun): void {
  appStore.setState({
    settings: run.settings,
    selected: null,
    run: { ...run.view, stages: allDone(), error: null },
  });
}

/** Shows the saved run with this key, if there is one; returns whether it did. */
export async function showSavedRunByKey(key: string): Promise<boolean> {
  const run = (await listSavedRuns()).find((r) => r.key === key);
  if (run) showSavedRun(run);
  return run !== undefined;
}

/** On opening the page: the list, and the saved run of the link's settings if there is one. */
export async function restoreOnOpen(): Promise<void> {
  await refreshSavedList();
  await showSavedRunByKey(serializeRunUrl(appStore.getState().settings));
}
