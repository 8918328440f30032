import { describe, expect, it } from 'vitest';
import type { ResultEntry } from '../pipeline/report.ts';
import { readsTheSame } from './frontShown.ts';

const entry = (complexity: number, loss: number, score: number, latex: string): ResultEntry => ({
  complexity,
  loss,
  score,
  expr: latex,
  latex,
  sympy: latex,
});

const shown = [entry(1, 0.5, 0, 'x'), entry(3, 1.234e-4, 4.1234, 'x + y')];

describe('readsTheSame', () => {
  it('holds when only digits the table does not print changed', () => {
    const next = [entry(1, 0.50001, 0, 'x'), entry(3, 1.2342e-4, 4.12341, 'x + y')];
    expect(readsTheSame(shown, next)).toBe(true);
  });

  it('fails when an equation, a printed loss or score, or the entries changed', () => {
    expect(readsTheSame(shown, [shown[0]!, entry(3, 1.234e-4, 4.1234, 'x - y')])).toBe(false);
    expect(readsTheSame(shown, [shown[0]!, entry(3, 1.244e-4, 4.1234, 'x + y')])).toBe(false);
    expect(readsTheSame(shown, [shown[0]!, entry(3, 1.234e-4, 4.1244, 'x + y')])).toBe(false);
    expect(readsTheSame(shown, [shown[0]!, entry(4, 1.234e-4, 4.1234, 'x + y')])).toBe(false);
    expect(readsTheSame(shown, shown.slice(0, 1))).toBe(false);
  });
});
