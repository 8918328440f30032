// The URL codec: every valid setting survives a link, and hostile links open with defaults and
// a notice rather than an exception.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BINARY_OPS, UNARY_OPS } from '../core/expr/types.ts';
import { experimentIds } from '../experiments/index.ts';
import { BACKENDS, type BackendChoice } from '../model/options.ts';
import { ACTIVATIONS, PRESETS } from '../model/options.ts';
import type { NeuronRef } from '../model/options.ts';
import { defaultRunSettings, type RunSettings } from '../pipeline/runSettings.ts';
import { parseRunUrl, serializeRunUrl } from './url.ts';
import { SETTINGS } from '../pipeline/settings.ts';

/** A double in [min, max]; -0 is left out, since a link reads it back as 0. */
const double = (min: number, max: number) =>
  fc.double({ min, max, noNaN: true, noDefaultInfinity: true }).map((x) => x + 0);

const neuron: fc.Arbitrary<NeuronRef> = fc.oneof(
  fc.constant<NeuronRef>({ kind: 'output' }),
  fc.integer({ min: 1, max: 3 }).map((unit): NeuronRef => ({ kind: 'output', unit })),
  fc.record({
    kind: fc.constant('hidden' as const),
    layer: fc.integer({ min: 1, max: 8 }),
    index: fc.integer({ min: 0, max: 1023 }),
  }),
);

const operators = fc
  .tuple(
    fc.uniqueArray(fc.constantFrom(...BINARY_OPS, '**'), { minLength: 1 }),
    fc.uniqueArray(fc.constantFrom(...UNARY_OPS)),
    fc.constantFrom(',', ', '),
  )
  .map(([binary, unary, separator]) => [...binary, ...unary].join(separator));

/** A typed concept's box: two to five named inputs, each with a range. */
const box = fc
  .uniqueArray(fc.constantFrom('x', 'v', 'a1', 'rho_p', 'T', 'omega'), { minLength: 2, maxLength: 5 })
  .chain((names) =>
    fc.tuple(
      ...names.map((name) =>
        fc.tuple(double(-1e6, 0), double(0.5, 1e6)).map(([low, high]) => `${name}:${low}:${high}`),
      ),
    ),
  )
  .map((parts) => parts.join(','));

const validSettings: fc.Arbitrary<RunSettings> = fc.record(
  {
    experiment: fc.constantFrom(...experimentIds),
    concept: fc.string({ minLength: 1, maxLength: 500 }),
    box,
    threshold: double(-1e12, 1e12),
    seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
    preset: fc.constantFrom(...PRESETS),
    examples: fc.integer({ min: 10, max: 1_000_000 }),
    hidden: fc.array(fc.integer({ min: 1, max: 1024 }), { minLength: 1, maxLength: 8 }),
    latentSize: fc.integer({ min: 1, max: 4 }),
    activation: fc.constantFrom(...ACTIVATIONS),
    dropout: double(0, 0.9),
    l2: double(0, 1),
    epochs: fc.integer({ min: 1, max: 10_000 }),
    learningRate: double(1e-6, 1),
    batch: fc.integer({ min: 1, max: 8192 }),
    neuron,
    points: fc.integer({ min: 10, max: 20_000 }),
    band: double(0, 0.49),
    operators,
    maxSize: fc.integer({ min: 3, max: 60 }),
    timeLimitSeconds: double(1, 3600),
    crossCheck: fc.constantFrom<'on' | 'off'>('on', 'off'),
    pickLossFactor: double(1, 1e6),
    backend: fc.constantFrom<BackendChoice>('auto', ...BACKENDS),
  },
  {
    requiredKeys: [
      'experiment',
      'seed',
      'preset',
      'neuron',
      'points',
      'band',
      'timeLimitSeconds',
      'crossCheck',
      'backend',
    ],
  },
);

/** Parses `search` and checks that what came out is itself a valid, linkable settings object. */
function parseChecked(search: string) {
  const parsed = parseRunUrl(search);
  const again = parseRunUrl(serializeRunUrl(parsed.settings));
  expect(again.settings).toEqual(parsed.settings);
  expect(again.notices).toEqual([]);
  return parsed;
}

describe('serializeRunUrl and parseRunUrl', () => {
  it('round-trips every valid settings object', () => {
    fc.assert(
      fc.property(validSettings, (settings) => {
        const text = serializeRunUrl(settings);
        const parsed = parseRunUrl(text);
        expect(parsed.notices).toEqual([]);
        expect(parsed.settings).toEqual(settings);
        expect(serializeRunUrl(parsed.settings)).toBe(text);
      }),
    );
  });

  it('writes just the version for the defaults, and reads an empty query as the defaults', () => {
    expect(serializeRunUrl(defaultRunSettings)).toBe('v=1');
    expect(parseRunUrl('')).toEqual({ settings: defaultRunSettings, notices: [] });
    expect(parseRunUrl('?v=1')).toEqual({ settings: defaultRunSettings, notices: [] });
  });

  it('writes only what differs from the defaults, readably, in table order', () => {
    const settings: RunSettings = {
      ...defaultRunSettings,
      seed: 7,
      hidden: [64, 32],
      neuron: { kind: 'hidden', layer: 2, index: 5 },
      operators: '+,-,*,/,sin',
      learningRate: 1e-6,
      latentSize: 2,
    };
    expect(serializeRunUrl(settings)).toBe(
      'v=1&seed=7&hidden=64,32&latent=2&lr=0.000001&neuron=2:5&operators=%2B,-,*,/,sin',
    );
    expect(serializeRunUrl({ ...defaultRunSettings, neuron: { kind: 'output', unit: 1 } })).toBe(
      'v=1&neuron=output:1',
    );
  });

  it('writes an optional field that is set, even to a value a preset would give', () => {
    const settings: RunSettings = { ...defaultRunSettings, dropout: 0, activation: 'elu' };
    expect(serializeRunUrl(settings)).toBe('v=1&activation=elu&dropout=0');
  });

  it('has one entry per key and per field', () => {
    expect(new Set(SETTINGS.map((e) => e.key)).size).toBe(SETTINGS.length);
    expect(new Set(SETTINGS.map((e) => e.field)).size).toBe(SETTINGS.length);
  });

  it('reads scientific notation and whole numbers written as decimals', () => {
    const { settings, notices } = parseChecked('v=1&lr=3e-4&epochs=1e3&batch=64.0&l2=.5');
    expect(notices).toEqual([]);
    expect(settings).toMatchObject({ learningRate: 3e-4, epochs: 1000, batch: 64, l2: 0.5 });
  });
});

describe('parseRunUrl on hostile links', () => {
  const cases: [string, string][] = [
    ['seed=abc', 'refused seed="abc": not a whole number'],
    ['epochs=999999', 'refused epochs=999999: out of range 1 to 10000'],
    ['epochs=2.5', 'refused epochs=2.5: not a whole number'],
    ['seed=1e400', 'refused seed=1e400: out of range 0 to 2147483647'],
    ['dropout=1e400', 'refused dropout=1e400: out of range 0 to 0.9'],
    ['dropout=-0.5', 'refused dropout=-0.5: out of range 0 to 0.9'],
    ['lr=1e-400', 'refused lr=1e-400: out of range 0.000001 to 1'],
    ['seed=-1', 'refused seed=-1: out of range 0 to 2147483647'],
    ['band=Infinity', 'refused band="Infinity": not a number'],
    ['band=NaN', 'refused band="NaN": not a number'],
    ['band=0x10', 'refused band="0x10": not a number'],
    ['band=', 'refused band="": not a number'],
    ['band=1e+2', 'refused band="1e 2": not a number'],
    ['seed=%201', 'refused seed=" 1": not a whole number'],
    ['experiment=<script>alert(1)</script>', 'refused experiment="<script>alert(1)</script>": not one of'],
    ['backend=javascript:alert(1)', 'refused backend="javascript:alert(1)": not one of auto, webgpu'],
    ['preset=FAST', 'refused preset="FAST": not one of fast, paper'],
    ['activation=constructor', 'refused activation="constructor": not one of relu'],
    ['hidden=', 'refused hidden="": value 1: not a whole number'],
    ['hidden=64,,64', 'refused hidden="64,,64": value 2: not a whole number'],
    ['hidden=64,2000', 'refused hidden="64,2000": value 2: out of range 1 to 1024'],
    ['hidden=1,1,1,1,1,1,1,1,1', 'refused hidden="1,1,1,1,1,1,1,1,1": needs 1 to 8 comma-separated values'],
    ['neuron=3:x', 'refused neuron="3:x": neither "output", "output:UNIT" nor LAYER:UNIT (for example 1:0)'],
    ['neuron=output:4', 'refused neuron="output:4": output unit out of range 0 to 3'],
    ['latent=5', 'refused latent=5: out of range 1 to 4'],
    ['neuron=0:0', 'refused neuron="0:0": layer out of range 1 to 8'],
    ['neuron=9:0', 'refused neuron="9:0": layer out of range 1 to 8'],
    ['neuron=1:1024', 'refused neuron="1:1024": unit out of range 0 to 1023'],
    ['neuron=-1:0', 'refused neuron="-1:0": neither "output", "output:UNIT" nor'],
    ['operators=%2B,-,foo', 'refused operators="+,-,foo": unknown operator "foo"'],
    ['operators=sin', 'refused operators="sin": the operator list needs at least one binary operator'],
    ['foo=1', 'ignored unknown setting "foo"'],
    ['__proto__=1', 'ignored unknown setting "__proto__"'],
    ['constructor=x', 'ignored unknown setting "constructor"'],
    ['toString=x', 'ignored unknown setting "toString"'],
    ['<script>alert(1)</script>=1', 'ignored unknown setting "<script>alert(1)</script>"'],
    ['seed=%221%22', 'refused seed="\\"1\\"": not a whole number'],
    ['seed=1%0A2', 'refused seed="1\\n2": not a whole number'],
  ];

  it.each(cases)('%s', (query, notice) => {
    const { settings, notices } = parseChecked(`v=1&${query}`);
    expect(settings).toEqual(defaultRunSettings);
    expect(notices).toHaveLength(1);
    expect(notices[0]).toContain(notice);
  });

  it('does not pollute prototypes', () => {
    const { settings } = parseChecked('v=1&__proto__=1&constructor=x&prototype=y&seed=3');
    expect(Object.getPrototypeOf(settings)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>)['seed']).toBeUndefined();
    expect(settings.seed).toBe(3);
  });

  it('cuts 10 kB values and keys to 40 characters in notices', () => {
    const big = '9'.repeat(10_000);
    const { settings, notices } = parseChecked(
      `v=1&seed=${big}&operators=${'%2B,'.repeat(2500)}&hidden=${'1,'.repeat(5000)}&${'k'.repeat(10_000)}=1&experiment=${'x'.repeat(10_000)}`,
    );
    expect(settings).toEqual(defaultRunSettings);
    expect(notices).toEqual([
      `refused seed="${'9'.repeat(40)}…": out of range 0 to 2147483647`,
      `refused operators="${'+,'.repeat(20)}…": longer than 200 characters`,
      `refused hidden="${'1,'.repeat(20)}…": needs 1 to 8 comma-separated values`,
      `ignored unknown setting "${'k'.repeat(40)}…"`,
      expect.stringMatching(/^refused experiment="x{40}…": not one of /) as string,
    ]);
  });

  it('cuts at whole characters, not halves of a surrogate pair', () => {
    const { notices } = parseChecked(`v=1&preset=${encodeURIComponent('😀'.repeat(50))}`);
    expect(notices).toEqual([`refused preset="${'😀'.repeat(40)}…": not one of fast, paper`]);
  });

  it('reads the last of repeated keys, with a notice', () => {
    expect(parseChecked('v=1&seed=5&seed=7')).toEqual({
      settings: { ...defaultRunSettings, seed: 7 },
      notices: ['setting "seed" appears 2 times; the last one is used'],
    });
    expect(parseChecked('v=1&seed=5&seed=abc').notices).toEqual([
      'setting "seed" appears 2 times; the last one is used',
      'refused seed="abc": not a whole number',
    ]);
  });

  it('reads on through a missing or unknown version', () => {
    expect(parseChecked('seed=5')).toEqual({
      settings: { ...defaultRunSettings, seed: 5 },
      notices: ['no link version; read as version 1'],
    });
    expect(parseChecked('v=99&seed=5')).toEqual({
      settings: { ...defaultRunSettings, seed: 5 },
      notices: ['unknown link version v=99; read as version 1'],
    });
    expect(parseChecked('v=<b>&seed=5').notices).toEqual(['unknown link version v="<b>"; read as version 1']);
  });

  it('keeps the good values of a link with bad ones', () => {
    const { settings, notices } = parseChecked('v=1&seed=42&epochs=-3&neuron=1:7&band=0.1&backend=gpu');
    expect(settings).toEqual({
      ...defaultRunSettings,
      seed: 42,
      neuron: { kind: 'hidden', layer: 1, index: 7 },
      band: 0.1,
    });
    expect(notices).toHaveLength(2);
  });

  it('never throws, and what it accepts is valid, on arbitrary queries', () => {
    const key = fc.oneof(fc.constantFrom('v', ...SETTINGS.map((e) => e.key)), fc.string());
    const value = fc.oneof(fc.string(), fc.stringMatching(/^-?\d{0,4}(\.\d{0,3})?(e-?\d)?$/));
    fc.assert(
      fc.property(fc.array(fc.tuple(key, value), { maxLength: 12 }), (pairs) => {
        parseChecked(new URLSearchParams(pairs).toString());
      }),
    );
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (raw) => {
        parseChecked(raw);
      }),
    );
  });

  it('returns fresh objects that do not share the defaults', () => {
    const { settings } = parseRunUrl('');
    expect(settings.neuron).not.toBe(defaultRunSettings.neuron);
  });
});
