// Shared by the end-to-end tests: console errors and page errors collected as they happen, and a
// small run of an easy experiment written as a link.
import type { Page } from '@playwright/test';

export function watchForProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()} (${message.location().url})`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  return problems;
}

const SMALL_TRACE =
  '/?v=1&experiment=matrix-2x2-trace&seed=2&examples=2000&hidden=16,16&epochs=12&lr=0.01&backend=wasm';

/** The 2x2 trace with a network small enough to train in seconds on the WASM backend. */
export const SMALL_TRACE_RUN = `${SMALL_TRACE}&timeLimit=20`;

/**
 * The same with the operators narrowed by hand to arithmetic and room on the clock, so that the
 * search ends on its patience rather than its time limit: a search stopped by the clock depends
 * on the machine's speed, and only a search that is not can give the same front twice.
 */
export const REPRODUCIBLE_TRACE_RUN = `${SMALL_TRACE}&operators=%2B,-,*,/&timeLimit=120`;

/** A front entry of a result file; its LaTeX and SymPy are not read back, so none is given. */
export const resultEntry = (complexity: number, expr: string, loss: number) => ({
  complexity,
  loss,
  score: 0,
  expr,
  latex: '',
  sympy: '',
});

/** A result file of one search on a catalogue experiment, as the command line writes one. */
export const resultFile = (
  experiment: string,
  variables: string[],
  pareto: ReturnType<typeof resultEntry>[],
  best: unknown,
) => ({
  schema: 1,
  variables,
  input: { experiment },
  seed: 2,
  settings: {},
  timings: { search_s: 1 },
  search: { evaluations: 1, evaluationsPerSecond: 1, skippedRows: 0, rounds: 1, stopReason: 'timeLimit' },
  pareto,
  best,
});

/** The candidates' equations, as the table shows them (their LaTeX). */
export const frontOf = (page: Page): Promise<string[]> =>
  page
    .locator('table.candidates tbody tr .equation')
    .evaluateAll((cells) => cells.map((cell) => cell.getAttribute('data-latex') ?? ''));
