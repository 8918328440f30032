// The run's settings, folded by stage. Every field is read by the same rules as a shared link;
// a refused value is explained beside its field and the setting keeps its previous value.
import { useState } from 'react';
import { experimentOf } from '../pipeline/experimentOf.ts';
import { defaultSearchOptions } from '../core/search/options.ts';
import { defaultRunSettings, modelSettingsOf, type RunSettings } from '../pipeline/runSettings.ts';
import { NETWORK_PICK_RULE } from '../pipeline/pickRule.ts';
import { SETTINGS, type SettingGroup } from '../pipeline/settings.ts';
import { appStore, runIsBusy, setSettings, useApp } from '../state/store.ts';
import { readSetting, settingField, settingText } from '../state/url.ts';

interface FieldSpec {
  key: string;
  label: string;
  choices?: readonly string[];
}

/** The panel's folds, in order, and which is open at first. */
const FOLDS: readonly { group: SettingGroup; open: boolean }[] = [
  { group: 'Run', open: true },
  { group: 'Data', open: false },
  { group: 'Network', open: false },
  { group: 'Training', open: false },
  { group: 'Gradients', open: false },
  { group: 'Search', open: false },
];

/** Each fold's fields, from the settings table. */
const GROUPS = FOLDS.map(({ group, open }) => ({
  title: group,
  open,
  fields: SETTINGS.flatMap((row): FieldSpec[] =>
    row.panel?.group === group
      ? [{ key: row.key, label: row.panel.label, ...(row.kind === 'choice' ? { choices: row.choices } : {}) }]
      : [],
  ),
}));

/** What an unset optional field falls back to, shown as its placeholder. */
function effectiveDefaults(settings: RunSettings): Record<string, string> {
  const read = experimentOf(settings);
  if (!read.ok) return {};
  const experiment = read.experiment;
  const { network, train } = modelSettingsOf(settings, experiment.kind);
  return {
    examples: String(train.examples),
    hidden: network.hidden.join(','),
    activation: network.activation,
    dropout: String(network.dropout),
    l2: String(network.l2),
    epochs: String(train.epochs),
    lr: String(train.learningRate),
    batch: String(train.batch),
    operators: [...defaultSearchOptions.binaryOperators, ...defaultSearchOptions.unaryOperators].join(','),
    maxSize: String(defaultSearchOptions.maxSize),
    pickFactor: String(NETWORK_PICK_RULE.pickLossFactor),
  };
}

function apply(key: string, text: string): string | null {
  const settings = appStore.getState().settings;
  if (text.trim() === '') {
    // An optional setting left empty falls back to the preset's or the experiment's value.
    const field = settingField(key);
    if (field === undefined || defaultRunSettings[field] !== undefined) return 'a value is needed';
    const next = { ...settings };
    delete next[field];
    return setSettings(next) ? null : 'locked while a stage runs';
  }
  const read = readSetting(key, text);
  if (!read.ok) return read.reason;
  return setSettings({ ...settings, [read.field]: read.value }) ? null : 'locked while a stage runs';
}

function Field({
  spec,
  settings,
  placeholder,
}: {
  spec: FieldSpec;
  settings: RunSettings;
  placeholder: string;
}) {
  const current = settingText(spec.key, settings);
  const [draft, setDraft] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const commit = (text: string) => {
    const problem = apply(spec.key, text);
    setError(problem);
    if (!problem) setDraft(null);
  };
  const id = `setting-${spec.key}`;
  return (
    <div className="field">
      <label htmlFor={id}>{spec.label}</label>
      {spec.choices ? (
        <select id={id} value={current || placeholder} onChange={(e) => commit(e.target.value)}>
          {spec.choices.map((c) => (
            <option key={c}>{c}</option>
          ))}
        </select>
      ) : (
        <input
          id={id}
          value={draft ?? current}
          placeholder={placeholder}
          aria-invalid={error !== null}
          onChange={(e) => setDraft(e.target.value)}
          onBlur={(e) => commit(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') commit(e.currentTarget.value);
          }}
        />
      )}
      {error && <span className="field-error">{error}</span>}
    </div>
  );
}

export function SettingsPanel() {
  const settings = useApp((s) => s.settings);
  const busy = useApp(runIsBusy);
  const defaults = effectiveDefaults(settings);
  return (
    <section className="card settings">
      <fieldset disabled={busy}>
        {GROUPS.map((group) => (
          <details key={group.title} open={group.open}>
            <summary>{group.title}</summary>
            {group.fields.map((spec) => (
              <Field key={spec.key} spec={spec} settings={settings} placeholder={defaults[spec.key] ?? ''} />
            ))}
          </details>
        ))}
      </fieldset>
      <p className="hint">
        {busy
          ? 'Settings are locked while a stage runs or is paused, so the run matches its link: stop it to change them.'
          : "Changing a setting re-opens the stage it shapes and those after it; Run all continues from there, keeping the earlier stages' results."}
      </p>
    </section>
  );
}
