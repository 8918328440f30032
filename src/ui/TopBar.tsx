// The top bar: the product's name, the experiment picker, the backend in use, "copy link",
// the result's export and lecture mode.
import { experiments } from '../experiments/index.ts';
import { typesConcept } from '../pipeline/experimentOf.ts';
import { isBundle, readBundle } from '../state/bundle.ts';
import { leaveTable, readTable, putTableInUse } from '../state/userTable.ts';
import { leaveNetwork } from '../state/userNetwork.ts';
import type { RunSettings } from '../pipeline/runSettings.ts';
import { reset } from '../state/driver.ts';
import { showSavedRunByKey } from '../state/savedRuns.ts';
import { addNotice, appStore, runIsBusy, setSettings, useApp } from '../state/store.ts';
import { downloadText } from './download.ts';

/** The picker's entries for a concept, a table and a network of one's own. */
const CONCEPT_OPTION = 'concept';
const TABLE_OPTION = 'table';
const NETWORK_OPTION = 'network';
/** What a new typed concept starts from: a pendulum's energy, which the user then edits. */
const STARTER_CONCEPT = { concept: 'v^2/2 - cos(x)', box: 'x:-2:2,v:-2:2' };

/** The settings with `choice` picked: a catalogue experiment (no typed concept), or a typed concept. */
function chooseExperiment(choice: string): RunSettings {
  const { concept, box, threshold, ...rest } = appStore.getState().settings;
  if (choice !== CONCEPT_OPTION) return { ...rest, experiment: choice };
  return {
    ...rest,
    concept: concept ?? STARTER_CONCEPT.concept,
    box: box ?? STARTER_CONCEPT.box,
    ...(threshold === undefined ? {} : { threshold }),
  };
}

function copyLink(): void {
  if (appStore.getState().networkMode) {
    addNotice('A link cannot carry your network or its points: they never leave this browser.');
    return;
  }
  if (appStore.getState().tableMode) {
    addNotice(
      'A link cannot carry your table: it never leaves this browser. Export bundle (under Your table) writes the settings and the table in one file, which Import result reads back.',
    );
    return;
  }
  navigator.clipboard.writeText(window.location.href).then(
    () =>
      addNotice(
        appStore.getState().lecture
          ? 'Presenting link copied: it opens in lecture mode, with this experiment, these settings and seeds (add &start=now to run at once).'
          : 'Link copied: it opens this experiment with these settings and seeds.',
      ),
    () => addNotice(`Copy this link by hand: ${window.location.href}`),
  );
}

function exportResult(): void {
  const result = appStore.getState().run.result;
  if (!result) return;
  downloadText(
    `${JSON.stringify(result, null, 2)}\n`,
    `${String(result.input['experiment'] ?? 'run')}-seed${result.seed}.json`,
    'application/json',
  );
}

async function importFile(file: File): Promise<void> {
  if (runIsBusy()) {
    addNotice('Stop the run before importing a result.');
    return;
  }
  // Loaded on first use: the schema and the check stay out of the first screen.
  const [{ readResultJson }, { showImportedResult }] = await Promise.all([
    import('../pipeline/resultFile.ts'),
    import('../state/importResult.ts'),
  ]);
  const text = await file.text();
  if (await importedBundle(file.name, text)) return;
  const read = readResultJson(text);
  if (!read.ok) {
    addNotice(`Import refused: ${file.name}: ${read.error}. The run on the page is as it was.`);
    return;
  }
  // Nothing of the run on the page survives an import: its networks go, its panels are cleared.
  await reset();
  showImportedResult(read.result);
  addNotice(`Imported ${file.name}.`);
}

/** Imports `text` as a bundle (settings and a table) if it is one; returns whether it was. */
async function importedBundle(name: string, text: string): Promise<boolean> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return false;
  }
  if (!isBundle(json)) return false;
  const read = readBundle(json);
  const table = read.ok ? readTable(read.table.csv, read.table.name, read.table.label) : null;
  if (!read.ok || !table?.ok) {
    const why = read.ok ? (table && !table.ok ? table.error : '') : read.error;
    addNotice(`Import refused: ${name}: a bundle whose ${why}. The run on the page is as it was.`);
    return true;
  }
  await reset();
  setSettings(read.settings);
  putTableInUse(table.loaded, table.summary);
  for (const notice of read.notices) addNotice(`${name}: ${notice}`);
  addNotice(`Imported ${name}: the settings and the table ${read.table.name}.`);
  return true;
}

function SavedRuns() {
  const saved = useApp((s) => s.savedRuns);
  if (saved.length === 0) return null;
  return (
    <label>
      Saved runs{' '}
      <select
        value=""
        onChange={(e) => {
          void reset().then(() => showSavedRunByKey(e.target.value));
        }}
      >
        <option value="">{saved.length} in this browser</option>
        {saved.map((run) => (
          <option key={run.key} value={run.key}>
            {run.title}
          </option>
        ))}
      </select>
    </label>
  );
}

export function TopBar() {
  const experiment = useApp((s) => s.settings.experiment);
  const typed = useApp((s) => typesConcept(s.settings));
  const tableMode = useApp((s) => s.tableMode);
  const networkMode = useApp((s) => s.networkMode);
  const backend = useApp((s) => s.run.backend);
  const lecture = useApp((s) => s.lecture);
  const revealTruth = useApp((s) => s.revealTruth);
  const guided = useApp((s) => s.guided);
  const hasResult = useApp((s) => s.run.result !== null);
  const busy = useApp(runIsBusy);
  return (
    <header className="top-bar">
      <h1>Symbolic Gradients Explorer</h1>
      <label>
        Experiment{' '}
        <select
          value={
            networkMode ? NETWORK_OPTION : tableMode ? TABLE_OPTION : typed ? CONCEPT_OPTION : experiment
          }
          disabled={busy}
          onChange={(e) => {
            const choice = e.target.value;
            if (choice === TABLE_OPTION || choice === NETWORK_OPTION) {
              leaveTable();
              leaveNetwork();
              appStore.setState(choice === TABLE_OPTION ? { tableMode: true } : { networkMode: true });
              void reset();
            } else if (setSettings(chooseExperiment(choice))) {
              leaveTable();
              leaveNetwork();
              void reset();
            }
          }}
        >
          {experiments.map((x) => (
            <option key={x.id} value={x.id}>
              {x.title}
            </option>
          ))}
          <option value={CONCEPT_OPTION}>Your own concept (a formula)</option>
          <option value={TABLE_OPTION}>Your own table (a CSV)</option>
          <option value={NETWORK_OPTION}>Your own network (a model and points)</option>
        </select>
      </label>
      <span className="backend" title="the tfjs backend in use">
        {backend ?? 'backend chosen at training'}
      </span>
      <button type="button" onClick={copyLink}>
        Copy link
      </button>
      <button type="button" onClick={exportResult} disabled={!hasResult}>
        Export result
      </button>
      <label className="file-button">
        Import result
        <input
          type="file"
          accept="application/json,.json"
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (file) void importFile(file);
            e.target.value = '';
          }}
        />
      </label>
      <SavedRuns />
      <label className="toggle">
        <input
          type="checkbox"
          checked={lecture}
          onChange={(e) => appStore.setState({ lecture: e.target.checked, revealTruth: !e.target.checked })}
        />{' '}
        Lecture mode
      </label>
      {lecture && (
        <label className="toggle">
          <input
            type="checkbox"
            checked={guided}
            onChange={(e) => appStore.setState({ guided: e.target.checked })}
          />{' '}
          Guided (stop after each stage)
        </label>
      )}
      {lecture && (
        <label className="toggle">
          <input
            type="checkbox"
            checked={revealTruth}
            onChange={(e) => appStore.setState({ revealTruth: e.target.checked })}
          />{' '}
          Reveal ground truth
        </label>
      )}
    </header>
  );
}
