// One line under the page: the backend, the search's elapsed time, evaluations per second, the
// lowest loss, the front's size and how long the pick has held, or what went wrong.
import { useApp, type SearchView } from '../state/store.ts';

/** How long the pick's form has held, against the rounds after which an unchanged pick ends the search. */
function pickHeld(search: SearchView): string {
  const held = search.round - search.pickSince!;
  const of =
    search.patienceRounds === undefined ? '' : ` of the ${search.patienceRounds} that end the search`;
  return `round ${search.round}, pick unchanged for ${held} round${held === 1 ? '' : 's'}${of}`;
}

/**
 * 1234567 as 1,234,567. Not toLocaleString: its first call loads the locale's number formats, a
 * task of 20-60 ms in the middle of a search on a slow machine.
 */
function withThousands(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

export function StatusLine() {
  const run = useApp((s) => s.run);
  const search = run.search;
  const parts: string[] = [];
  if (run.backend) parts.push(`backend ${run.backend}`);
  if (run.training)
    parts.push(`trained ${run.training.epochs.length} epochs in ${run.training.seconds.toFixed(1)} s`);
  if (run.gradients?.quality !== undefined)
    parts.push(`gradient quality ${run.gradients.quality.toFixed(4)}`);
  if (search) {
    const lowest = Math.min(...search.front.map((e) => e.loss));
    const rate = search.elapsedSeconds > 0 ? Math.round(search.evaluations / search.elapsedSeconds) : 0;
    parts.push(
      `search ${search.elapsedSeconds.toFixed(1)} s`,
      `${withThousands(rate)} evaluations/s`,
      `best loss ${lowest.toExponential(2)}`,
      `front ${search.front.length}`,
    );
    if (search.pickSince !== undefined) parts.push(pickHeld(search));
  }
  return (
    <footer className="status-line" role="status">
      {run.error ? <span className="error">{run.error}</span> : parts.join(' · ') || 'Ready.'}
    </footer>
  );
}
