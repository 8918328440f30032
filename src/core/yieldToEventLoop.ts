// Long loops (training, the final polish, the page's stages) pause here between slices of work,
// so the page can draw and timers, stop buttons and signals get their turn, in Node as well.
// Not setTimeout(0) in a browser: a timer set from within a timer's callback is held at least
// 4 ms once such timers nest five deep, so a training loop that yields every 20 ms could spend
// up to a sixth of its time idle. A message on a channel is a task of its own with no such delay,
// and it queues behind the timers, input and drawing already waiting.

/** Resolves each waiting yield in turn, one message each. */
function channelYield(): () => Promise<void> {
  const channel = new MessageChannel();
  const waiting: (() => void)[] = [];
  channel.port1.onmessage = () => waiting.shift()?.();
  return () =>
    new Promise((resolve) => {
      waiting.push(resolve);
      channel.port2.postMessage(null);
    });
}

export const yieldToEventLoop: () => Promise<void> =
  typeof setImmediate === 'function'
    ? () => new Promise((resolve) => setImmediate(resolve))
    : typeof MessageChannel === 'function'
      ? channelYield()
      : () => new Promise((resolve) => setTimeout(resolve, 0));

/**
 * A pause for a loop of short steps: it yields (`yieldToEventLoop`) only once `ms` have passed
 * since it last did, so the steps run in slices of about that length.
 */
export function yieldEvery(ms: number): () => Promise<void> {
  let last = performance.now();
  return async () => {
    if (performance.now() - last < ms) return;
    await yieldToEventLoop();
    last = performance.now();
  };
}
