import { describe, expect, it } from 'vitest';
import { drawPending, untilNoDrawIsPending } from './pendingDraws.ts';

/** Whether `promise` has settled once the microtasks queued so far have run. */
async function settled(promise: Promise<void>): Promise<boolean> {
  let done = false;
  void promise.then(() => (done = true));
  await new Promise((resolve) => setTimeout(resolve, 0));
  return done;
}

describe('the draws the page owes', () => {
  it('resolve at once when no draw is pending', async () => {
    expect(await settled(untilNoDrawIsPending())).toBe(true);
  });

  it('wait for every pending draw, each counted once however often it is marked done', async () => {
    const chart = drawPending();
    const equations = drawPending();
    const waited = untilNoDrawIsPending();
    chart();
    chart();
    expect(await settled(waited)).toBe(false);
    equations();
    expect(await settled(waited)).toBe(true);
    expect(await settled(untilNoDrawIsPending())).toBe(true);
  });
});
