// Shared by the end-to-end tests: the test function (every test's page reports what it showed when
// the test fails), console errors and page errors collected as they happen, and a small run of an
// easy experiment written as a link.
import { expect, test as base, type Page } from '@playwright/test';

export { expect };

/** What the page shows of its run: each stage's status, the notices and the status line. */
const shownState = (page: Page): Promise<string> =>
  page.evaluate(() => {
    const text = (selector: string) => document.querySelector(selector)?.textContent?.trim() ?? '(none)';
    const stages = [...document.querySelectorAll('[data-stage]')]
      .map((el) => `${el.getAttribute('data-stage')}=${el.getAttribute('data-status')}`)
      .join(' ');
    return `stages: ${stages}\nnotices: ${text('.notices')}\nstatus line: ${text('.status-line')}`;
  });

/** The last console lines a page wrote that a failure report shows. */
const CONSOLE_LINES = 40;

/**
 * Playwright's `test`, with a report written to the log when a test fails: CI keeps only the log,
 * so a failure that depends on timing (a stage that never ends) is read from what the page
 * showed and the last lines of its console.
 */
export const test = base.extend<{ reportOnFailure: void }>({
  reportOnFailure: [
    async ({ page }, use, testInfo) => {
      const lines: string[] = [];
      page.on('console', (message) => {
        lines.push(`${message.type()}: ${message.text()}`);
        if (lines.length > CONSOLE_LINES) lines.shift();
      });
      await use();
      if (testInfo.status === testInfo.expectedStatus) return;
      const state = await shownState(page).catch((error: unknown) => `page not readable: ${String(error)}`);
      console.log(
        `--- ${testInfo.title}: what the page showed when it failed (${page.url()})\n${state}\n` +
          `last console lines:\n${lines.join('\n') || '(none)'}\n---`,
      );
    },
    { auto: true },
  ],
});

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
