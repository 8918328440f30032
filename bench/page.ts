// The explorer in headless Chromium (the system browser; no GPU, so the WASM backend): for a few
// easy experiments with default settings, the time from a cold page load until the pick that
// the run ends with first shows in the candidate table, until the page first shows that pick's
// verdict (checked live while the search settles), and until the run has verified it; the
// longest main-thread task while the stages run and while the page opens (PerformanceObserver,
// long tasks), and where the longest frames of a run went (long animation frames: the script
// that took most of each, and the browser's own rendering); and what loads before the first
// screen. Serves the production build (`npm run build` first).

import { chromium } from '@playwright/test';
import { preview } from 'vite';

/** One long animation frame of a run: what took its time. */
export interface LongFrame {
  /** The stage running when it started. */
  stage: string;
  ms: number;
  /** The script that ran longest in it: what called it and the chunk it is in; none: rendering alone. */
  script?: string;
  scriptMs: number;
  /** Style, layout and paint at the frame's end, and layout forced by its scripts. */
  renderingMs: number;
}

export interface PageRun {
  experiment: string;
  /** Seconds from navigation until the final pick's form (its constants aside) first shows in the table. */
  pickSeconds: number;
  /**
   * Seconds from navigation until the page first showed the verdict the run ends with, on the
   * form of the equation it ends with: checked live while the search settled, or by the verify stage.
   */
  verdictSeconds?: number;
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
  /** The longest frames from "Run all" to the verdict, longest first (absent: not recorded). */
  longestFrames?: LongFrame[];
}

export interface PageFigures {
  runs: PageRun[];
  /** Bytes (compressed as served, else raw) of what loads before the first screen shows. */
  firstLoadBytes: number;
  firstLoadFiles: string[];
}

const EXPERIMENTS = ['matrix-2x2-trace', 'oscillator-harmonic', 'classifier-a1'];
/** How many of a run's longest frames are kept, with what took their time. */
const LONGEST_FRAMES = 5;
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
  window.__frames = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      const longest = [...e.scripts].sort((a, b) => b.duration - a.duration)[0];
      const forced = e.scripts.reduce((sum, s) => sum + s.forcedStyleAndLayoutDuration, 0);
      window.__frames.push({
        start: e.startTime,
        ms: e.duration,
        // The chunk's name without its content hash: the same chunk reads the same from build to build.
        script: longest && longest.invoker + ' in ' + (longest.sourceURL.split('/').pop() || 'the page').replace(/-[A-Za-z0-9_-]{8}[.]js$/, '.js'),
        scriptMs: longest ? longest.duration : 0,
        renderingMs: (e.renderStart > 0 ? e.startTime + e.duration - e.renderStart : 0) + forced,
      });
    }
  }).observe({ type: 'long-animation-frame', buffered: true });
  window.__stages = [];
  const watch = new MutationObserver((changes) => {
    for (const c of changes) {
      const el = c.target;
      if (el.getAttribute('data-status') === 'running') window.__stages.push({ stage: el.getAttribute('data-stage'), at: performance.now() });
    }
  });
  document.addEventListener('DOMContentLoaded', () =>
    watch.observe(document.body, { attributes: true, subtree: true, attributeFilter: ['data-status'] }));
  // An equation's form: its LaTeX with the constants left out (not subscripts or exponents), so
  // that a pick whose constants the search goes on polishing counts from when its form showed.
  window.__formOf = (latex) => latex.replace(/(?<![_^][{][0-9]*)[0-9]+(?:[.][0-9]+)?/g, 'c');
  window.__picks = {};
  window.__liveVerdicts = {};
  setInterval(() => {
    const cell = document.querySelector('table.candidates tr.pick .equation');
    const form = cell && window.__formOf(cell.getAttribute('data-latex') || '');
    if (form && !(form in window.__picks)) window.__picks[form] = performance.now();
    const live = document.querySelector('.live-verdict');
    const seen = live && window.__formOf(live.getAttribute('data-latex') || '') + ' ' + live.getAttribute('data-verdict');
    if (seen && !(seen in window.__liveVerdicts)) window.__liveVerdicts[seen] = performance.now();
  }, 100);
`;

/** A long frame as the log and the benchmark page read it. */
export function frameText(frame: LongFrame): string {
  const script = frame.script ? `${frame.script} ${frame.scriptMs} ms, ` : '';
  return `${frame.ms} ms in ${frame.stage} (${script}rendering ${frame.renderingMs} ms)`;
}

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
        (window as unknown as { __frames: unknown[] }).__frames = [];
        return seen;
      });
      await runAll!.click();
      await page.locator('[data-stage="verify"][data-status="done"]').waitFor({ timeout: 300_000 });
      const figures = await page.evaluate((longestFrames) => {
        const w = window as unknown as {
          __longTasks: { start: number; duration: number }[];
          __stages: { stage: string; at: number }[];
          __formOf: (latex: string) => string;
          __picks: Record<string, number>;
          __liveVerdicts: Record<string, number>;
          __frames: ({ start: number } & Omit<LongFrame, 'stage'>)[];
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
        const verdict = document.querySelector('.verdict')?.getAttribute('data-verdict') ?? 'none';
        const totalMs = performance.now();
        return {
          pick,
          pickMs: w.__picks[w.__formOf(pick)] ?? totalMs,
          verdictMs: w.__liveVerdicts[`${w.__formOf(pick)} ${verdict}`] ?? totalMs,
          totalMs,
          recovered: document.querySelector('.verdict.recovers') !== null,
          verdict,
          longTasks: w.__longTasks.map((t) => t.duration),
          longestTrainSearch: longestIn(['train', 'search']),
          longestOther: longestIn(['data', 'gradients', 'verify']),
          longestFrames: [...w.__frames]
            .sort((a, b) => b.ms - a.ms)
            .slice(0, longestFrames)
            .map(({ start, ...frame }) => ({ stage: stageAt(start), ...frame })),
        };
      }, LONGEST_FRAMES);
      const run: PageRun = {
        experiment,
        pickSeconds: figures.pickMs / 1000,
        verdictSeconds: figures.verdictMs / 1000,
        totalSeconds: figures.totalMs / 1000,
        recovered: figures.recovered,
        verdict: figures.verdict,
        pick: figures.pick,
        longestTaskMs: Math.round(figures.longestTrainSearch),
        longestBetweenMs: Math.round(figures.longestOther),
        longTasks: figures.longTasks.length,
        longestOpeningTaskMs: Math.round(Math.max(0, ...openingTasks)),
        longestFrames: figures.longestFrames.map((frame) => ({
          ...frame,
          ms: Math.round(frame.ms),
          scriptMs: Math.round(frame.scriptMs),
          renderingMs: Math.round(frame.renderingMs),
        })),
      };
      runs.push(run);
      log(
        `${experiment}: pick at ${run.pickSeconds.toFixed(1)} s, its verdict at ${figures.verdictMs / 1000 < run.totalSeconds ? (figures.verdictMs / 1000).toFixed(1) : run.totalSeconds.toFixed(1)} s, verified at ${run.totalSeconds.toFixed(1)} s, ${run.verdict} (${run.pick}); longest task ${run.longestTaskMs} ms training or searching, ${run.longestBetweenMs} ms in the other stages, ${run.longestOpeningTaskMs} ms while opening; longest frames: ${run.longestFrames?.map(frameText).join('; ')}`,
      );
      await context.close();
    }
    return { runs, firstLoadBytes, firstLoadFiles: files.map((f) => new URL(f.name).pathname) };
  } finally {
    await browser.close();
    await new Promise<void>((resolve) => server.httpServer.close(() => resolve()));
  }
}
