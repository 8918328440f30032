// `npm run docs:settings`: rewrites the README's table of settings from the settings table.

import { readFile, writeFile } from 'node:fs/promises';
import { withSettingsTable } from '../src/pipeline/settingsDoc.ts';

const readmeUrl = new URL('../README.md', import.meta.url);
const updated = withSettingsTable(await readFile(readmeUrl, 'utf8'));
if (updated === null) {
  process.stderr.write('README.md has no settings table markers\n');
  process.exit(1);
}
await writeFile(readmeUrl, updated);
