// Plain-text printers: infix (what parseExpression reads back), SymPy and NumPy. Each puts in only
// the parentheses the grammar needs, so a printed formula parses back to the same tree (up to how a
// negative literal is read) and to the same value.

import type { Expr, UnaryOp } from './types.ts';

export { toLatex } from './latex.ts';
export type { LatexOptions } from './latex.ts';

/** Binding strength of what a printed piece is, loosest first. */
const Prec = {
  Sum: 1,
  Product: 2,
  /** A leading minus: `-x`, or a negative number. */
  Prefix: 3,
  Power: 4,
  Atom: 5,
} as const;

interface Piece {
  readonly text: string;
  readonly prec: number;
}

interface Dialect {
  readonly power: string;
  readonly nan: Piece;
  readonly infinity: Piece;
  readonly negInfinity: Piece;
  /** Prints a one-argument function applied to an already printed argument. */
  readonly call: (op: Exclude<UnaryOp, 'neg'>, arg: Piece) => Piece;
}

const atom = (text: string): Piece => ({ text, prec: Prec.Atom });
const wrap = (p: Piece, needed: boolean): string => (needed ? `(${p.text})` : p.text);

/** The shortest decimal that reads back as the same double; -0 keeps its sign. */
function printNumber(v: number, d: Dialect): Piece {
  if (Number.isNaN(v)) return d.nan;
  if (v === Infinity) return d.infinity;
  if (v === -Infinity) return d.negInfinity;
  if (v < 0 || Object.is(v, -0)) return { text: `-${String(-v)}`, prec: Prec.Prefix };
  return atom(String(v));
}

function printNode(e: Expr, names: readonly string[], d: Dialect): Piece {
  switch (e.kind) {
    case 'const':
      return printNumber(e.value, d);
    case 'var':
      return atom(names[e.index] ?? `x${e.index}`);
    case 'unary': {
      const arg = printNode(e.arg, names, d);
      // -x^2 already means -(x^2); anything looser (or another minus) needs parentheses.
      if (e.op === 'neg') return { text: `-${wrap(arg, arg.prec < Prec.Power)}`, prec: Prec.Prefix };
      return d.call(e.op, arg);
    }
    case 'binary': {
      const left = printNode(e.left, names, d);
      const right = printNode(e.right, names, d);
      if (e.op === '^') {
        // Right-associative: the base needs parentheses unless atomic; a signed exponent gets
        // them for readability (2 ^ (-x)).
        return {
          text: `${wrap(left, left.prec < Prec.Atom)} ${d.power} ${wrap(right, right.prec < Prec.Power)}`,
          prec: Prec.Power,
        };
      }
      const prec = e.op === '+' || e.op === '-' ? Prec.Sum : Prec.Product;
      // Left-associative: a right operand at the same level keeps its parentheses, so
      // a - (b - c) and a / (b * c) survive; a signed right operand is parenthesised too.
      const l = wrap(left, left.prec < prec);
      const r = wrap(right, right.prec <= prec || right.prec === Prec.Prefix);
      return { text: `${l} ${e.op} ${r}`, prec };
    }
  }
}

const infix: Dialect = {
  power: '^',
  // Not writable as literals; these read back to the same special values.
  nan: atom('(0/0)'),
  infinity: atom('(1/0)'),
  negInfinity: atom('(-1/0)'),
  call: (op, arg) => atom(`${op}(${arg.text})`),
};

const sympy: Dialect = {
  power: '**',
  nan: atom('nan'),
  infinity: atom('oo'),
  negInfinity: { text: '-oo', prec: Prec.Prefix },
  call: (op, arg) => {
    if (op === 'square') return { text: `${wrap(arg, arg.prec < Prec.Atom)}**2`, prec: Prec.Power };
    return atom(`${op === 'abs' ? 'Abs' : op}(${arg.text})`);
  },
};

const numpy: Dialect = {
  power: '**',
  nan: atom('np.nan'),
  infinity: atom('np.inf'),
  negInfinity: { text: '-np.inf', prec: Prec.Prefix },
  call: (op, arg) => {
    if (op === 'square') return { text: `${wrap(arg, arg.prec < Prec.Atom)}**2`, prec: Prec.Power };
    return atom(`np.${op}(${arg.text})`);
  },
};

/**
 * Plain infix text that parseExpression(text, variables) reads back to the same value: `+ - * / ^`,
 * function calls such as `square(x)`, minimal parentheses, spaces around binary operators, numbers
 * in shortest round-trip form; NaN and infinities print as `(0/0)`, `(1/0)`, `(-1/0)`.
 */
export function toInfix(expr: Expr, variables: readonly string[]): string {
  return printNode(expr, variables, infix).text;
}

/** NumPy source over arrays (`**`, `np.sqrt`, `np.exp`, ..., `np.nan`, `np.inf`), full precision. */
export function toNumpy(expr: Expr, variables: readonly string[]): string {
  return printNode(expr, variables, numpy).text;
}

/** SymPy source (`**`, `Abs`, `sqrt`, `exp`, `log`, `sin`, `cos`, `nan`, `oo`), full precision. */
export function toSympy(expr: Expr, variables: readonly string[]): string {
  return printNode(expr, variables, sympy).text;
}
