import { describe, expect, it } from 'vitest';
import { yieldToEventLoop } from './yieldToEventLoop.ts';

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
});
