// The explorer's page: the top bar, the experiment and its settings on the left, the pipeline's
// stages and live panels in the middle, a status line below. Lecture mode folds the settings
// away, grows type and plots, and explains each stage; the keyboard drives the run.
import { PanelBoundary } from './PanelBoundary.tsx';
import { useEffect } from 'react';
import { toLatex } from '../core/expr/print.ts';
import { typesConcept } from '../pipeline/experimentOf.ts';
import { ConceptEditor } from './ConceptEditor.tsx';
import { TableCard } from './TableCard.tsx';
import { NetworkCard } from './NetworkCard.tsx';
import { useExperiment } from './useExperiment.ts';
import { pause, prepareBackend, resume, runAll, runNextStage } from '../state/driver.ts';
import { warmPlotly } from './plots/plotly.ts';
import { addNotice, appStore, dismissNotices, STAGES, useApp } from '../state/store.ts';
import { restoreOnOpen } from '../state/savedRuns.ts';
import { startUrlSync } from '../state/urlSync.ts';
import { Equation } from './Equation.tsx';
import { ExperimentCard } from './ExperimentCard.tsx';
import { LECTURE_TEXT } from './lectureText.ts';
import { Panels } from './Panels.tsx';
import { SettingsPanel } from './SettingsPanel.tsx';
import { StatusLine } from './StatusLine.tsx';
import { Stepper, STAGE_TITLES } from './Stepper.tsx';
import { TopBar } from './TopBar.tsx';
import './app.css';

/**
 * Loads tfjs with its backend, and plotly, once the first screen is up and the browser is idle:
 * their one-time parsing and start-up then happen before a run rather than during one.
 */
async function preloadHeavyParts(): Promise<void> {
  await new Promise<void>((resolve) =>
    'requestIdleCallback' in window
      ? requestIdleCallback(() => resolve(), { timeout: 2000 })
      : setTimeout(resolve, 200),
  );
  await Promise.all([prepareBackend(), warmPlotly()]);
}

/** Input types a person types into: the keys are theirs there. */
const TYPED_INPUTS = new Set(['text', 'search', 'number', 'email', 'url', 'password', 'tel']);

/** Whether `target` is a field being typed in. */
function isTypingField(target: HTMLElement | null): boolean {
  if (!target) return false;
  if (target.tagName === 'TEXTAREA' || target.isContentEditable) return true;
  return target.tagName === 'INPUT' && TYPED_INPUTS.has((target as HTMLInputElement).type);
}

/**
 * Space runs, pauses and resumes, the right arrow runs the next stage. In lecture mode they work
 * whatever has focus (a checkbox, a button, a list) except a field being typed in, and Escape
 * leaves lecture mode; out of it, a focused control keeps its keys.
 */
function onKey(event: KeyboardEvent): void {
  const target = event.target as HTMLElement | null;
  const lecture = appStore.getState().lecture;
  if (isTypingField(target)) return;
  if (!lecture && target && ['INPUT', 'SELECT', 'BUTTON'].includes(target.tagName)) return;
  if (lecture && event.key === 'Escape') {
    event.preventDefault();
    // A panel shown large closes first; then lecture mode ends.
    if (appStore.getState().enlarged) appStore.setState({ enlarged: null });
    else appStore.setState({ lecture: false, revealTruth: true });
    return;
  }
  const stages = appStore.getState().run.stages;
  const busy = STAGES.some((s) => stages[s] === 'running');
  const paused = STAGES.some((s) => stages[s] === 'paused');
  if (event.key === ' ') {
    event.preventDefault();
    // A guided run goes one stage at a time, stopping on each stage's explanation.
    const guided = lecture && appStore.getState().guided;
    void (paused ? resume() : busy ? pause() : guided ? runNextStage() : runAll());
  } else if (event.key === 'ArrowRight' && !busy && !paused) {
    event.preventDefault();
    void runNextStage();
  }
}

/** In lecture mode a focused checkbox or button would act on Space's release too: it is the page's. */
function onKeyUp(event: KeyboardEvent): void {
  if (event.key === ' ' && appStore.getState().lecture && !isTypingField(event.target as HTMLElement | null))
    event.preventDefault();
}

/**
 * A guided run's stop: the stage that has just run, what to look at in its picture and its
 * formula, until Space runs the next.
 */
function GuidedStop() {
  const stages = useApp((s) => s.run.stages);
  const shown = useApp((s) => s.lecture && s.guided);
  const last = [...STAGES].reverse().find((stage) => stages[stage] === 'done');
  const next = STAGES.find((stage) => stages[stage] !== 'done');
  if (!shown || !last || (next && stages[next] !== 'idle')) return null;
  const text = LECTURE_TEXT[last];
  return (
    <section className="card guided-stop" aria-label="What just happened">
      <h2>{STAGE_TITLES[last]}: done</h2>
      <p>{text.text}</p>
      <p>
        <strong>Look at:</strong> {text.look}
      </p>
      {text.formula && <Equation latex={text.formula} display />}
      <p className="hint">{next ? `Space: ${STAGE_TITLES[next].toLowerCase()}.` : 'The run is done.'}</p>
    </section>
  );
}

/** The keys of lecture mode, where the audience's presenter can glance at them. */
function KeyLegend() {
  return (
    <p className="key-legend" aria-label="Keys">
      <kbd>Space</kbd> run, pause, resume · <kbd>→</kbd> next stage · <kbd>Esc</kbd> close a large panel,
      leave lecture mode
    </p>
  );
}

function Notices() {
  const notices = useApp((s) => s.notices);
  if (notices.length === 0) return null;
  return (
    <div className="notices" role="alert">
      <ul>
        {notices.map((n, i) => (
          <li key={i}>{n}</li>
        ))}
      </ul>
      <button type="button" onClick={dismissNotices}>
        Dismiss
      </button>
    </div>
  );
}

function LectureStages() {
  const stages = useApp((s) => s.run.stages);
  return (
    <ol className="lecture-stages">
      {STAGES.map((stage) => (
        <li key={stage} data-status={stages[stage]}>
          <h3>{STAGE_TITLES[stage]}</h3>
          <p>{LECTURE_TEXT[stage].text}</p>
          {LECTURE_TEXT[stage].formula && <Equation latex={LECTURE_TEXT[stage].formula} display />}
        </li>
      ))}
    </ol>
  );
}

export function App() {
  useEffect(() => {
    const { startNow, stop } = startUrlSync();
    restoreOnOpen().catch((error: unknown) =>
      addNotice(`Saved runs are not available in this browser (${(error as Error).message}).`),
    );
    preloadHeavyParts().then(
      () => {
        document.documentElement.dataset['ready'] = 'true';
        // `start=now`: a presenting link runs as soon as the page can (a restored run is shown instead).
        if (startNow && appStore.getState().run.stages.verify !== 'done') void runAll();
      },
      (error: unknown) =>
        addNotice(`Loading the training code failed (${(error as Error).message}); reload to try again.`),
    );
    return stop;
  }, []);
  useEffect(() => {
    // Capture: the page's keys come before a focused control's own (a checkbox's Space).
    window.addEventListener('keydown', onKey, { capture: true });
    window.addEventListener('keyup', onKeyUp, { capture: true });
    return () => {
      window.removeEventListener('keydown', onKey, { capture: true });
      window.removeEventListener('keyup', onKeyUp, { capture: true });
    };
  }, []);
  const lecture = useApp((s) => s.lecture);
  const hidden = useApp((s) => s.hidden);
  const showTruth = useApp((s) => !s.lecture || s.revealTruth);
  const typed = useApp((s) => typesConcept(s.settings));
  const tableMode = useApp((s) => s.tableMode);
  const networkMode = useApp((s) => s.networkMode);
  const own = tableMode || networkMode;
  const conceptKey = useApp((s) =>
    JSON.stringify([s.settings.concept, s.settings.box, s.settings.threshold]),
  );
  const read = useExperiment();
  const experiment = read.ok && !own ? read.experiment : undefined;
  return (
    <div className={lecture ? 'app lecture' : 'app'}>
      <TopBar />
      <Notices />
      <div className="layout">
        {!lecture && !(hidden.includes('experiment') && hidden.includes('settings')) && (
          <aside className="left">
            {!hidden.includes('experiment') && (
              <PanelBoundary name="the experiment">
                {tableMode && <TableCard />}
                {networkMode && <NetworkCard />}
                {!own && typed && <ConceptEditor key={conceptKey} />}
                {!own && experiment && <ExperimentCard experiment={experiment} showTruth={showTruth} />}
              </PanelBoundary>
            )}
            {!hidden.includes('settings') && (
              <PanelBoundary name="the settings">
                <SettingsPanel />
              </PanelBoundary>
            )}
          </aside>
        )}
        <main className="main">
          {lecture && <KeyLegend />}
          <GuidedStop />
          {lecture && experiment && (
            <section className="card lecture-intro">
              <h2>{experiment.title}</h2>
              {showTruth ? (
                <>
                  <p>{experiment.teaching}</p>
                  <Equation latex={toLatex(experiment.truth, experiment.variables)} display />
                </>
              ) : (
                <p>
                  The network sees {experiment.variables.join(', ')}. What does it learn? Guess the law, then
                  reveal the ground truth.
                </p>
              )}
            </section>
          )}
          <PanelBoundary name="the stages">
            <Stepper />
            {lecture && <LectureStages />}
          </PanelBoundary>
          <PanelBoundary name="the run's panels">
            <Panels />
          </PanelBoundary>
        </main>
      </div>
      <StatusLine />
    </div>
  );
}
