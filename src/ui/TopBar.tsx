// The top bar: the product's name, the experiment picker, the backend in use, "copy link",
// the result's export and lecture mode.
import { experiments } from '../experiments/index.ts';
import { reset } from '../state/driver.ts';
import { addNotice, appStore, useApp } from '../state/store.ts';

function copyLink(): void {
  navigator.clipboard.writeText(window.location.href).then(
    () => addNotice('Link copied: it opens this experiment with these settings and seeds.'),
    () => addNotice(`Copy this link by hand: ${window.location.href}`),
  );
}

function exportResult(): void {
  const result = appStore.getState().run.result;
  if (!result) return;
  const blob = new Blob([`${JSON.stringify(result, null, 2)}\n`], { type: 'application/json' });
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = `${String(result.input['experiment'] ?? 'run')}-seed${result.seed}.json`;
  link.click();
  URL.revokeObjectURL(link.href);
}

export function TopBar() {
  const experiment = useApp((s) => s.settings.experiment);
  const backend = useApp((s) => s.run.backend);
  const lecture = useApp((s) => s.lecture);
  const revealTruth = useApp((s) => s.revealTruth);
  const hasResult = useApp((s) => s.run.result !== null);
  return (
    <header className="top-bar">
      <h1>Symbolic Gradients Explorer</h1>
      <label>
        Experiment{' '}
        <select
          value={experiment}
          onChange={(e) => {
            appStore.setState((s) => ({ settings: { ...s.settings, experiment: e.target.value } }));
            void reset();
          }}
        >
          {experiments.map((x) => (
            <option key={x.id} value={x.id}>
              {x.title}
            </option>
          ))}
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
            checked={revealTruth}
            onChange={(e) => appStore.setState({ revealTruth: e.target.checked })}
          />{' '}
          Reveal ground truth
        </label>
      )}
    </header>
  );
}
