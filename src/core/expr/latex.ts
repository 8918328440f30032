// LaTeX for KaTeX display: subscripted and greek variable names, numbers rounded for reading,
// fractions, and only the parentheses the reader needs. Display only: it does not read back.

import { nodeCount } from './types.ts';
import type { Expr } from './types.ts';

export interface LatexOptions {
  /** Significant digits of displayed numbers; 4 when omitted. */
  digits?: number;
}

const GREEK = new Set([
  'alpha',
  'beta',
  'gamma',
  'delta',
  'epsilon',
  'varepsilon',
  'zeta',
  'eta',
  'theta',
  'vartheta',
  'iota',
  'kappa',
  'lambda',
  'mu',
  'nu',
  'xi',
  'pi',
  'rho',
  'sigma',
  'tau',
  'upsilon',
  'phi',
  'varphi',
  'chi',
  'psi',
  'omega',
  'Gamma',
  'Delta',
  'Theta',
  'Lambda',
  'Xi',
  'Pi',
  'Sigma',
  'Upsilon',
  'Phi',
  'Psi',
  'Omega',
]);

/** Escapes text for \mathrm{...}, so any header a user loads still gives balanced LaTeX. */
function escapeText(text: string): string {
  return text.replace(/[\\{}_^#$%&~]/g, (c) =>
    c === '\\' ? '\\backslash ' : c === '~' ? '\\sim ' : c === '^' ? '\\hat{}' : `\\${c}`,
  );
}

/** A name without subscript: one letter as is, greek as its command, else upright text. */
function typesetWord(word: string): string {
  if (/^[A-Za-z]$/.test(word) || /^[0-9]+$/.test(word)) return word;
  if (GREEK.has(word)) return `\\${word}`;
  return `\\mathrm{${escapeText(word)}}`;
}

/** a11 -> a_{11}, E_x -> E_{x}, theta2 -> \theta_{2}, speed -> \mathrm{speed}. */
export function typesetName(name: string): string {
  const digits = /^([A-Za-z]+)([0-9]+)$/.exec(name);
  if (digits) return `${typesetWord(digits[1] ?? '')}_{${digits[2] ?? ''}}`;
  const under = /^([A-Za-z0-9]+)_(.+)$/.exec(name);
  if (under) return `${typesetWord(under[1] ?? '')}_{${typesetWord(under[2] ?? '')}}`;
  return typesetWord(name);
}

interface Piece {
  readonly text: string;
  /** 1 sum, 2 product, 3 leading minus, 4 power, 5 atom. */
  readonly prec: number;
  /** Safe as the base of a power without parentheses. */
  readonly base?: boolean;
  /** For a leading minus: the same piece without it, so a + (-b) can print as a - b. */
  readonly negated?: Piece;
}

const paren = (p: Piece): string => `\\left(${p.text}\\right)`;
const wrap = (p: Piece, needed: boolean): string => (needed ? paren(p) : p.text);

/** |v| rounded to `digits` significant digits: integers plainly, tiny or huge as a \times 10^{k}. */
function formatMagnitude(v: number, digits: number): Piece {
  if (Number.isInteger(v) && v < 1e6) return { text: String(v), prec: 5, base: true };
  const rounded = Number(v.toPrecision(digits));
  if (rounded >= 1e-3 && rounded < 1e6) return { text: String(rounded), prec: 5, base: true };
  const [mantissa = '', exponent = ''] = rounded.toExponential(digits - 1).split('e');
  const m = mantissa.includes('.') ? mantissa.replace(/\.?0+$/, '') : mantissa;
  return { text: `${m} \\times 10^{${Number(exponent)}}`, prec: 2 };
}

function formatNumber(v: number, digits: number): Piece {
  if (Number.isNaN(v)) return { text: '\\mathrm{NaN}', prec: 5 };
  const magnitude =
    Math.abs(v) === Infinity
      ? { text: '\\infty', prec: 5, base: true }
      : formatMagnitude(Math.abs(v), digits);
  if (v > 0 || Object.is(v, 0)) return magnitude;
  return { text: `-${magnitude.text}`, prec: 3, negated: magnitude };
}

const FUNCTIONS = { sin: '\\sin', cos: '\\cos', log: '\\log' } as const;

function printNode(e: Expr, names: readonly string[], digits: number): Piece {
  switch (e.kind) {
    case 'const':
      return formatNumber(e.value, digits);
    case 'var': {
      const name = names[e.index];
      return { text: name === undefined ? `x_{${e.index}}` : typesetName(name), prec: 5, base: true };
    }
    case 'unary': {
      const arg = printNode(e.arg, names, digits);
      switch (e.op) {
        case 'neg':
          return { text: `-${wrap(arg, arg.prec < 2 || arg.prec === 3)}`, prec: 3, negated: arg };
        case 'sqrt':
          return { text: `\\sqrt{${arg.text}}`, prec: 5, base: true };
        case 'square':
          return { text: `{${wrap(arg, arg.base !== true)}}^{2}`, prec: 4 };
        case 'abs':
          return { text: `\\left|${arg.text}\\right|`, prec: 5, base: true };
        case 'exp':
          // A long exponent is hard to read in superscript size.
          return nodeCount(e.arg) <= 6
            ? { text: `e^{${arg.text}}`, prec: 4 }
            : { text: `\\exp${paren(arg)}`, prec: 5 };
        case 'sin':
        case 'cos':
        case 'log':
          return { text: `${FUNCTIONS[e.op]}${paren(arg)}`, prec: 5 };
      }
      break;
    }
    case 'binary': {
      const left = printNode(e.left, names, digits);
      const right = printNode(e.right, names, digits);
      switch (e.op) {
        case '+':
        case '-': {
          // a + (-b) reads as a - b, and a - (-b) as a + b.
          const n = right.negated;
          if (n !== undefined) {
            return e.op === '+'
              ? { text: `${left.text} - ${wrap(n, n.prec <= 1)}`, prec: 1 }
              : { text: `${left.text} + ${n.text}`, prec: 1 };
          }
          return { text: `${left.text} ${e.op} ${wrap(right, e.op === '-' && right.prec <= 1)}`, prec: 1 };
        }
        case '*': {
          // Display only, so a trailing number factor moves to the front: x * 2 reads 2\,x.
          const [first, second] =
            e.right.kind === 'const' && e.left.kind !== 'const' ? [right, left] : [left, right];
          const l = wrap(first, first.prec < 2);
          const r = wrap(second, second.prec <= 3);
          // A thin space reads as a product, except between digits: 2 \cdot 3.
          const sep = /^[0-9.]/.test(r) ? ' \\cdot ' : '\\,';
          return { text: `${l}${sep}${r}`, prec: 2 };
        }
        case '/':
          return { text: `\\frac{${left.text}}{${right.text}}`, prec: 5 };
        case '^':
          return { text: `{${wrap(left, left.base !== true)}}^{${right.text}}`, prec: 4 };
      }
    }
  }
  return { text: '', prec: 5 };
}

/**
 * LaTeX for `expr` with variable i named `variables[i]`: names typeset by typesetName, numbers
 * rounded to `digits` significant digits (default 4), `\frac`, `\sqrt`, `e^{}`, `\left( \right)`.
 */
export function toLatex(expr: Expr, variables: readonly string[], options: LatexOptions = {}): string {
  const digits = Math.min(17, Math.max(1, Math.round(options.digits ?? 4)));
  return printNode(expr, variables, digits).text;
}
