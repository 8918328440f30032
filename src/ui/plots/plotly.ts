// Plotly is large, so the page never imports it statically: the first chart asks for it here, Vite
// splits the dynamic import into its own chunk, and every later chart reuses the same module. The
// page draws scatter, bar and contour traces only, so it loads plotly's cartesian bundle (1.5 MB,
// against 4.8 MB for every trace type): evaluating the script is one task on the page, and plotly
// walks its registered modules on every redraw. The cartesian bundle ships no type declarations;
// the full bundle's (the same plotly.js version line) describe its API.
import type Plotly from 'plotly.js-dist-min';
import type { Data, Layout } from 'plotly.js-dist-min';

/** The plotly.js API object (newPlot, react, extendTraces, purge, downloadImage, Plots.resize, ...). */
export type PlotlyModule = typeof Plotly;
export type { Config, Data, Layout } from 'plotly.js-dist-min';

/** Draws of the throwaway charts: enough for the browser to compile plotly's drawing code. */
const WARM_UP_DRAWS = 4;

let pending: Promise<PlotlyModule> | undefined;
let loaded: PlotlyModule | undefined;

/** Loads plotly once and caches it; a failed load is forgotten so that a later chart can try again. */
export function loadPlotly(): Promise<PlotlyModule> {
  pending ??= import('plotly.js-cartesian-dist-min').then(
    (mod) => {
      // The bundle is UMD; Vite's CommonJS interop exposes its `module.exports` as the default export.
      loaded = mod.default;
      return loaded;
    },
    (error: unknown) => {
      pending = undefined;
      throw error;
    },
  );
  return pending;
}

/** The module if it has already loaded, so that charts mounted later draw without a placeholder frame. */
export function loadedPlotly(): PlotlyModule | undefined {
  return loaded;
}

/**
 * What the page's charts draw, in small: a line of steps and markers on a log axis, bars, and level
 * sets over a grid, each kind of trace and axis its charts use; `scale` gives each draw new numbers,
 * as a live chart's redraws bring.
 */
function warmUpFigure(scale: number): Data[] {
  return [
    {
      x: [0, 1, 2],
      y: [1, 0.1, 0.01 * scale],
      type: 'scatter',
      mode: 'lines+markers',
      line: { shape: 'hv' },
    },
    { x: [0, 1, 2], y: [0.5, 0.05, 0.2 * scale], type: 'bar', xaxis: 'x2', yaxis: 'y2' },
    {
      x: [0, 1, 2],
      y: [0, 1, 2],
      z: [
        [0, 1, 2],
        [1, 2, 3],
        [2, 3, 4 * scale],
      ],
      type: 'contour',
      contours: { coloring: 'lines' },
      showscale: false,
      xaxis: 'x3',
      yaxis: 'y3',
    },
  ];
}

/**
 * Loads plotly and draws a few throwaway charts off screen: plotly's first drawing sets itself up
 * (styles, measurements) for a few hundred milliseconds, and the first drawing of each kind of
 * trace runs code the browser has yet to compile. Better spent before a run than in its first
 * pictures (the input plane's first contour took 40-90 ms in a run, 15 ms in a page of its own).
 */
export async function warmPlotly(): Promise<void> {
  const plotly = await loadPlotly();
  const box = document.createElement('div');
  box.style.cssText = 'position:absolute;left:-10000px;width:300px;height:200px';
  document.body.append(box);
  try {
    const layout: Partial<Layout> = {
      grid: { rows: 1, columns: 3, pattern: 'independent' },
      yaxis: { type: 'log', exponentformat: 'power', dtick: 'D2' },
    };
    for (let round = 0; round < WARM_UP_DRAWS; round++) {
      await plotly.react(box, warmUpFigure(round + 1), layout);
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
    plotly.purge(box);
  } finally {
    box.remove();
  }
}
