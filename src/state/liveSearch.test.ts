import { describe, expect, it } from 'vitest';
import { constant } from '../core/expr/types.ts';
import type { EntryCheck } from '../pipeline/report.ts';
import { LiveChecks } from './liveSearch.ts';

const verdict = (v: EntryCheck['verdict']): EntryCheck => ({
  meanAbsCos: 1,
  orientedCos: 1,
  tier: v === 'wrong' ? 'wrong' : 'exact',
  simplestForm: true,
  verdict: v,
});

/** A check that resolves when told to, counting how often it was asked. */
function controlledCheck() {
  const pending: ((check: EntryCheck) => void)[] = [];
  return {
    asked: () => pending.length,
    answer: (i: number, check: EntryCheck) => pending[i]!(check),
    check: () => new Promise<EntryCheck>((resolve) => pending.push(resolve)),
  };
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('the live checks of a search’s pick', () => {
  it('check each pick once, and hold its result until a refresh takes it', async () => {
    const checks = new LiveChecks();
    const worker = controlledCheck();
    const pick = { expr: 'x ^ 2 + v ^ 2', latex: '{x}^{2} + {v}^{2}' };
    checks.consider(pick, worker.check, constant(1));
    checks.consider(pick, worker.check, constant(1));
    expect(worker.asked()).toBe(1);
    expect(checks.takeResult()).toBeNull();
    worker.answer(0, verdict('recovers'));
    await flush();
    expect(checks.takeResult()).toEqual({ ...pick, check: verdict('recovers') });
    expect(checks.takeResult()).toBeNull();
  });

  it('drop a check that comes back after a later pick’s was asked, or after a new search', async () => {
    const checks = new LiveChecks();
    const worker = controlledCheck();
    checks.consider({ expr: 'x', latex: 'x' }, worker.check, constant(1));
    checks.consider({ expr: 'x ^ 2', latex: '{x}^{2}' }, worker.check, constant(2));
    worker.answer(1, verdict('recovers'));
    worker.answer(0, verdict('wrong'));
    await flush();
    expect(checks.takeResult()?.expr).toBe('x ^ 2');

    checks.consider({ expr: 'v', latex: 'v' }, worker.check, constant(3));
    checks.reset();
    worker.answer(2, verdict('wrong'));
    await flush();
    expect(checks.takeResult()).toBeNull();
  });

  it('let a check whose worker was lost go quietly: no verdict for that pick, nothing thrown', async () => {
    const checks = new LiveChecks();
    checks.consider({ expr: 'x', latex: 'x' }, () => Promise.reject(new Error('worker lost')), constant(1));
    await flush();
    expect(checks.takeResult()).toBeNull();
  });
});
