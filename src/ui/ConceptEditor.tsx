// A concept of the user's own: a formula over inputs they name, the box they are sampled in and,
// for a classifier, a threshold. The formula is typeset as it is typed; what is wrong is shown
// under the field, with a caret at its column. Nothing applies until "Use this concept".
import { useState } from 'react';
import { toLatex } from '../core/expr/latex.ts';
import {
  conceptExperiment,
  formatBox,
  parseBox,
  type BoxRange,
  type ConceptError,
} from '../experiments/concept.ts';
import { withoutConcept } from '../pipeline/experimentOf.ts';
import type { Experiment } from '../experiments/types.ts';
import { reset } from '../state/driver.ts';
import { appStore, runIsBusy, setSettings, useApp } from '../state/store.ts';
import { readSetting } from '../state/url.ts';
import { Equation } from './Equation.tsx';

interface Draft {
  formula: string;
  box: string;
  threshold: string;
}

/** What the draft would run, or what is wrong with it and in which field. */
function readDraft(
  draft: Draft,
):
  | { ok: true; experiment: Experiment; box: BoxRange[]; threshold: number | undefined }
  | { ok: false; error: ConceptError } {
  let threshold: number | undefined;
  if (draft.threshold.trim() !== '') {
    const read = readSetting('threshold', draft.threshold);
    if (!read.ok) return { ok: false, error: { field: 'threshold', message: read.reason } };
    threshold = read.value as number;
  }
  const built = conceptExperiment({ formula: draft.formula, box: draft.box, threshold });
  if (!built.ok) return built;
  const box = parseBox(draft.box);
  return box.ok ? { ok: true, experiment: built.value, box: box.value, threshold } : box;
}

/**
 * The formula typeset (its left side, where it compares with a threshold): from the draft as read,
 * or, where only its threshold is wrong, from the formula and box alone.
 */
function preview(draft: Draft, read: ReturnType<typeof readDraft>): string | null {
  const built = read.ok
    ? { ok: true as const, value: read.experiment }
    : conceptExperiment({ formula: draft.formula, box: draft.box });
  return built.ok ? toLatex(built.value.truth, built.value.variables) : null;
}

function FieldError({ error, text }: { error: ConceptError; text: string }) {
  return (
    <div className="concept-error" role="alert">
      {error.position !== undefined && (
        <pre aria-hidden="true">
          {text}
          {'\n'}
          {' '.repeat(error.position)}^
        </pre>
      )}
      <p>
        {error.position !== undefined && `Column ${error.position + 1}: `}
        {error.message}
      </p>
    </div>
  );
}

export function ConceptEditor() {
  const settings = useApp((s) => s.settings);
  const busy = useApp(runIsBusy);
  const [draft, setDraft] = useState<Draft>({
    formula: settings.concept ?? '',
    box: settings.box ?? '',
    threshold: settings.threshold === undefined ? '' : String(settings.threshold),
  });
  const read = readDraft(draft);
  const latex = preview(draft, read);
  const error = read.ok ? null : read.error;
  const field = (name: keyof Draft, label: string, hint: string) => (
    <label className="concept-field">
      {label}
      <input
        type="text"
        spellCheck={false}
        value={draft[name]}
        placeholder={hint}
        aria-invalid={error?.field === (name === 'formula' ? 'concept' : name)}
        onChange={(e) => setDraft({ ...draft, [name]: e.target.value })}
      />
    </label>
  );
  const errorText = (name: keyof Draft) =>
    error && error.field === (name === 'formula' ? 'concept' : name) ? (
      <FieldError error={error} text={draft[name]} />
    ) : null;
  const apply = () => {
    if (!read.ok) return;
    const next = {
      ...withoutConcept(appStore.getState().settings),
      concept: draft.formula,
      box: formatBox(read.box),
      ...(read.threshold === undefined ? {} : { threshold: read.threshold }),
    };
    if (setSettings(next)) void reset();
  };
  const applied =
    draft.formula === settings.concept &&
    draft.box === settings.box &&
    draft.threshold.trim() === (settings.threshold === undefined ? '' : String(settings.threshold));
  return (
    <section className="card concept-editor" aria-label="Your concept">
      <h2>Your concept</h2>
      {field('formula', 'Formula', 'v^2/2 - cos(x)')}
      {errorText('formula')}
      {latex !== null && (
        <div className="concept-preview">
          <Equation latex={latex} display />
        </div>
      )}
      {field('box', 'Inputs and their ranges', 'x:-2:2, v:-2:2')}
      {errorText('box')}
      {field('threshold', 'Threshold (a classifier; or type the formula as a^2 + b^2 < 1)', 'none')}
      {errorText('threshold')}
      <button type="button" disabled={!read.ok || busy || applied} onClick={apply}>
        {applied ? 'In use' : 'Use this concept'}
      </button>
      <p className="hint">
        The formula is read by the explorer&apos;s own parser (never run as code). A link to the page carries
        it.
      </p>
    </section>
  );
}
