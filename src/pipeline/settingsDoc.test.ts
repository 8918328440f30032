import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SETTINGS } from './settings.ts';
import { settingsMarkdown, withSettingsTable } from './settingsDoc.ts';

describe("the README's table of settings", () => {
  it('is the one the settings table writes (npm run docs:settings)', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    expect(withSettingsTable(readme)).toBe(readme);
  });

  it('has a row for every setting, naming its flag and link key', () => {
    const table = settingsMarkdown();
    for (const row of SETTINGS) expect(table).toContain(`| \`--${row.flag}\` | \`${row.key}\` |`);
  });
});
