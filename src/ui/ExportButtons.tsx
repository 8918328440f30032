// The row being verified (the pick, or the row picked by hand) exported for use elsewhere: a
// NumPy function, a SymPy expression, LaTeX; and the run's gradient file and network (the
// TensorFlow.js layers format), as the command line's --export-gradients and --save-model write them;
// and a PySR script with that gradient file, for a larger search than a browser can run.
import { EXPORT_KINDS, resultExport, type ExportKind } from '../pipeline/exports.ts';
import { pysrExport } from '../pipeline/pysrScript.ts';
import { gradientFile, networkFiles } from '../state/driver.ts';
import { addNotice, appStore, useApp } from '../state/store.ts';
import { downloadBytes, downloadText } from './download.ts';

const LABELS: Record<ExportKind, string> = { numpy: 'NumPy', sympy: 'SymPy', latex: 'LaTeX', infix: 'Infix' };

const TYPES: Record<ExportKind, string> = {
  numpy: 'text/x-python',
  sympy: 'text/x-python',
  latex: 'application/x-tex',
  infix: 'text/plain',
};

function exportRow(kind: ExportKind): void {
  const { run, selected } = appStore.getState();
  const exported = run.result && resultExport(run.result, kind, selected);
  if (exported) downloadText(exported.text, exported.fileName, TYPES[kind]);
}

async function exportGradients(): Promise<void> {
  const file = await gradientFile();
  if (file) downloadText(file.text, file.fileName, 'text/csv');
  else
    addNotice('No gradients on this page yet: the gradients stage writes them (an imported run has none).');
}

/** The PySR script and, beside it under the name it reads, the gradient file the run's search ran on. */
async function exportPysr(): Promise<void> {
  const [file, result] = [await gradientFile(), appStore.getState().run.result];
  if (!file || !result) {
    addNotice('No run with gradients on this page yet: the PySR script searches the gradients stage’s file.');
    return;
  }
  downloadText(
    pysrExport(result, file.fileName),
    file.fileName.replace(/-gradients\.csv$/, '-pysr.py'),
    'text/x-python',
  );
  downloadText(file.text, file.fileName, 'text/csv');
}

async function exportNetwork(): Promise<void> {
  const files = await networkFiles();
  if (!files) {
    addNotice('No network on this page yet: the training stage makes it (an imported run has none).');
    return;
  }
  downloadText(`${JSON.stringify(files.modelJson)}\n`, 'model.json', 'application/json');
  downloadBytes(files.weights, files.weightsFile);
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
      ; the run's{' '}
      <button type="button" onClick={() => void exportGradients()}>
        Gradient file
      </button>
      <button type="button" onClick={() => void exportNetwork()}>
        Network
      </button>
      <button
        type="button"
        onClick={() => void exportPysr()}
        title="a Python script that runs PySR on the gradient file"
      >
        PySR script
      </button>
    </p>
  );
}
