import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { MAX_EXPRESSION_LENGTH, MAX_NESTING_DEPTH, parseExpression } from './parse.ts';
import { binary, constant, unary, variable } from './types.ts';
import type { Expr, ParseError } from './types.ts';

const vars = ['x', 'y', 'z', 'a11'];
const x = variable(0);
const y = variable(1);
const z = variable(2);

function parsed(text: string, names: readonly string[] = vars): Expr {
  const r = parseExpression(text, names);
  if (!r.ok) throw new Error(`unexpected error: ${r.error.message} at ${r.error.position}`);
  return r.expr;
}

function failure(text: string, names: readonly string[] = vars): ParseError {
  const r = parseExpression(text, names);
  if (r.ok) throw new Error(`expected an error for ${JSON.stringify(text)}`);
  return r.error;
}

describe('parseExpression: numbers and names', () => {
  it('reads decimal and scientific numbers', () => {
    expect(parsed('2')).toEqual(constant(2));
    expect(parsed('0.5')).toEqual(constant(0.5));
    expect(parsed('.5')).toEqual(constant(0.5));
    expect(parsed('1e-3')).toEqual(constant(1e-3));
    expect(parsed('2.5E+4')).toEqual(constant(25000));
    expect(parsed('3.')).toEqual(constant(3));
  });

  it('reads variables by index, pi, and whitespace', () => {
    expect(parsed(' a11 ')).toEqual(variable(3));
    expect(parsed('\tz\n')).toEqual(z);
    expect(parsed('pi')).toEqual(constant(Math.PI));
    expect(parsed('pi', ['x', 'pi'])).toEqual(variable(1));
  });
});

describe('parseExpression: precedence and associativity', () => {
  it('binds * tighter than +', () => {
    expect(parsed('x + y * z')).toEqual(binary('+', x, binary('*', y, z)));
    expect(parsed('x * y + z')).toEqual(binary('+', binary('*', x, y), z));
  });

  it('makes + - * / left-associative', () => {
    expect(parsed('x - y - z')).toEqual(binary('-', binary('-', x, y), z));
    expect(parsed('x / y / z')).toEqual(binary('/', binary('/', x, y), z));
    expect(parsed('x / y * z')).toEqual(binary('*', binary('/', x, y), z));
    expect(parsed('x - y + z')).toEqual(binary('+', binary('-', x, y), z));
  });

  it('makes ^ right-associative and accepts ** as ^', () => {
    expect(parsed('x ^ y ^ z')).toEqual(binary('^', x, binary('^', y, z)));
    expect(parsed('x ** y ** z')).toEqual(binary('^', x, binary('^', y, z)));
    expect(parsed('(x ^ y) ^ z')).toEqual(binary('^', binary('^', x, y), z));
    expect(parsed('x * y ^ z')).toEqual(binary('*', x, binary('^', y, z)));
  });

  it('respects parentheses', () => {
    expect(parsed('(x + y) * z')).toEqual(binary('*', binary('+', x, y), z));
    expect(parsed('x - (y - z)')).toEqual(binary('-', x, binary('-', y, z)));
  });
});

describe('parseExpression: signs', () => {
  it('binds ^ tighter than unary minus', () => {
    expect(parsed('-x^2')).toEqual(unary('neg', binary('^', x, constant(2))));
    expect(parsed('-3^2')).toEqual(unary('neg', binary('^', constant(3), constant(2))));
    expect(parsed('(-x)^2')).toEqual(binary('^', unary('neg', x), constant(2)));
  });

  it('allows a signed exponent', () => {
    expect(parsed('2^-x')).toEqual(binary('^', constant(2), unary('neg', x)));
    expect(parsed('2^-x^2')).toEqual(binary('^', constant(2), unary('neg', binary('^', x, constant(2)))));
  });

  it('turns a negative literal into a constant and drops unary plus', () => {
    expect(parsed('-3')).toEqual(constant(-3));
    expect(parsed('-x')).toEqual(unary('neg', x));
    expect(parsed('+x')).toEqual(x);
    expect(parsed('- -x')).toEqual(unary('neg', unary('neg', x)));
    expect(parsed('x - -3')).toEqual(binary('-', x, constant(-3)));
    expect(parsed('-x * y')).toEqual(binary('*', unary('neg', x), y));
    expect(parsed('-(2)')).toEqual(unary('neg', constant(2)));
  });
});

describe('parseExpression: functions', () => {
  it('reads every function of one argument', () => {
    for (const f of ['sqrt', 'square', 'sin', 'cos', 'exp', 'log', 'abs'] as const) {
      expect(parsed(`${f}(x + 1)`)).toEqual(unary(f, binary('+', x, constant(1))));
    }
    expect(parsed('sin(cos(x))^2')).toEqual(binary('^', unary('sin', unary('cos', x)), constant(2)));
  });

  it('reports a wrong argument count at the function name', () => {
    expect(failure('1 + sin(x, y)')).toMatchObject({ position: 4 });
    expect(failure('1 + sin(x, y)').message).toMatch(/exactly one argument, got 2/);
    expect(failure('sin()').message).toMatch(/exactly one argument, got none/);
  });

  it('reports unknown functions and bare function names', () => {
    expect(failure('foo(x)')).toEqual({
      position: 0,
      message: expect.stringMatching(/Unknown function 'foo'/),
    });
    expect(failure('x + sin x')).toEqual({ position: 4, message: expect.stringMatching(/parentheses/) });
    expect(failure('x(y)').message).toMatch(/'x' is a variable, not a function/);
  });
});

describe('parseExpression: errors', () => {
  it('reports empty input', () => {
    expect(failure('')).toEqual({ position: 0, message: 'Empty expression' });
    expect(failure('   ')).toEqual({ position: 0, message: 'Empty expression' });
  });

  it('reports an unknown variable with its name, position and the known names', () => {
    const e = failure('x + w');
    expect(e.position).toBe(4);
    expect(e.message).toMatch(/'w'/);
    expect(e.message).toMatch(/position 4/);
    expect(e.message).toMatch(/x, y, z, a11/);
    const many = Array.from({ length: 20 }, (_, i) => `v${i}`);
    expect(failure('q', many).message).toMatch(/12 more/);
  });

  it('reports an unexpected character', () => {
    expect(failure('x + $y')).toEqual({ position: 4, message: "Unexpected character '$'" });
    expect(failure('x; y').position).toBe(1);
  });

  it('reports a malformed exponent', () => {
    expect(failure('1e+ 2')).toMatchObject({ position: 1 });
  });

  it('reports unbalanced parentheses at the unmatched one', () => {
    expect(failure('(x + (y')).toEqual({ position: 5, message: expect.stringMatching(/Unclosed '\('/) });
    expect(failure('sin(x')).toMatchObject({ position: 3 });
    expect(failure('x + y)')).toEqual({ position: 5, message: expect.stringMatching(/Unmatched '\)'/) });
    expect(failure('()')).toMatchObject({ position: 1 });
    expect(failure('(x y)')).toMatchObject({ position: 3 });
  });

  it('reports a missing operator (no implicit multiplication)', () => {
    expect(failure('2x')).toEqual({ position: 1, message: expect.stringMatching(/Missing operator/) });
    expect(failure('2 x')).toMatchObject({ position: 2 });
    expect(failure('(x)(y)')).toMatchObject({ position: 3 });
    expect(failure('x 2')).toMatchObject({ position: 2 });
  });

  it('reports a missing operand', () => {
    expect(failure('x +')).toEqual({
      position: 3,
      message: expect.stringMatching(/Missing operand after '\+'/),
    });
    expect(failure('x * / y')).toEqual({ position: 4, message: expect.stringMatching(/Missing operand/) });
    expect(failure('* y')).toMatchObject({ position: 0 });
    expect(failure('(x + )')).toMatchObject({ position: 5 });
    expect(failure('x ^')).toMatchObject({ position: 3 });
  });

  it('reports trailing input', () => {
    expect(failure('x , y')).toEqual({ position: 2, message: expect.stringMatching(/Unexpected ','/) });
  });

  it('limits length and nesting instead of overflowing the stack', () => {
    const long = 'x + '.repeat(MAX_EXPRESSION_LENGTH / 4) + 'x';
    expect(failure(long).message).toMatch(/too long/);
    const deep = '('.repeat(MAX_NESTING_DEPTH + 5) + 'x' + ')'.repeat(MAX_NESTING_DEPTH + 5);
    expect(failure(deep).message).toMatch(/nested too deeply/);
    expect(failure('-'.repeat(5000) + 'x').message).toMatch(/nested too deeply/);
    expect(failure('x^'.repeat(3000) + 'x').message).toMatch(/nested too deeply/);
    expect(parsed('('.repeat(100) + 'x' + ')'.repeat(100))).toEqual(x);
  });

  it('never throws on arbitrary text', () => {
    for (const text of [
      '((',
      '))',
      '1e',
      '.',
      '..5',
      '**',
      'x**',
      '^x',
      'sin(,)',
      ',',
      'e',
      'NaN',
      '__proto__',
    ]) {
      expect(() => parseExpression(text, vars)).not.toThrow();
      expect(parseExpression(text, vars).ok).toBe(false);
    }
  });
});

describe('parseExpression: robustness', () => {
  it('never throws on random text over its alphabet', () => {
    const alphabet = fc.constantFrom(...'xyz0123456789.eE+-*/^(), \tsincoqrtlgpab_#'.split(''));
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 40 }), (chars) => {
        const r = parseExpression(chars.join(''), vars);
        if (!r.ok) {
          expect(r.error.position).toBeGreaterThanOrEqual(0);
          expect(r.error.position).toBeLessThanOrEqual(chars.join('').length);
        }
      }),
      { numRuns: 2000 },
    );
  });
});
