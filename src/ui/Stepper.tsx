// The pipeline as numbered stages with their status, and the controls: run all, next stage,
// pause or resume, stop (keeps what was found) and reset.
import { pause, reset, resume, runAll, runNextStage, stop } from '../state/driver.ts';
import { STAGES, useApp, type StageId } from '../state/store.ts';

export const STAGE_TITLES: Record<StageId, string> = {
  data: 'Data',
  train: 'Train',
  gradients: 'Gradients',
  search: 'Search',
  verify: 'Verify',
};

export function Stepper() {
  const stages = useApp((s) => s.run.stages);
  const busy = STAGES.some((s) => stages[s] === 'running' || stages[s] === 'paused');
  const paused = STAGES.some((s) => stages[s] === 'paused');
  const finished = STAGES.every((s) => stages[s] === 'done');
  return (
    <section className="stepper" aria-label="pipeline">
      <ol>
        {STAGES.map((stage, i) => (
          <li
            key={stage}
            className={`stage stage-${stages[stage]}`}
            data-stage={stage}
            data-status={stages[stage]}
          >
            <span className="stage-number">{i + 1}</span> {STAGE_TITLES[stage]}
            <span className="stage-status">{stages[stage] === 'idle' ? '' : stages[stage]}</span>
          </li>
        ))}
      </ol>
      <div className="controls">
        <button type="button" onClick={() => void runAll()} disabled={busy || finished}>
          Run all
        </button>
        <button type="button" onClick={() => void runNextStage()} disabled={busy || finished}>
          Next stage
        </button>
        <button type="button" onClick={() => void (paused ? resume() : pause())} disabled={!busy}>
          {paused ? 'Resume' : 'Pause'}
        </button>
        <button type="button" onClick={() => void stop()} disabled={!busy}>
          Stop
        </button>
        <button type="button" onClick={() => void reset()}>
          Reset
        </button>
      </div>
    </section>
  );
}
