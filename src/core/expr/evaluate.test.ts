import { describe, it, expect } from 'vitest';
import { evaluateScalar } from './evaluate.ts';
import { binary, constant, unary, variable } from './types.ts';

const x0 = variable(0);
const x1 = variable(1);

describe('evaluateScalar', () => {
  it('reads constants and variables', () => {
    expect(evaluateScalar(constant(2.5), [])).toBe(2.5);
    expect(evaluateScalar(x1, [3, 4])).toBe(4);
    expect(evaluateScalar(variable(5), [1])).toBeNaN();
  });

  it('applies every binary operator', () => {
    const at = [6, 3];
    expect(evaluateScalar(binary('+', x0, x1), at)).toBe(9);
    expect(evaluateScalar(binary('-', x0, x1), at)).toBe(3);
    expect(evaluateScalar(binary('*', x0, x1), at)).toBe(18);
    expect(evaluateScalar(binary('/', x0, x1), at)).toBe(2);
    expect(evaluateScalar(binary('^', x0, x1), at)).toBe(216);
  });

  it('applies every unary operator', () => {
    expect(evaluateScalar(unary('neg', x0), [2])).toBe(-2);
    expect(evaluateScalar(unary('sqrt', x0), [9])).toBe(3);
    expect(evaluateScalar(unary('square', x0), [-3])).toBe(9);
    expect(evaluateScalar(unary('sin', x0), [0])).toBe(0);
    expect(evaluateScalar(unary('cos', x0), [0])).toBe(1);
    expect(evaluateScalar(unary('exp', x0), [0])).toBe(1);
    expect(evaluateScalar(unary('log', x0), [1])).toBe(0);
    expect(evaluateScalar(unary('abs', x0), [-4])).toBe(4);
  });

  it('gives NaN and infinities instead of throwing', () => {
    expect(evaluateScalar(unary('sqrt', x0), [-1])).toBeNaN();
    expect(evaluateScalar(unary('log', x0), [-1])).toBeNaN();
    expect(evaluateScalar(unary('log', x0), [0])).toBe(-Infinity);
    expect(evaluateScalar(binary('/', x0, x1), [1, 0])).toBe(Infinity);
    expect(evaluateScalar(binary('+', x0, x1), [NaN, 1])).toBeNaN();
  });

  it('reads typed arrays', () => {
    expect(evaluateScalar(binary('*', x0, x1), new Float64Array([2, 5]))).toBe(10);
  });
});
