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

/** The 2x2 trace with a network small enough to train in seconds on the WASM backend. */
export const SMALL_TRACE_RUN =
  '/?v=1&experiment=matrix-2x2-trace&seed=2&examples=2000&hidden=16,16&epochs=12&lr=0.01&backend=wasm&timeLimit=20';
