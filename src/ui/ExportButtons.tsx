// The row being verified (the pick, or the row picked by hand) exported for use elsewhere: a
// NumPy function, a SymPy expression, LaTeX.
import { EXPORT_KINDS, resultExport, type ExportKind } from '../pipeline/exports.ts';
import { appStore, useApp } from '../state/store.ts';
import { downloadText } from './download.ts';

const LABELS: Record<ExportKind, string> = { numpy: 'NumPy', sympy: 'SymPy', latex: 'LaTeX' };

function exportRow(kind: ExportKind): void {
  const { run, selected } = appStore.getState();
  const exported = run.result && resultExport(run.result, kind, selected);
  if (exported)
    downloadText(exported.text, exported.fileName, kind === 'latex' ? 'application/x-tex' : 'text/x-python');
}

export function ExportButtons() {
  const ready = useApp((s) => s.run.result?.best !== undefined && s.run.result?.best !== null);
  return (
    <p className="exports">
      Export the verified row as{' '}
      {EXPORT_KINDS.map((kind) => (
        <button key={kind} type="button" disabled={!ready} onClick={() => exportRow(kind)}>
          {LABELS[kind]}
        </button>
      ))}
    </p>
  );
}
