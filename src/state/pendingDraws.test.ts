import { afterEach, describe, expect, it, vi } from 'vitest';
import { afterNextFrame, drawPending, untilNoDrawIsPending } from './pendingDraws.ts';

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

describe('a draw after the next frame', () => {
  const tick = () => new Promise((resolve) => setTimeout(resolve, 0));
  afterEach(() => vi.unstubAllGlobals());

  it('waits for the frame, then for a task of its own', async () => {
    let frame: FrameRequestCallback | undefined;
    vi.stubGlobal('requestAnimationFrame', (callback: FrameRequestCallback) => ((frame = callback), 1));
    vi.stubGlobal('cancelAnimationFrame', () => undefined);
    let drawn = 0;
    afterNextFrame(() => drawn++);
    await tick();
    expect(drawn).toBe(0);
    frame!(0);
    expect(drawn).toBe(0);
    await tick();
    expect(drawn).toBe(1);
  });

  it('is not made once cancelled, before the frame or after it', async () => {
    let frame: FrameRequestCallback | undefined;
    let cancelled = false;
    vi.stubGlobal('requestAnimationFrame', (callback: FrameRequestCallback) => ((frame = callback), 1));
    vi.stubGlobal('cancelAnimationFrame', () => (cancelled = true));
    let drawn = 0;
    afterNextFrame(() => drawn++)();
    expect(cancelled).toBe(true);
    const cancel = afterNextFrame(() => drawn++);
    frame!(0);
    cancel();
    await tick();
    expect(drawn).toBe(0);
  });

  it('runs after the current task where there are no frames', async () => {
    vi.stubGlobal('requestAnimationFrame', undefined);
    let drawn = 0;
    afterNextFrame(() => drawn++);
    expect(drawn).toBe(0);
    await tick();
    expect(drawn).toBe(1);
  });
});
