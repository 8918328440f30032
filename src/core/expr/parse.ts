// Reads a formula typed by a person (or printed by toInfix) into an expression tree. A small
// hand-written tokenizer and precedence-climbing parser: text is never run as code, input size and
// nesting are bounded, and every failure comes back as a message with a 0-based position.

import { binary, constant, isUnaryOp, unary, variable } from './types.ts';
import type { BinaryOp, Expr, ParseResult, UnaryOp } from './types.ts';

/** Longest accepted input, in characters. */
export const MAX_EXPRESSION_LENGTH = 10_000;
/** Deepest accepted nesting of parentheses, prefix signs and powers. */
export const MAX_NESTING_DEPTH = 200;

type Token =
  | { readonly type: 'number'; readonly value: number; readonly text: string; readonly pos: number }
  | { readonly type: 'name'; readonly text: string; readonly pos: number }
  | { readonly type: 'op'; readonly op: BinaryOp; readonly text: string; readonly pos: number }
  | { readonly type: '(' | ')' | ',' | 'end'; readonly text: string; readonly pos: number };

/** Thrown only inside this module and turned into a ParseResult at the boundary. */
class ParseFailure extends Error {
  constructor(
    message: string,
    readonly position: number,
  ) {
    super(message);
  }
}

const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';
const isNameStart = (c: string | undefined): boolean => c !== undefined && /[A-Za-z_]/.test(c);
const isNameChar = (c: string | undefined): boolean => c !== undefined && /[A-Za-z0-9_]/.test(c);

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
      i++;
    } else if (isDigit(c) || (c === '.' && isDigit(text[i + 1]))) {
      const start = i;
      while (isDigit(text[i])) i++;
      if (text[i] === '.') {
        i++;
        while (isDigit(text[i])) i++;
      }
      if (text[i] === 'e' || text[i] === 'E') {
        const ePos = i;
        i++;
        if (text[i] === '+' || text[i] === '-') i++;
        if (!isDigit(text[i])) {
          throw new ParseFailure(
            `Malformed number '${text.slice(start, i)}': the exponent needs digits`,
            ePos,
          );
        }
        while (isDigit(text[i])) i++;
      }
      const numberText = text.slice(start, i);
      tokens.push({ type: 'number', value: Number(numberText), text: numberText, pos: start });
    } else if (isNameStart(c)) {
      const start = i;
      while (isNameChar(text[i])) i++;
      tokens.push({ type: 'name', text: text.slice(start, i), pos: start });
    } else if (c === '*' && text[i + 1] === '*') {
      tokens.push({ type: 'op', op: '^', text: '**', pos: i });
      i += 2;
    } else if (c === '+' || c === '-' || c === '*' || c === '/' || c === '^') {
      tokens.push({ type: 'op', op: c, text: c, pos: i });
      i++;
    } else if (c === '(' || c === ')' || c === ',') {
      tokens.push({ type: c, text: c, pos: i });
      i++;
    } else {
      throw new ParseFailure(`Unexpected character '${c ?? ''}'`, i);
    }
  }
  tokens.push({ type: 'end', text: 'end of input', pos: text.length });
  return tokens;
}

/** A short list of the known names for error messages. */
function listNames(names: readonly string[]): string {
  if (names.length === 0) return 'there are no variables';
  const shown = names.slice(0, 8).join(', ');
  return names.length > 8 ? `known: ${shown}, … (${names.length - 8} more)` : `known: ${shown}`;
}

const describe = (t: Token): string => (t.type === 'end' ? 'the end of the input' : `'${t.text}'`);

/** The error for a token that cannot start an operand; `before` is the token preceding it. */
function missingOperand(t: Token, before: Token | undefined): ParseFailure {
  const after = before === undefined ? '' : ` after ${describe(before)}`;
  if (t.type === 'end') return new ParseFailure(`Missing operand${after}: the input ended`, t.pos);
  if (t.type === ')' || t.type === ',' || t.type === 'op') {
    return new ParseFailure(`Missing operand${after} before ${describe(t)}`, t.pos);
  }
  return new ParseFailure(`Unexpected ${describe(t)}`, t.pos);
}

class Parser {
  private i = 0;
  private depth = 0;

  constructor(
    private readonly tokens: readonly Token[],
    private readonly variables: readonly string[],
  ) {}

  private peek(): Token {
    // tokenize always ends with an 'end' token, and we never advance past it.
    return this.tokens[this.i] ?? this.tokens[this.tokens.length - 1]!;
  }

  private next(): Token {
    const t = this.peek();
    if (t.type !== 'end') this.i++;
    return t;
  }

  private enter(): void {
    if (++this.depth > MAX_NESTING_DEPTH) {
      throw new ParseFailure(
        `Expression is nested too deeply (more than ${MAX_NESTING_DEPTH} levels)`,
        this.peek().pos,
      );
    }
  }

  parseAll(): Expr {
    if (this.peek().type === 'end') throw new ParseFailure('Empty expression', 0);
    const e = this.parseSum();
    const t = this.peek();
    if (t.type === ')') throw new ParseFailure("Unmatched ')' (no '(' opens it)", t.pos);
    if (t.type !== 'end')
      throw new ParseFailure(`Unexpected ${describe(t)} after a complete expression`, t.pos);
    return e;
  }

  private parseSum(): Expr {
    let left = this.parseProduct();
    for (let t = this.peek(); t.type === 'op' && (t.op === '+' || t.op === '-'); t = this.peek()) {
      this.next();
      left = binary(t.op, left, this.parseProduct());
    }
    return left;
  }

  private parseProduct(): Expr {
    let left = this.parseSigned();
    for (let t = this.peek(); t.type === 'op' && (t.op === '*' || t.op === '/'); t = this.peek()) {
      this.next();
      left = binary(t.op, left, this.parseSigned());
    }
    return left;
  }

  /** Prefix signs bind looser than ^, so -x^2 is -(x^2), and may appear in an exponent: 2^-x. */
  private parseSigned(): Expr {
    const t = this.peek();
    if (t.type !== 'op' || (t.op !== '-' && t.op !== '+')) return this.parsePower();
    this.next();
    this.enter();
    const literal = this.peek().type === 'number';
    const operand = this.parseSigned();
    this.depth--;
    if (t.op === '+') return operand;
    // A literal like -3 becomes the constant -3; -3^2 stays -(3^2).
    return literal && operand.kind === 'const' ? constant(-operand.value) : unary('neg', operand);
  }

  private parsePower(): Expr {
    const base = this.parsePrimary();
    const t = this.peek();
    if (t.type === 'op' && t.op === '^') {
      this.next();
      this.enter();
      const exponent = this.parseSigned(); // right-associative: a^b^c = a^(b^c)
      this.depth--;
      return binary('^', base, exponent);
    }
    return base;
  }

  private parsePrimary(): Expr {
    const before = this.tokens[this.i - 1];
    const t = this.next();
    let e: Expr;
    switch (t.type) {
      case 'number':
        e = constant(t.value);
        break;
      case 'name':
        e = this.parseName(t);
        break;
      case '(':
        e = this.parseParenthesised(t);
        break;
      default:
        throw missingOperand(t, before);
    }
    const after = this.peek();
    if (after.type === 'number' || after.type === 'name' || after.type === '(') {
      throw new ParseFailure(
        `Missing operator before ${describe(after)} (implicit multiplication is not supported; write '*')`,
        after.pos,
      );
    }
    return e;
  }

  private parseParenthesised(open: Token): Expr {
    this.enter();
    if (this.peek().type === ')') throw new ParseFailure("Empty parentheses '()'", this.peek().pos);
    const inner = this.parseSum();
    this.closeParenthesis(open);
    this.depth--;
    return inner;
  }

  private closeParenthesis(open: Token): void {
    const t = this.peek();
    if (t.type === ')') {
      this.next();
      return;
    }
    if (t.type === 'end') throw new ParseFailure("Unclosed '(' (no ')' closes it)", open.pos);
    throw new ParseFailure(
      `Expected ')' to close the '(' at position ${open.pos}, found ${describe(t)}`,
      t.pos,
    );
  }

  private parseName(t: Token): Expr {
    const name = t.text;
    const isCall = this.peek().type === '(';
    if (!isCall) {
      const index = this.variables.indexOf(name);
      if (index >= 0) return variable(index);
      if (name === 'pi') return constant(Math.PI);
      if (isUnaryOp(name) && name !== 'neg') {
        throw new ParseFailure(`Function '${name}' needs its argument in parentheses: ${name}(…)`, t.pos);
      }
      throw new ParseFailure(
        `Unknown variable '${name}' at position ${t.pos} (${listNames(this.variables)})`,
        t.pos,
      );
    }
    if (!isUnaryOp(name) || name === 'neg') {
      const what = this.variables.includes(name)
        ? `'${name}' is a variable, not a function (write ${name} * (…))`
        : `Unknown function '${name}'`;
      throw new ParseFailure(`${what} (functions: sqrt, square, sin, cos, exp, log, abs)`, t.pos);
    }
    return unary(name, this.parseArgument(name as UnaryOp, t));
  }

  /** Reads `( expr )` after a function name; counts arguments so `f(a, b)` gets a clear message. */
  private parseArgument(name: UnaryOp, nameToken: Token): Expr {
    const open = this.next();
    this.enter();
    const args: Expr[] = [];
    if (this.peek().type !== ')') {
      args.push(this.parseSum());
      while (this.peek().type === ',') {
        this.next();
        args.push(this.parseSum());
      }
    }
    this.closeParenthesis(open);
    this.depth--;
    const [arg] = args;
    if (args.length !== 1 || arg === undefined) {
      throw new ParseFailure(
        `Function '${name}' takes exactly one argument, got ${args.length === 0 ? 'none' : args.length}`,
        nameToken.pos,
      );
    }
    return arg;
  }
}

/**
 * Parses `text` over the given variable names (a variable becomes its index in `variables`).
 * Grammar: numbers (`2`, `.5`, `1e-3`), names, `pi` (unless a variable is called pi), `+ - * /`,
 * `^` or `**` (right-associative, tighter than prefix minus), prefix `-`/`+`, parentheses and
 * the one-argument functions sqrt, square, sin, cos, exp, log, abs. Never throws.
 */
export function parseExpression(text: string, variables: readonly string[]): ParseResult {
  if (text.length > MAX_EXPRESSION_LENGTH) {
    return {
      ok: false,
      error: {
        message: `Expression is too long (${text.length} characters; the limit is ${MAX_EXPRESSION_LENGTH})`,
        position: MAX_EXPRESSION_LENGTH,
      },
    };
  }
  try {
    const expr = new Parser(tokenize(text), variables).parseAll();
    return { ok: true, expr };
  } catch (err) {
    if (err instanceof ParseFailure)
      return { ok: false, error: { message: err.message, position: err.position } };
    // Nothing else should be thrown; report rather than crash the caller.
    return { ok: false, error: { message: `Could not parse: ${String(err)}`, position: 0 } };
  }
}
