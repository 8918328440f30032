import { describe, expect, it } from 'vitest';
import { SETTINGS } from '../pipeline/settings.ts';
import { parseRunUrl, readSetting } from '../state/url.ts';
import { searchOptionsOf } from '../pipeline/runSettings.ts';
import { NETWORK_PICK_RULE } from '../pipeline/pickRule.ts';
import { resolveSearchOptions } from './searchCommand.ts';
import { optionSpec, parseCommandLine } from './options.ts';
import { settingFlag } from './settingFlags.ts';
import { UsageError } from './usageError.ts';

describe('settings on the command line', () => {
  it('has a flag for every setting of the table', () => {
    for (const row of SETTINGS) expect(optionSpec, row.flag).toHaveProperty(row.flag, { type: 'string' });
  });

  // Values at and beyond each bound, and malformed ones: the command line and a link agree.
  const cases: [key: string, text: string][] = [
    ['seed', '0'],
    ['seed', '-1'],
    ['seed', '1.5'],
    ['hidden', '1024,1024'],
    ['hidden', '1025'],
    ['hidden', '8,8,8,8,8,8,8,8,8'],
    ['epochs', '10000'],
    ['epochs', '10001'],
    ['lr', '1e-6'],
    ['lr', '0x10'],
    ['neuron', '8:1023'],
    ['neuron', '9:0'],
    ['points', '20000'],
    ['points', '20001'],
    ['operators', '+,-,sin'],
    ['operators', '+,frob'],
    ['timeLimit', '0.1'],
    ['timeLimit', 'Infinity'],
    ['check', 'maybe'],
    ['backend', 'webgl'],
    ['pickFactor', '0.5'],
  ];

  it.each(cases)('reads %s=%s as a link does', (key, text) => {
    const row = SETTINGS.find((entry) => entry.key === key)!;
    const link = readSetting(key, text);
    const { values } = parseCommandLine([`--${row.flag}=${text}`]);
    if (link.ok) {
      expect(settingFlag(values, row.field)).toEqual(link.value);
    } else {
      expect(() => settingFlag(values, row.field)).toThrow(UsageError);
      expect(() => settingFlag(values, row.field)).toThrow(
        `--${row.flag}: ${JSON.stringify(text)}: ${link.reason}`,
      );
    }
  });

  it("resolve to the page's search options for the same settings", () => {
    const link = parseRunUrl('v=1&seed=7&operators=%2B,-,*,sin&maxSize=12&timeLimit=5&pickFactor=3');
    const { values } = parseCommandLine([
      '--seed=7',
      '--operators=+,-,*,sin',
      '--max-size=12',
      '--time-limit=5',
      '--pick-factor=3',
    ]);
    expect(link.notices).toEqual([]);
    expect(resolveSearchOptions(values, 7, NETWORK_PICK_RULE)).toEqual(searchOptionsOf(link.settings));
  });
});
