// Plotly is large, so the page never imports it statically: the first chart asks for it here, Vite
// splits the dynamic import into its own chunk, and every later chart reuses the same module. The
// page draws scatter, bar and contour traces only, so it loads plotly's cartesian bundle (1.5 MB,
// against 4.8 MB for every trace type): evaluating the script is one task on the page, and plotly
// walks its registered modules on every redraw. The cartesian bundle ships no type declarations;
// the full bundle's (the same plotly.js version line) describe its API.
import type Plotly from 'plotly.js-dist-min';

/** The plotly.js API object (newPlot, react, extendTraces, purge, downloadImage, Plots.resize, ...). */
export type PlotlyModule = typeof Plotly;
export type { Config, Data, Layout } from 'plotly.js-dist-min';

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
 * Loads plotly and draws one throwaway chart off screen: plotly's first drawing sets itself up
 * (styles, measurements) for a few hundred milliseconds, which is better spent before a run.
 */
export async function warmPlotly(): Promise<void> {
  const plotly = await loadPlotly();
  const box = document.createElement('div');
  box.style.cssText = 'position:absolute;left:-10000px;width:300px;height:200px';
  document.body.append(box);
  try {
    await plotly.newPlot(box, [{ x: [0, 1], y: [1, 0.1], type: 'scatter', mode: 'lines+markers' }], {
      yaxis: { type: 'log' },
    });
    plotly.purge(box);
  } finally {
    box.remove();
  }
}
