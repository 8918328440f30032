import { describe, expect, it } from 'vitest';
import { yieldEvery, yieldToEventLoop } from './yieldToEventLoop.ts';

describe('yielding to the event loop', () => {
  it('lets a due timer run while a loop keeps yielding', async () => {
    let fired = false;
    setTimeout(() => (fired = true), 0);
    let rounds = 0;
    while (!fired && rounds < 10_000) {
      await yieldToEventLoop();
      rounds++;
    }
    expect(fired).toBe(true);
  });

  it('yields in a loop of short steps only once a slice has run its length', async () => {
    let fired = false;
    setTimeout(() => (fired = true), 0);
    const pause = yieldEvery(30);
    const started = performance.now();
    let firedAt = Infinity;
    while (performance.now() - started < 200) {
      const step = performance.now();
      while (performance.now() - step < 1);
      await pause();
      if (fired && firedAt === Infinity) firedAt = performance.now() - started;
    }
    // The timer runs during the loop, but not before the first slice has run its length.
    expect(fired).toBe(true);
    expect(firedAt).toBeGreaterThanOrEqual(30);
  });
});
