// Drawing the page has scheduled but not done yet: charts and equations draw in timers of their
// own, after the render that asked for them. The search waits until none is pending before its
// next round (`untilThePanelsHaveDrawn`), so that no drawing shares the processor with the island
// workers: with two of them busy, a chart's 20 ms of script took 60-80 ms on this 2-core machine.

let pending = 0;
let waiting: (() => void)[] = [];

/** Marks one draw as pending; the function returned marks it done (calling it again does nothing). */
export function drawPending(): () => void {
  pending += 1;
  let done = false;
  return () => {
    if (done) return;
    done = true;
    pending -= 1;
    if (pending > 0) return;
    const resolve = waiting;
    waiting = [];
    for (const settle of resolve) settle();
  };
}

/** Resolves once no draw is pending: at once when none is. */
export function untilNoDrawIsPending(): Promise<void> {
  return pending === 0 ? Promise.resolve() : new Promise((resolve) => waiting.push(resolve));
}

/**
 * Runs `draw` in a task of its own after the next frame, once the browser has laid out what is
 * on the page (where there are no frames, as in Node, after the current task); the function
 * returned cancels it.
 */
export function afterNextFrame(draw: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  if (typeof requestAnimationFrame !== 'function') {
    timer = setTimeout(draw, 0);
    return () => clearTimeout(timer);
  }
  const frame = requestAnimationFrame(() => {
    timer = setTimeout(draw, 0);
  });
  return () => {
    cancelAnimationFrame(frame);
    clearTimeout(timer);
  };
}
