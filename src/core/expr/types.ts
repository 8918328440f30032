// Expression trees: the one representation of a formula shared by the parser, the printers,
// the evaluators and the search. Plain data, so trees cross worker boundaries by structured clone.

/** Operators of one argument. `neg` is unary minus; `square` is x^2. */
export const UNARY_OPS = ['neg', 'sqrt', 'square', 'sin', 'cos', 'exp', 'log', 'abs'] as const;
/** Operators of two arguments; `^` is the power x^y. */
export const BINARY_OPS = ['+', '-', '*', '/', '^'] as const;

export type UnaryOp = (typeof UNARY_OPS)[number];
export type BinaryOp = (typeof BINARY_OPS)[number];
export type Operator = UnaryOp | BinaryOp;

export type Expr =
  | { readonly kind: 'const'; readonly value: number }
  /** `index` points into the variable list that goes with the tree. */
  | { readonly kind: 'var'; readonly index: number }
  | { readonly kind: 'unary'; readonly op: UnaryOp; readonly arg: Expr }
  | { readonly kind: 'binary'; readonly op: BinaryOp; readonly left: Expr; readonly right: Expr };

export const constant = (value: number): Expr => ({ kind: 'const', value });
export const variable = (index: number): Expr => ({ kind: 'var', index });
export const unary = (op: UnaryOp, arg: Expr): Expr => ({ kind: 'unary', op, arg });
export const binary = (op: BinaryOp, left: Expr, right: Expr): Expr => ({ kind: 'binary', op, left, right });

export function isUnaryOp(name: string): name is UnaryOp {
  return (UNARY_OPS as readonly string[]).includes(name);
}

export function isBinaryOp(name: string): name is BinaryOp {
  return (BINARY_OPS as readonly string[]).includes(name);
}

/** Number of nodes in the tree. */
export function nodeCount(e: Expr): number {
  switch (e.kind) {
    case 'const':
    case 'var':
      return 1;
    case 'unary':
      return 1 + nodeCount(e.arg);
    case 'binary':
      return 1 + nodeCount(e.left) + nodeCount(e.right);
  }
}

/** Depth of the tree; a leaf has depth 1. */
export function depth(e: Expr): number {
  switch (e.kind) {
    case 'const':
    case 'var':
      return 1;
    case 'unary':
      return 1 + depth(e.arg);
    case 'binary':
      return 1 + Math.max(depth(e.left), depth(e.right));
  }
}

/** A parse or validation failure: what is wrong and at which 0-based character offset. */
export interface ParseError {
  readonly message: string;
  readonly position: number;
}

export type ParseResult =
  { readonly ok: true; readonly expr: Expr } | { readonly ok: false; readonly error: ParseError };

/** Structural equality; constants compare with Object.is, so NaN equals NaN and 0 differs from -0. */
export function exprEquals(a: Expr, b: Expr): boolean {
  if (a === b) return true;
  switch (a.kind) {
    case 'const':
      return b.kind === 'const' && Object.is(a.value, b.value);
    case 'var':
      return b.kind === 'var' && a.index === b.index;
    case 'unary':
      return b.kind === 'unary' && a.op === b.op && exprEquals(a.arg, b.arg);
    case 'binary':
      return (
        b.kind === 'binary' && a.op === b.op && exprEquals(a.left, b.left) && exprEquals(a.right, b.right)
      );
  }
}

/** The set of operators used anywhere in the tree. */
export function operatorsIn(e: Expr, into: Set<Operator> = new Set()): Set<Operator> {
  if (e.kind === 'unary') {
    into.add(e.op);
    operatorsIn(e.arg, into);
  } else if (e.kind === 'binary') {
    into.add(e.op);
    operatorsIn(e.left, into);
    operatorsIn(e.right, into);
  }
  return into;
}
