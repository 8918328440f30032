// The one place that talks to plotly. Plotly loads lazily (the first screen never waits for it); until
// then a quiet placeholder holds the chart's space. Props are redrawn with Plotly.react, which only
// re-renders what changed; the plot is purged on unmount so no listeners or WebGL contexts leak.
import { useEffect, useMemo, useRef, useState } from 'react';
import { afterLayoutSettles, drawPending } from '../../state/pendingDraws.ts';
import { composeLayout, fileName, legendEntries } from './layout.ts';
import type { ChartLook } from './look.ts';
import {
  loadedPlotly,
  loadPlotly,
  type Config,
  type Data,
  type Layout,
  type PlotlyModule,
} from './plotly.ts';
import './plots.css';

export interface ChartProps extends ChartLook {
  /** Plotly traces. Pass new arrays to redraw; the same arrays mutated in place are not noticed. */
  data: Data[];
  /** Axes, subplots, annotations; the title, fonts, margins and colours are set by the chart. */
  layout?: Partial<Layout> | undefined;
  /** Shown above the plot (wrapping as needed), in exported images, and as the exported file's name. */
  title: string;
  /**
   * Draw the legend in HTML above the plot, in place of plotly's: plotly measures each entry's text on
   * every draw, forcing the page's layout each time. Exported images keep plotly's own legend.
   */
  htmlLegend?: boolean | undefined;
}

const config: Partial<Config> = {
  displaylogo: false,
  displayModeBar: 'hover',
  // The box has its own export button, and selections mean nothing in these charts.
  modeBarButtonsToRemove: ['toImage', 'select2d', 'lasso2d'],
  // Size follows the box through a ResizeObserver, which also sees the side column fold away.
  responsive: false,
};

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** A plotly chart in a responsive box, with an "Export PNG" button. */
export function Chart({ data, layout, title, htmlLegend, className, large = false }: ChartProps) {
  const legend = useMemo(() => (htmlLegend ? legendEntries(data) : undefined), [htmlLegend, data]);
  const plotRef = useRef<HTMLDivElement>(null);
  const [plotly, setPlotly] = useState<PlotlyModule | undefined>(loadedPlotly);
  const [failure, setFailure] = useState<string>();

  useEffect(() => {
    if (plotly) return;
    let live = true;
    loadPlotly().then(
      (api) => {
        if (live) setPlotly(api);
      },
      (error: unknown) => {
        if (live) setFailure(message(error));
      },
    );
    return () => {
      live = false;
    };
  }, [plotly]);

  useEffect(() => {
    const el = plotRef.current;
    if (!plotly || !el) return;
    const look = { large, ink: getComputedStyle(el).color || '#222', paper: 'rgba(0,0,0,0)' };
    // Drawn in a task of its own, so that several charts updated at once never add up to one
    // long task, and once a frame has laid out what the page wrote meanwhile (the render that
    // asked for the draw, the equations typeset after it): plotly measures its tick labels, which
    // lays out the page first, in the draw's own task. Traces are copied shallowly: plotly adds
    // bookkeeping fields to those it is given.
    const drawn = drawPending();
    const cancel = afterLayoutSettles(() => {
      plotly
        .react(
          el,
          data.map((trace) => ({ ...trace })),
          { ...composeLayout(layout, look), ...(htmlLegend ? { showlegend: false } : {}) },
          config,
        )
        .then(() => setFailure(undefined))
        .catch((error: unknown) => setFailure(message(error)))
        .finally(drawn);
    });
    return () => {
      cancel();
      drawn();
    };
  }, [plotly, data, layout, htmlLegend, large]);

  useEffect(() => {
    const el = plotRef.current;
    if (!plotly || !el) return;
    const resize = new ResizeObserver(() => {
      // Plots.resize is typed void but returns a promise that rejects while the box is hidden.
      Promise.resolve()
        .then(() => plotly.Plots.resize(el))
        .catch(() => undefined);
    });
    resize.observe(el);
    return () => {
      resize.disconnect();
      plotly.purge(el);
    };
  }, [plotly]);

  const exportPng = () => {
    const el = plotRef.current;
    if (!plotly || !el) return;
    // Exported on white with dark text, so a figure taken from a dark page still reads on a slide.
    const look = { title, large, ink: '#222', paper: '#ffffff' };
    const figure = { data: data.map((trace) => ({ ...trace })), layout: composeLayout(layout, look), config };
    plotly
      .downloadImage(figure, {
        format: 'png',
        filename: fileName(title),
        width: el.clientWidth || 800,
        height: el.clientHeight || 480,
        scale: 2,
      })
      .catch((error: unknown) => setFailure(message(error)));
  };

  const classes = ['chart', large ? 'chart--large' : '', className ?? ''].filter(Boolean).join(' ');
  return (
    <figure className={classes}>
      <figcaption className="chart__title">{title}</figcaption>
      {legend && (
        <ul className="chart__legend">
          {legend.map((entry) => (
            <li key={entry.name}>
              <span className="chart__swatch" style={{ background: entry.colour, height: entry.width }} />
              {entry.name}
            </li>
          ))}
        </ul>
      )}
      <div className="chart__area">
        <div className="chart__plot" ref={plotRef} />
        {(!plotly || failure) && (
          <p className="chart__placeholder" role="status">
            {failure ? `Chart unavailable: ${failure}` : 'loading chart…'}
          </p>
        )}
      </div>
      <div className="chart__tools">
        <button type="button" className="chart__export" onClick={exportPng} disabled={!plotly}>
          Export PNG
        </button>
      </div>
    </figure>
  );
}
