// Ctrl-C on the command line: the first one aborts the work under way, which ends cleanly and
// keeps what it found; a second one ends the process at once (the listener is gone by then).

/** Runs `work` with a signal that the first Ctrl-C aborts. */
export async function untilInterrupted<T>(work: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  const onInterrupt = (): void => controller.abort();
  process.once('SIGINT', onInterrupt);
  try {
    return await work(controller.signal);
  } finally {
    process.off('SIGINT', onInterrupt);
  }
}
