import { describe, expect, it } from 'vitest';
import { Rng } from '../core/rng.ts';
import { readResultJson } from './resultFile.ts';
import { pickMadeOnOf } from './report.ts';
import { defaultSearchOptions } from '../core/search/options.ts';
import { writtenResult as written } from './testSupport.ts';

const refusal = (file: unknown): string => {
  const read = readResultJson(JSON.stringify(file));
  return read.ok ? 'accepted' : read.error;
};

describe('reading a result file back', () => {
  it('reads what the command line writes', () => {
    const read = readResultJson(JSON.stringify(written()));
    expect(read).toEqual({ ok: true, result: written() });
  });

  it("reads a result of schema 1, whose settings had each source's own shape", () => {
    const old = {
      ...written(),
      schema: 1,
      settings: { ...defaultSearchOptions, maxRounds: 400, crossCheck: 'off' },
    };
    const read = readResultJson(JSON.stringify(old));
    expect(read).toEqual({ ok: true, result: old });
    expect(read.ok && pickMadeOnOf(read.result)).toBe('off');
    expect(pickMadeOnOf(written())).toBe('held-out points');
  });

  it('reads what the gradients followed among several known concepts', () => {
    const gradients = {
      points: 500,
      outsideBand: 0,
      zeroGradient: 0,
      flatDirections: 0,
      quality: 0.3,
      known: {
        concepts: [
          { name: 'angular momentum', quality: 0.3 },
          { name: 'energy', quality: 0.93 },
        ],
        span: 0.978,
      },
    };
    const file = { ...written(), gradients };
    expect(readResultJson(JSON.stringify(file))).toEqual({ ok: true, result: file });
    const bad = { ...file, gradients: { ...gradients, known: { ...gradients.known, span: 'most' } } };
    expect(refusal(bad)).toMatch(/^gradients\.known\.span: /);
  });

  it('writes LaTeX and SymPy afresh from the parsed expression, never from the file', () => {
    const file = written();
    file.pareto[0]!.latex = '\\href{javascript:alert(1)}{x}';
    file.best!.sympy = '__import__("os")';
    const read = readResultJson(JSON.stringify(file));
    expect(read.ok && read.result.pareto[0]!.latex).toBe('x');
    expect(read.ok && read.result.best!.sympy).toBe(written().best!.sympy);
  });

  it('refuses a malformed file, naming the field', () => {
    expect(refusal({ ...written(), best: {} })).toMatch(/^best\.complexity: /);
    expect(refusal({ ...written(), timings: { search_s: 'soon' } })).toMatch(/^timings\.search_s: /);
    expect(refusal({ ...written(), schema: 3 })).toMatch(/^schema: /);
    expect(refusal({ ...written(), variables: ['x', 'constructor()'] })).toMatch(/^variables\[1\]: /);
    const bad = written();
    bad.pareto[1]!.expr = 'square(x) + (';
    expect(refusal(bad)).toMatch(/^pareto\[1\]\.expr: /);
    expect(readResultJson('{"schema": 1, "seed": 1e999}')).toMatchObject({ ok: false });
    expect(readResultJson('not json')).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^not JSON/),
    });
  });

  it('never throws, whatever the file holds', () => {
    const rng = new Rng(9);
    const hostile = [null, -1, 1e308, '', 'x'.repeat(300), [], {}, true, { __proto__: { a: 1 } }];
    const paths = (value: unknown, prefix: string[] = []): string[][] =>
      value && typeof value === 'object'
        ? [prefix, ...Object.entries(value).flatMap(([k, v]) => paths(v, [...prefix, k]))]
        : [prefix];
    const all = paths(written()).filter((p) => p.length > 0);
    for (let trial = 0; trial < 300; trial++) {
      const file = written() as unknown as Record<string, unknown>;
      const path = all[rng.int(all.length)]!;
      let target: Record<string, unknown> = file;
      for (const key of path.slice(0, -1)) target = target[key] as Record<string, unknown>;
      target[path[path.length - 1]!] = hostile[rng.int(hostile.length)];
      expect(() => readResultJson(JSON.stringify(file))).not.toThrow();
    }
  });
});
