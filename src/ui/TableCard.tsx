// A labelled table of the user's own, picked or dropped on the page: its columns, the label
// column to train on, its rows and classes, or what is wrong with it (line and column), all shown
// before anything runs. The table stays in the browser; a bundle file carries it with the settings.
import { useState } from 'react';
import { readNumericCsv } from '../core/io/csv.ts';
import { reset } from '../state/driver.ts';
import { addNotice, appStore, runIsBusy, useApp } from '../state/store.ts';
import {
  isGradientFile,
  putTableInUse,
  readTable,
  tableFileProblem,
  tableInUse,
  type TableInUse,
} from '../state/userTable.ts';
import { bundleOf } from '../state/bundle.ts';
import { downloadText } from './download.ts';

interface Picked {
  name: string;
  text: string;
  columns: string[];
  label: string;
}

/** The file's text and header, or a notice saying why it is refused. */
async function pick(file: File): Promise<Picked | null> {
  const problem = tableFileProblem(file.name, file.size);
  if (problem) {
    addNotice(`${problem}; the table on the page is as it was.`);
    return null;
  }
  const text = await file.text();
  const header = readNumericCsv(text.split(/\r?\n/, 2).join('\n'), true);
  const columns = header.ok ? (header.value.header ?? []) : text.split(/\r?\n/, 1)[0]!.split(',');
  return { name: file.name, text, columns, label: columns[columns.length - 1] ?? '' };
}

/** What a table holds and what a run does with it, in a sentence or two. */
function describeTable(t: TableInUse): string {
  const rows = `${t.name}: ${t.rows.toLocaleString('en-US')} rows; inputs ${t.variables.join(', ')}`;
  if (t.kind === 'gradients')
    return `${rows}${t.skipped > 0 ? ` (${t.skipped.toLocaleString('en-US')} rows left out for a non-finite value or a zero gradient)` : ''}. A gradient file: the search runs on it as it is, with no network.`;
  return `${rows}; label ${t.label}: ${t.positives.toLocaleString('en-US')} rows of ${t.classes[1]} (class 1), ${(t.rows - t.positives).toLocaleString('en-US')} of ${t.classes[0]} (class 0). A classifier is trained on four fifths of the rows; the gradients are taken at the rest.`;
}

function exportBundle(): void {
  const state = appStore.getState();
  const table = tableInUse();
  if (!table || !state.table) return;
  downloadText(
    `${JSON.stringify(bundleOf(state.settings, state.table, table.text))}\n`,
    `${state.table.name.replace(/\.csv$/i, '')}-bundle.json`,
    'application/json',
  );
}

export function TableCard() {
  const inUse = useApp((s) => s.table);
  const busy = useApp(runIsBusy);
  const [picked, setPicked] = useState<Picked | null>(null);
  const read = picked ? readTable(picked.text, picked.name, picked.label) : null;
  const choose = (file: File | undefined) => {
    if (file) void pick(file).then((p) => p && setPicked(p));
  };
  return (
    <section className="card table-card" aria-label="Your table">
      <h2>Your table</h2>
      <p className="hint">
        A CSV with a header: numeric input columns and one label column with two values (a classifier is
        trained on it), or a gradient file (x,…,grad_x,…: searched as it is). It stays in this browser:
        nothing is sent anywhere.
      </p>
      <label
        className="drop-zone"
        onDragOver={(e) => e.preventDefault()}
        onDrop={(e) => {
          e.preventDefault();
          choose(e.dataTransfer.files[0]);
        }}
      >
        Drop a CSV here, or choose one{' '}
        <input
          type="file"
          accept=".csv,text/csv"
          onChange={(e) => {
            choose(e.target.files?.[0]);
            e.target.value = '';
          }}
        />
      </label>
      {picked && (
        <>
          {!isGradientFile(picked.text) && (
            <label>
              Label column{' '}
              <select value={picked.label} onChange={(e) => setPicked({ ...picked, label: e.target.value })}>
                {picked.columns.map((c) => (
                  <option key={c} value={c}>
                    {c}
                  </option>
                ))}
              </select>
            </label>
          )}
          {read && !read.ok && (
            <p className="concept-error" role="alert">
              {read.error}
            </p>
          )}
          {read?.ok && <p className="table-summary">{describeTable(read.summary)}</p>}
          <button
            type="button"
            disabled={!read?.ok || busy}
            onClick={() => {
              if (!read?.ok) return;
              putTableInUse(read.loaded, read.summary);
              setPicked(null);
              void reset();
            }}
          >
            Use this table
          </button>
        </>
      )}
      {inUse && !picked && (
        <p className="table-summary" data-table={inUse.name}>
          In use: {describeTable(inUse)} There is no ground truth, so nothing is checked.{' '}
          <button type="button" onClick={exportBundle}>
            Export bundle
          </button>
        </p>
      )}
    </section>
  );
}
