// The explorer in headless Chromium (the system browser; no GPU, so the WASM backend): for a few
// easy experiments with default settings, the time from a cold page load until the pick that
// the run ends with first shows in the candidate table, and until the run has verified it; the
// longest main-thread task while the stages run and while the page opens (PerformanceObserver,
// long tasks); and what loads before the first screen. Serves the production build
// (`npm run build` first).

import { chromium } from '@playwright/test';
import { preview } from 'vite';

export interface PageRun {
  experiment: string;
  /** Seconds from navigation until the final pick first shows in the table. */
  pickSeconds: number;
  /** Seconds from navigation until the verify stage is done. */
  totalSeconds: number;
  recovered: boolean;
  /** The verdict the page shows: recovers, look-alike or wrong (none: no verification). */
  verdict: string;
  pick: string;
  /** Longest main-thread task while training or searching. */
  longestTaskMs: number;
  /** Longest task in the other stages (data, gradients, verify: drawing their pictures). */
  longestBetweenMs: number;
  longTasks: number;
  /** Longest task while the page opened (first screen, then tfjs and plotly loading). */
  longestOpeningTaskMs: number;
}

export interface PageFigures {
  runs: PageRun[];
  /** Bytes (compressed as served, else raw) of what loads before the first screen shows. */
  firstLoadBytes: number;
  firstLoadFiles: string[];
}

const EXPERIMENTS = ['matrix-2x2-trace', 'oscillator-harmonic', 'classifier-a1'];
const ARGS = [
  '--no-sandbox',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Registered before any page script: collects long tasks and when each pick first showed. */
const INSTRUMENT = `
  // tsx names the functions this script hands to page.evaluate through a helper of its own.
  window.__name = (fn) => fn;
  window.__longTasks = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__longTasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
  window.__stages = [];
  const watch = new MutationObserver((changes) => {
    for (const c of changes) {
      const el = c.target;
      if (el.getAttribute('data-status') === 'running') window.__stages.push({ stage: el.getAttribute('data-stage'), at: performance.now() });
    }
  });
  document.addEventListener('DOMContentLoaded', () =>
    watch.observe(document.body, { attributes: true, subtree: true, attributeFilter: ['data-status'] }));
  window.__picks = {};
  setInterval(() => {
    const cell = document.querySelector('table.candidates tr.pick .equation');
    const latex = cell && cell.getAttribute('data-latex');
    if (latex && !(latex in window.__picks)) window.__picks[latex] = performance.now();
  }, 100);
`;

export async function runPageBench(log: (line: string) => void): Promise<PageFigures> {
  const server = await preview({
    preview: { port: 4180, strictPort: true, host: '127.0.0.1' },
    logLevel: 'silent',
  });
  const browser = await chromium.launch({
    executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
    args: ARGS,
  });
  const base = 'http://127.0.0.1:4180/';
  try {
    const first = await (await browser.newContext()).newPage();
    const files: { name: string; bytes: number }[] = [];
    await first.goto(base);
    await first.getByRole('heading', { level: 1 }).waitFor();
    const loaded = await first.evaluate(() =>
      performance.getEntriesByType('resource').map((e) => {
        const r = e as PerformanceResourceTiming;
        return { name: r.name, bytes: r.encodedBodySize || r.decodedBodySize };
      }),
    );
    files.push(...loaded.filter((f) => /\.(js|css)$/.test(f.name)));
    const firstLoadBytes = files.reduce((sum, f) => sum + f.bytes, 0);

    const runs: PageRun[] = [];
    for (const experiment of EXPERIMENTS) {
      const context = await browser.newContext();
      await context.addInitScript(INSTRUMENT);
      const page = await context.newPage();
      await page.goto(`${base}?v=1&experiment=${experiment}`);
      // The page loads tfjs and plotly once its first screen is up; a person clicks after that.
      await page.locator('html[data-ready="true"]').waitFor({ timeout: 60_000 });
      // Found before the long tasks are counted: finding a button by its role is a task of the
      // browser driver's in the page, not the explorer's.
      const runAll = await page.getByRole('button', { name: 'Run all' }).elementHandle();
      const openingTasks = await page.evaluate(() => {
        const w = window as unknown as { __longTasks: { duration: number }[] };
        const seen = w.__longTasks.map((t) => t.duration);
        w.__longTasks = [];
        return seen;
      });
      await runAll!.click();
      await page.locator('[data-stage="verify"][data-status="done"]').waitFor({ timeout: 300_000 });
      const figures = await page.evaluate(() => {
        const w = window as unknown as {
          __longTasks: { start: number; duration: number }[];
          __stages: { stage: string; at: number }[];
          __picks: Record<string, number>;
        };
        // The stage a task belongs to: the last one that started running before it.
        const stageAt = (t: number): string => w.__stages.filter((s) => s.at <= t).pop()?.stage ?? 'data';
        const longestIn = (stages: string[]): number =>
          Math.max(
            0,
            ...w.__longTasks.filter((t) => stages.includes(stageAt(t.start))).map((t) => t.duration),
          );
        const cell = document.querySelector('table.candidates tr.pick .equation');
        const pick = cell?.getAttribute('data-latex') ?? '';
        return {
          pick,
          pickMs: w.__picks[pick] ?? performance.now(),
          totalMs: performance.now(),
          recovered: document.querySelector('.verdict.recovers') !== null,
          verdict: document.querySelector('.verdict')?.getAttribute('data-verdict') ?? 'none',
          longTasks: w.__longTasks.map((t) => t.duration),
          longestTrainSearch: longestIn(['train', 'search']),
          longestOther: longestIn(['data', 'gradients', 'verify']),
        };
      });
      const run: PageRun = {
        experiment,
        pickSeconds: figures.pickMs / 1000,
        totalSeconds: figures.totalMs / 1000,
        recovered: figures.recovered,
        verdict: figures.verdict,
        pick: figures.pick,
        longestTaskMs: Math.round(figures.longestTrainSearch),
        longestBetweenMs: Math.round(figures.longestOther),
        longTasks: figures.longTasks.length,
        longestOpeningTaskMs: Math.round(Math.max(0, ...openingTasks)),
      };
      runs.push(run);
      log(
        `${experiment}: pick at ${run.pickSeconds.toFixed(1)} s, verified at ${run.totalSeconds.toFixed(1)} s, ${run.verdict} (${run.pick}); longest task ${run.longestTaskMs} ms training or searching, ${run.longestBetweenMs} ms in the other stages, ${run.longestOpeningTaskMs} ms while opening`,
      );
      await context.close();
    }
    return { runs, firstLoadBytes, firstLoadFiles: files.map((f) => new URL(f.name).pathname) };
  } finally {
    await browser.close();
    await new Promise<void>((resolve) => server.httpServer.close(() => resolve()));
  }
}
