// Drawing the page has scheduled but not done yet: charts and equations draw in timers of their
// own, after the render that asked for them. The search waits until none is pending before its
// next round (`untilThePanelsHaveDrawn`), so that no drawing shares the processor with the island
// workers: with two of them busy, a chart's 20 ms of script took 60-80 ms on this 2-core machine.

let pending = 0;
const waiting: (() => void)[] = [];
/** Pending writes that change the page's layout without measuring it (typesetting). */
let layoutWrites = 0;
const afterLayoutWrites: (() => void)[] = [];
/** Counts the writes made: a chart draws only after a frame that came after the last of them. */
let layoutWritesMade = 0;

/** `mark`, made once however often the function returned is called. */
function once(mark: () => void): () => void {
  let done = false;
  return () => {
    if (done) return;
    done = true;
    mark();
  };
}

/** Takes the callbacks waiting in `list` and runs them. */
function runAll(list: (() => void)[]): void {
  for (const callback of list.splice(0)) callback();
}

/** Marks one draw as pending; the function returned marks it done (calling it again does nothing). */
export function drawPending(): () => void {
  pending += 1;
  return once(() => {
    pending -= 1;
    if (pending === 0) runAll(waiting);
  });
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

/** Notes a write to the page's layout made at once (an equation typeset before, shown again). */
export function layoutWritten(): void {
  layoutWritesMade += 1;
}

/**
 * Marks a pending draw that writes to the page without measuring it (typesetting); charts, which
 * measure the page as they draw, wait for it (`afterLayoutSettles`). The function returned marks it
 * done (calling it again does nothing).
 */
export function layoutWritePending(): () => void {
  const drawn = drawPending();
  layoutWrites += 1;
  return once(() => {
    layoutWrites -= 1;
    layoutWritten();
    if (layoutWrites === 0) runAll(afterLayoutWrites);
    drawn();
  });
}

/**
 * Runs `draw` once the pending layout writes are done and a frame has laid out every write made:
 * a chart that measures its tick labels would otherwise lay out first the equations typeset since
 * the last frame (in a run, 8-18 ms of each 30-50 ms redraw of the Pareto front). The function
 * returned cancels it.
 */
export function afterLayoutSettles(draw: () => void): () => void {
  let cancelled = false;
  let cancelFrame = () => undefined as void;
  const attempt = () => {
    if (cancelled) return;
    if (layoutWrites > 0) {
      afterLayoutWrites.push(attempt);
      return;
    }
    const made = layoutWritesMade;
    // Writes begun or made since the frame was asked for may come after its layout: wait again.
    cancelFrame = afterNextFrame(() =>
      layoutWrites === 0 && layoutWritesMade === made ? draw() : attempt(),
    );
  };
  attempt();
  return () => {
    cancelled = true;
    cancelFrame();
  };
}
