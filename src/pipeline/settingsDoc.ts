// The README's table of settings, written from the settings table, so that the documentation
// cannot drift from what the link, the command line and the page accept.

import { MAX_LATENT_SIZE } from '../model/options.ts';
import { MAX_CONCEPT_INPUTS, MIN_CONCEPT_INPUTS } from '../experiments/concept.ts';
import { defaultSearchOptions } from '../core/search/options.ts';
import { defaultRunSettings } from './runSettings.ts';
import { SETTINGS, type SettingRow } from './settings.ts';
import { formatSettingValue } from './settingValues.ts';
import { NETWORK_PICK_RULE } from './pickRule.ts';

/** The README's table lies between these lines. */
export const SETTINGS_DOC_START = '<!-- settings table: written by `npm run docs:settings` -->';
export const SETTINGS_DOC_END = '<!-- end of settings table -->';

/** Where a setting left unset takes its value from. */
const UNSET_DEFAULTS: Partial<Record<SettingRow['field'], string>> = {
  examples: "the preset's",
  hidden: "the preset's",
  latentSize: '`1`',
  negatives: '`fresh`',
  activation: "the preset's",
  dropout: "the preset's",
  l2: "the preset's",
  epochs: "the preset's",
  learningRate: "the preset's",
  batch: "the preset's",
  operators: `\`${[...defaultSearchOptions.binaryOperators, ...defaultSearchOptions.unaryOperators].join(',')}\``,
  maxSize: String(defaultSearchOptions.maxSize),
  pickLossFactor: `${NETWORK_PICK_RULE.pickLossFactor} (\`search\`: ${defaultSearchOptions.pickLossFactor})`,
};

function defaultText(row: SettingRow): string {
  const value: unknown = defaultRunSettings[row.field];
  return value === undefined ? (UNSET_DEFAULTS[row.field] ?? '') : `\`${formatSettingValue(row, value)}\``;
}

function valueText(row: SettingRow): string {
  switch (row.kind) {
    case 'integer':
    case 'number':
      return `${row.kind === 'integer' ? 'whole number' : 'number'}, ${row.min} to ${row.max}`;
    case 'choice':
      return row.choices.length > 8 ? 'an experiment id' : row.choices.map((c) => `\`${c}\``).join(', ');
    case 'integerList':
      return `${row.minLength} to ${row.maxLength} whole numbers, ${row.min} to ${row.max}`;
    case 'neuron':
      return `\`output\`, \`output:J\` (J up to ${MAX_LATENT_SIZE - 1}) or \`L:I\` (L up to ${row.maxLayer}, I up to ${row.maxUnit})`;
    case 'operatorList':
      return `comma-separated, up to ${row.maxChars} characters`;
    case 'formula':
      return `a formula of up to ${row.maxChars} characters (\`+ - * / ^\`, sqrt, square, sin, cos, exp, log, abs, pi)`;
    case 'box':
      return `\`NAME:LOW:HIGH\`, comma-separated, ${MIN_CONCEPT_INPUTS} to ${MAX_CONCEPT_INPUTS} inputs`;
  }
}

/** `|` inside a table cell. */
const cell = (text: string): string => text.replace(/\|/g, '\\|');

/** The Markdown table, one row per setting, between its marker lines. */
export function settingsMarkdown(): string {
  return [
    SETTINGS_DOC_START,
    '',
    '| command line | link key | page | value | default | meaning |',
    '| --- | --- | --- | --- | --- | --- |',
    ...SETTINGS.map(
      (row) =>
        `| \`--${row.flag}\` | \`${row.key}\` | ${row.panel ? `${row.panel.group}: ${row.panel.label}` : 'experiment list'} | ${cell(valueText(row))} | ${cell(defaultText(row))} | ${cell(row.help)} |`,
    ),
    '',
    SETTINGS_DOC_END,
  ].join('\n');
}

/** `readme` with its settings table replaced by the current one; null where it has no markers. */
export function withSettingsTable(readme: string): string | null {
  const start = readme.indexOf(SETTINGS_DOC_START);
  const end = readme.indexOf(SETTINGS_DOC_END);
  if (start < 0 || end < start) return null;
  return readme.slice(0, start) + settingsMarkdown() + readme.slice(end + SETTINGS_DOC_END.length);
}
