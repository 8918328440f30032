// An equation exported for use elsewhere: a NumPy function, a SymPy expression, LaTeX or plain
// infix text (which this tool's parser and most others read), each a file that says where it came
// from. Input names become Python names as they are, except where
// they would collide with a Python keyword or a name the file itself uses (then with `_` added).

import { toInfix, toLatex, toNumpy, toSympy } from '../core/expr/print.ts';
import type { Expr } from '../core/expr/types.ts';
import { parseExpression } from '../core/expr/parse.ts';
import type { ResultJson } from './report.ts';

export const EXPORT_KINDS = ['numpy', 'sympy', 'latex', 'infix'] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];

/** The file name ending each kind is written with. */
export const EXPORT_EXTENSIONS: Record<ExportKind, string> = {
  numpy: '.py',
  sympy: '.py',
  latex: '.tex',
  infix: '.txt',
};

const PYTHON_KEYWORDS = new Set(
  (
    'False None True and as assert async await break class continue def del elif else except ' +
    'finally for from global if import in is lambda nonlocal not or pass raise return try while with yield'
  ).split(' '),
);

/** Names the exported files define or import themselves. */
const TAKEN = new Set([
  'np',
  'sp',
  'f',
  'expr',
  'symbols',
  'Abs',
  'cos',
  'exp',
  'log',
  'nan',
  'oo',
  'sin',
  'sqrt',
]);

/** The inputs' names as Python names: each as it is, or with `_` added until it is free. */
export function pythonNames(variables: readonly string[]): string[] {
  const used = new Set<string>();
  return variables.map((name) => {
    let safe = name;
    while (PYTHON_KEYWORDS.has(safe) || TAKEN.has(safe) || used.has(safe)) safe = `${safe}_`;
    used.add(safe);
    return safe;
  });
}

/** What the file says of the equation: its infix text and where it came from. */
export interface ExportedEquation {
  tree: Expr;
  variables: readonly string[];
  /** One line: the equation as the page shows it, and the run it came from. */
  description: string;
}

/** The text of the file exporting `equation` as `kind`. */
export function exportFile(kind: ExportKind, equation: ExportedEquation): string {
  const names = pythonNames(equation.variables);
  const renamed = equation.variables.flatMap((name, j) =>
    names[j] === name ? [] : [`${name} is ${names[j]}`],
  );
  const note = renamed.length > 0 ? ` (${renamed.join(', ')})` : '';
  switch (kind) {
    case 'numpy':
      return [
        `"""${pythonText(equation.description)}${note}."""`,
        'import numpy as np',
        '',
        '',
        `def f(${names.join(', ')}):`,
        '    """The equation at the points given, as arrays of one shape (or numbers)."""',
        `    return ${toNumpy(equation.tree, names)}`,
        '',
      ].join('\n');
    case 'sympy':
      return [
        `"""${pythonText(equation.description)}${note}."""`,
        'from sympy import Abs, cos, exp, log, nan, oo, sin, sqrt, symbols',
        '',
        `${names.join(', ')}${names.length === 1 ? ',' : ''} = symbols("${names.join(' ')}", real=True)`,
        `expr = ${toSympy(equation.tree, names)}`,
        '',
      ].join('\n');
    case 'latex':
      return `% ${equation.description.replace(/\n/g, ' ')}\n\\[\n${toLatex(equation.tree, equation.variables)}\n\\]\n`;
    case 'infix':
      return `# ${equation.description.replace(/\n/g, ' ')}\n${toInfix(equation.tree, equation.variables)}\n`;
  }
}

/** Text that can stand inside a Python docstring. */
function pythonText(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/"""/g, '\\"\\"\\"').replace(/\n/g, ' ');
}

/**
 * The row of `result`'s front of complexity `complexity` (its pick where null or absent) exported
 * as `kind`, and a file name for it; null where there is no such row.
 */
export function resultExport(
  result: ResultJson,
  kind: ExportKind,
  complexity: number | null = null,
): { text: string; fileName: string } | null {
  const best = result.pareto.find((e) => e.complexity === complexity) ?? result.best;
  if (!best) return null;
  // The pick's infix text reads back to the same tree (`toInfix`).
  const parsed = parseExpression(best.expr, result.variables);
  if (!parsed.ok) throw new Error(`the pick does not read back: ${parsed.error.message}`);
  const source = Object.entries(result.input)
    .map(([key, value]) => `${key} ${value}`)
    .join(', ');
  const description = `${best.expr}: complexity ${best.complexity}, loss ${best.loss.toExponential(3)}, from a run of the Symbolic Gradients Explorer on ${source}, seed ${result.seed}`;
  const stem = `${String(result.input['experiment'] ?? 'run')}-seed${result.seed}-c${best.complexity}`;
  return {
    text: exportFile(kind, { tree: parsed.expr, variables: result.variables, description }),
    fileName: `${stem}${kind === 'latex' || kind === 'infix' ? '' : `-${kind}`}${EXPORT_EXTENSIONS[kind]}`,
  };
}
