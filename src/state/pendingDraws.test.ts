import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  afterLayoutSettles,
  afterNextFrame,
  drawPending,
  layoutWritePending,
  layoutWritten,
  untilNoDrawIsPending,
} from './pendingDraws.ts';

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

describe('a draw once the layout has settled', () => {
  const tick = () => new Promise((resolve) => setTimeout(resolve, 0));
  let frames = new Map<number, FrameRequestCallback>();
  let lastFrame = 0;
  /** Runs the frame the page asked for, then the tasks it queued. */
  const frame = async () => {
    const due = [...frames.values()];
    frames = new Map();
    for (const callback of due) callback(0);
    await tick();
  };
  afterEach(() => vi.unstubAllGlobals());
  const stubFrames = () => {
    frames = new Map();
    vi.stubGlobal('requestAnimationFrame', (callback: FrameRequestCallback) => {
      frames.set(++lastFrame, callback);
      return lastFrame;
    });
    vi.stubGlobal('cancelAnimationFrame', (id: number) => frames.delete(id));
  };

  it('waits for pending typesetting, then for a frame', async () => {
    stubFrames();
    const typesetting = layoutWritePending();
    let drawn = 0;
    afterLayoutSettles(() => drawn++);
    await frame();
    expect(drawn).toBe(0);
    typesetting();
    expect(drawn).toBe(0);
    await frame();
    expect(drawn).toBe(1);
    // Its pending mark counts among the draws the search waits for, and is cleared.
    expect(await settled(untilNoDrawIsPending())).toBe(true);
  });

  it('waits for one more frame when typesetting began or ended after the frame was asked for', async () => {
    stubFrames();
    let drawn = 0;
    afterLayoutSettles(() => drawn++);
    const typesetting = layoutWritePending();
    await frame();
    expect(drawn).toBe(0);
    typesetting();
    await frame();
    expect(drawn).toBe(1);

    afterLayoutSettles(() => drawn++);
    layoutWritten();
    await frame();
    expect(drawn).toBe(1);
    await frame();
    expect(drawn).toBe(2);
  });

  it('is not made once cancelled, whether waiting for typesetting or for the frame', async () => {
    stubFrames();
    let drawn = 0;
    const typesetting = layoutWritePending();
    afterLayoutSettles(() => drawn++)();
    typesetting();
    await frame();
    afterLayoutSettles(() => drawn++)();
    await frame();
    expect(drawn).toBe(0);
  });
});
