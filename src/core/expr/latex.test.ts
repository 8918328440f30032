import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { toLatex, typesetName } from './latex.ts';
import { arbitraryExpr } from './arbitraries.ts';
import { binary, constant, unary, variable } from './types.ts';

const [a, b] = [variable(0), variable(1)];

function bracesBalance(text: string): boolean {
  let open = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\\') {
      i++; // \{ and \} are escaped literal braces
    } else if (text[i] === '{') {
      open++;
    } else if (text[i] === '}' && --open < 0) {
      return false;
    }
  }
  return open === 0;
}

describe('typesetName', () => {
  it('subscripts trailing digits and underscores, and knows greek letters', () => {
    expect(typesetName('a11')).toBe('a_{11}');
    expect(typesetName('x0')).toBe('x_{0}');
    expect(typesetName('E_x')).toBe('E_{x}');
    expect(typesetName('v_max')).toBe('v_{\\mathrm{max}}');
    expect(typesetName('theta')).toBe('\\theta');
    expect(typesetName('omega2')).toBe('\\omega_{2}');
    expect(typesetName('x')).toBe('x');
    expect(typesetName('speed')).toBe('\\mathrm{speed}');
    expect(bracesBalance(typesetName('a{b}_c^}'))).toBe(true);
  });
});

describe('toLatex', () => {
  it('typesets the examples', () => {
    const sum = toLatex(binary('+', a, b), ['a11', 'a22']);
    expect(sum).toContain('a_{11}');
    expect(sum).toContain('a_{22}');
    expect(toLatex(binary('/', a, b), ['x0', 'x1'])).toBe('\\frac{x_{0}}{x_{1}}');
  });

  it('rounds numbers to 4 significant digits by default', () => {
    expect(toLatex(constant(Math.PI), [])).toBe('3.142');
    expect(toLatex(constant(Math.PI), [], { digits: 2 })).toBe('3.1');
    expect(toLatex(constant(12), [])).toBe('12');
    expect(toLatex(constant(-0.5), [])).toBe('-0.5');
    expect(toLatex(constant(1.23456e-5), [])).toBe('1.235 \\times 10^{-5}');
    expect(toLatex(constant(2e9), [])).toBe('2 \\times 10^{9}');
    expect(toLatex(constant(Infinity), [])).toBe('\\infty');
  });

  it('prints operators', () => {
    const n = ['x', 'y'];
    expect(toLatex(binary('*', constant(2), a), n)).toBe('2\\,x');
    expect(toLatex(binary('*', constant(2), constant(3)), n)).toBe('2 \\cdot 3');
    expect(toLatex(binary('*', a, constant(-0.5)), n)).toBe('-0.5\\,x');
    expect(toLatex(binary('*', a, constant(1e-7)), n)).toBe('1 \\times 10^{-7}\\,x');
    expect(toLatex(binary('*', a, binary('+', a, b)), n)).toBe('x\\,\\left(x + y\\right)');
    expect(toLatex(binary('^', a, b), n)).toBe('{x}^{y}');
    expect(toLatex(unary('square', binary('+', a, b)), n)).toBe('{\\left(x + y\\right)}^{2}');
    expect(toLatex(unary('sqrt', a), n)).toBe('\\sqrt{x}');
    expect(toLatex(unary('exp', a), n)).toBe('e^{x}');
    expect(toLatex(unary('sin', a), n)).toBe('\\sin\\left(x\\right)');
    expect(toLatex(unary('abs', a), n)).toBe('\\left|x\\right|');
    expect(toLatex(unary('neg', a), n)).toBe('-x');
    expect(toLatex(binary('+', a, unary('neg', b)), n)).toBe('x - y');
    expect(toLatex(binary('+', a, constant(-2)), n)).toBe('x - 2');
    expect(toLatex(binary('-', a, binary('+', a, b)), n)).toBe('x - \\left(x + y\\right)');
    expect(toLatex(binary('*', binary('+', a, b), a), n)).toBe('\\left(x + y\\right)\\,x');
  });

  it('never throws and balances braces (property)', () => {
    const names = ['a11', 'E_x', 'theta', 'speed', 'x'];
    fc.assert(
      fc.property(arbitraryExpr(5, 6), fc.integer({ min: 1, max: 17 }), (e, digits) => {
        const text = toLatex(e, names, { digits });
        expect(bracesBalance(text)).toBe(true);
        expect(text.split('\\left').length).toBe(text.split('\\right').length);
      }),
      { numRuns: 1000 },
    );
  });
});
