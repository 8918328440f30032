// The explorer in headless Chromium (the system browser; WASM backend, no GPU): for a few easy
// experiments with default settings, the time from a cold page load until the pick that the run
// ends with first shows in the candidate table, and until the run has verified it; the longest
// main-thread task meanwhile (PerformanceObserver, long tasks); and what loads before the first
// screen. Serves the production build (`npm run build` first).

import { chromium } from '@playwright/test';
import { preview } from 'vite';

export interface PageRun {
  experiment: string;
  /** Seconds from navigation until the final pick first shows in the table. */
  pickSeconds: number;
  /** Seconds from navigation until the verify stage is done. */
  totalSeconds: number;
  recovered: boolean;
  pick: string;
  longestTaskMs: number;
  longTasks: number;
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
  window.__longTasks = [];
  new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__longTasks.push(e.duration); })
    .observe({ type: 'longtask', buffered: true });
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
      await page.getByRole('button', { name: 'Run all' }).click();
      await page.locator('[data-stage="verify"][data-status="done"]').waitFor({ timeout: 300_000 });
      const figures = await page.evaluate(() => {
        const w = window as unknown as { __longTasks: number[]; __picks: Record<string, number> };
        const cell = document.querySelector('table.candidates tr.pick .equation');
        const pick = cell?.getAttribute('data-latex') ?? '';
        return {
          pick,
          pickMs: w.__picks[pick] ?? performance.now(),
          totalMs: performance.now(),
          recovered: document.querySelector('.verdict.recovered') !== null,
          longTasks: w.__longTasks,
        };
      });
      const run: PageRun = {
        experiment,
        pickSeconds: figures.pickMs / 1000,
        totalSeconds: figures.totalMs / 1000,
        recovered: figures.recovered,
        pick: figures.pick,
        longestTaskMs: Math.round(Math.max(0, ...figures.longTasks)),
        longTasks: figures.longTasks.length,
      };
      runs.push(run);
      log(
        `${experiment}: pick at ${run.pickSeconds.toFixed(1)} s, verified at ${run.totalSeconds.toFixed(1)} s, ${run.recovered ? 'recovered' : 'NOT recovered'} (${run.pick}); longest task ${run.longestTaskMs} ms of ${run.longTasks}`,
      );
      await context.close();
    }
    return { runs, firstLoadBytes, firstLoadFiles: files.map((f) => new URL(f.name).pathname) };
  } finally {
    await browser.close();
    await new Promise<void>((resolve) => server.httpServer.close(() => resolve()));
  }
}
