// The exported NumPy and SymPy files, run by Python itself, give the equation's values at every
// point, as the project's evaluator does; the LaTeX file holds the equation's LaTeX.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluateScalar } from '../core/expr/evaluate.ts';
import { parseExpression } from '../core/expr/parse.ts';
import { toLatex, toNumpy } from '../core/expr/print.ts';
import { exportFile, pythonNames, resultExport } from './exports.ts';
import { PYSR_VERSION, pysrScript } from './pysrScript.ts';
import { defaultSearchOptions } from '../core/search/options.ts';
import { writtenResult } from './testSupport.ts';

// `lambda` and `np` cannot be Python names as they are: the files rename them.
const variables = ['x', 'lambda', 'np'];
const equations = [
  'square(x) + 2 * square(lambda) - np',
  '-square(x - 1.5) / (lambda ^ 3)',
  'sqrt(abs(x)) * exp(-lambda) + log(np + 3)',
  'sin(x * lambda) - cos(np) ^ 2 + 1e-7 * x',
  '-(x ^ 2) ^ 0.5 - (-2.25) * np',
];
const points = [
  [0.3, 1.7, 0.2],
  [-1.2, 0.4, 2.5],
  [2, 3, -1],
];

function runPython(script: string): unknown {
  const dir = mkdtempSync(join(tmpdir(), 'exports-'));
  writeFileSync(join(dir, 'check.py'), script);
  return JSON.parse(execFileSync('python3', [join(dir, 'check.py')], { encoding: 'utf8' }));
}

describe('exported equations', () => {
  const trees = equations.map((text) => {
    const parsed = parseExpression(text, variables);
    if (!parsed.ok) throw new Error(parsed.error.message);
    return parsed.expr;
  });
  const expected = trees.map((tree) => points.map((p) => evaluateScalar(tree, p)));
  const files = (kind: 'numpy' | 'sympy') =>
    trees.map((tree) =>
      exportFile(kind, { tree, variables, description: 'a test "equation" \\ with quotes' }),
    );

  it('renames only the inputs that cannot be Python names', () => {
    expect(pythonNames(variables)).toEqual(['x', 'lambda_', 'np_']);
  });

  /** Each exported file run by Python, and `value` (Python, of `module` and a point `p`) at every point. */
  const valuesInPython = (kind: 'numpy' | 'sympy', value: string): number[][] =>
    runPython(
      [
        'import json, types',
        `sources = ${JSON.stringify(files(kind))}`,
        `points = ${JSON.stringify(points)}`,
        `names = ${JSON.stringify(pythonNames(variables))}`,
        'values = []',
        'for source in sources:',
        '    module = types.ModuleType("exported")',
        '    exec(compile(source, "exported.py", "exec"), module.__dict__)',
        `    values.append([float(${value}) for p in points])`,
        'print(json.dumps(values))',
      ].join('\n'),
    ) as number[][];

  it('as NumPy functions, evaluate to the same values', () => {
    const values = valuesInPython('numpy', 'module.f(*p)');
    values.forEach((row, i) => row.forEach((v, j) => expect(v).toBeCloseTo(expected[i]![j]!, 10)));
  });

  it('as SymPy expressions, evaluate to the same values', () => {
    const values = valuesInPython(
      'sympy',
      'module.expr.subs(dict(zip([module.__dict__[n] for n in names], p))).evalf(30)',
    );
    values.forEach((row, i) => row.forEach((v, j) => expect(v).toBeCloseTo(expected[i]![j]!, 10)));
  });

  it('as LaTeX, hold the equation between display brackets', () => {
    const tree = trees[0]!;
    const file = exportFile('latex', { tree, variables, description: 'pick' });
    expect(file).toBe(`% pick\n\\[\n${toLatex(tree, variables)}\n\\]\n`);
  });

  it('as infix text, read back to the same values', () => {
    trees.forEach((tree, k) => {
      const [comment, text] = exportFile('infix', { tree, variables, description: 'pick' }).split('\n');
      expect(comment).toBe('# pick');
      const parsed = parseExpression(text!, variables);
      if (!parsed.ok) throw new Error(parsed.error.message);
      points.forEach((p, i) => expect(evaluateScalar(parsed.expr, p)).toBe(expected[k]![i]));
    });
  });
});

describe("a result's row exported", () => {
  it('is the row asked for, the pick by default, named after the run', () => {
    const result = writtenResult();
    const pick = resultExport(result, 'numpy');
    expect(pick?.fileName).toBe(`oscillator-harmonic-seed3-c${result.best!.complexity}-numpy.py`);
    expect(pick?.text).toContain(`return ${toNumpy(parse(result.best!.expr), result.variables)}`);
    const first = result.pareto[0]!;
    expect(resultExport(result, 'latex', first.complexity)?.text).toContain(first.latex);
    expect(resultExport({ ...result, best: null }, 'sympy')).toBeNull();
  });
});

function parse(text: string) {
  const parsed = parseExpression(text, ['x', 'v']);
  if (!parsed.ok) throw new Error(parsed.error.message);
  return parsed.expr;
}

describe('the PySR script', () => {
  // Points on the plane a + lambda + c = 1 (a flat subspace), the exact gradients of a*lambda + c
  // there, and one row whose gradient vanishes.
  const rows = [
    [0.2, 0.3],
    [0.5, 0.1],
    [0.1, 0.7],
    [0.4, 0.4],
    [0.3, 0.3],
  ].map(([a, b]) => [a!, b!, 1 - a! - b!]);
  const csv = [
    'a,lambda,c,grad_a,grad_lambda,grad_c',
    ...rows.map(([a, b, c]) => [a, b, c, b, a, 1].join(',')),
    '0.1,0.1,0.8,0,0,0',
  ].join('\n');
  const script = pysrScript({
    variables: ['a', 'lambda', 'c'],
    options: { ...defaultSearchOptions, seed: 7 },
    gradientFile: 'run-gradients.csv',
    description: 'a test run """ with quotes \\ and a backslash',
  });

  it('is valid Python that names its PySR version and the run’s settings', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pysr-'));
    writeFileSync(join(dir, 'search.py'), script);
    execFileSync('python3', ['-m', 'py_compile', join(dir, 'search.py')]);
    expect(script).toContain(`pysr==${PYSR_VERSION}.*`);
    expect(script).toMatch(/maxsize=25,/);
    expect(script).toContain('SEED = 7');
    expect(script).toContain('"sin": {');
  });

  it('reads the gradient file into PySR data: unit gradients along the points’ flat subspace', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pysr-'));
    writeFileSync(join(dir, 'search.py'), script);
    writeFileSync(join(dir, 'run-gradients.csv'), csv);
    const out = runPython(
      [
        'import json, runpy',
        `m = runpy.run_path(${JSON.stringify(join(dir, 'search.py'))}, run_name="exported")`,
        `x, g = m["read_gradients"](${JSON.stringify(join(dir, 'run-gradients.csv'))})`,
        'normals = m["flat_directions"](x)',
        'X, y = m["pysr_data"](x, g, normals)',
        'print(json.dumps({"X": X.tolist(), "normals": normals.tolist(), "julia": m["julia_matrix"](normals, 3)}))',
      ].join('\n'),
    ) as { X: number[][]; normals: number[][]; julia: string };
    expect(out.X).toHaveLength(rows.length);
    expect(out.normals).toHaveLength(1);
    const normal = out.normals[0]!;
    normal.forEach((v) => expect(Math.abs(v)).toBeCloseTo(1 / Math.sqrt(3), 6));
    out.X.forEach((row, i) => {
      expect(row.slice(0, 3)).toEqual(rows[i]);
      const t = row.slice(3);
      expect(Math.hypot(...t)).toBeCloseTo(1, 12);
      expect(t.reduce((s, v, j) => s + v * normal[j]!, 0)).toBeCloseTo(0, 12);
    });
    expect(out.julia).toMatch(/^\[\S+ \S+ \S+\]$/);
  });
});
