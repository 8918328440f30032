// Finished runs kept in the browser (IndexedDB through idb-keyval): each holds its settings, its
// result JSON and the plain data of its panels, so a reload or a pick from the list shows the
// run again, plots and all, without recomputing it.

import { createStore, del, entries, set } from 'idb-keyval';
import { serializeRunUrl } from './url.ts';
import { addNotice, appStore, type RunView } from './store.ts';
import type { SavedRunRecord } from './savedRunRecord.ts';

/** What is stored for a finished run: its link (whose settings it is), its panels' plain data and its result. */
interface StoredRun {
  /** The run's link (its settings as a query string): one saved run per link. */
  key: string;
  savedAt: string;
  title: string;
  view: RunView;
}

/** At most this many runs are kept; the oldest go first. */
const KEEP = 30;

const store = () => createStore('symbolic-gradients-explorer', 'runs');

/**
 * The saved runs that read back (`readSavedRun`), newest first, and a word for each that did
 * not: one bad record must not cost the others.
 */
export async function listSavedRuns(): Promise<{ runs: SavedRunRecord[]; refused: string[] }> {
  // The schema and the check load on first use, after the first screen.
  const { readSavedRun } = await import('./savedRunRecord.ts');
  const runs: SavedRunRecord[] = [];
  const refused: string[] = [];
  for (const [key, record] of await entries<string, unknown>(store())) {
    const read = readSavedRun(record);
    if (read.ok) runs.push(read.run);
    else refused.push(`${String(key).slice(0, 80)}: ${read.error}`);
  }
  return { runs: runs.sort((a, b) => b.savedAt.localeCompare(a.savedAt)), refused };
}

/** Refreshes the store's list of saved runs, with a notice for any that could not be read. */
export async function refreshSavedList(): Promise<SavedRunRecord[]> {
  const { runs, refused } = await listSavedRuns();
  appStore.setState({ savedRuns: runs.map(({ key, title, savedAt }) => ({ key, title, savedAt })) });
  for (const problem of refused) addNotice(`A saved run could not be read and is left out (${problem}).`);
  return runs;
}

/** Saves the finished run now on the page (one per link; the oldest beyond KEEP go). */
export async function saveCurrentRun(title: string): Promise<void> {
  const { settings, run } = appStore.getState();
  const key = serializeRunUrl(settings);
  const saved: StoredRun = { key, savedAt: new Date().toISOString(), title, view: run };
  await set(key, saved, store());
  for (const old of (await listSavedRuns()).runs.slice(KEEP)) await del(old.key, store());
  await refreshSavedList();
}

/** Shows a saved run: its settings (and so its link), its panels and its result, every stage done. */
export async function showSavedRun(run: SavedRunRecord): Promise<void> {
  const { resultRunView } = await import('./importResult.ts');
  appStore.setState({
    settings: run.settings,
    selected: null,
    run: { ...resultRunView(run.result), ...run.panels },
  });
}

/** Shows the saved run with this key, if there is one; returns whether it did. */
export async function showSavedRunByKey(key: string): Promise<boolean> {
  const run = (await listSavedRuns()).runs.find((r) => r.key === key);
  if (run) await showSavedRun(run);
  return run !== undefined;
}

/** On opening the page: the list, and the saved run of the link's settings if there is one. */
export async function restoreOnOpen(): Promise<void> {
  const runs = await refreshSavedList();
  const run = runs.find((r) => r.key === serializeRunUrl(appStore.getState().settings));
  if (run) await showSavedRun(run);
}
