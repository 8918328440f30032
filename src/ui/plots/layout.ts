// The layout every chart starts from, kept apart from the component so it is plain data in, plain data out:
// the caller's layout (axes, subplots) plus the type sizes, margins, colours and (for export) the title.
import { literalText } from './look.ts';
import type { Data, Layout } from './plotly.ts';

/** Grid and zero lines that read on light and dark pages alike. */
const rule = 'rgba(128,128,128,0.25)';
const axisKey = /^[xy]axis\d*$/;
const pageLegend = { orientation: 'h', x: 0, xanchor: 'left', y: 1.02, yanchor: 'bottom' } as const;
const exportLegend = { orientation: 'v', x: 1.02, xanchor: 'left', y: 1, yanchor: 'top' } as const;

export interface LayoutLook {
  /** Drawn by plotly only in exported images; on the page the title is HTML, so it wraps. */
  title?: string | undefined;
  /** Lecture mode: type readable from the back of a hall. */
  large: boolean;
  /** Text colour, read from the page so the chart follows a light or dark scheme. */
  ink: string;
  /** Background; transparent on the page, white in exported images. */
  paper: string;
}

/**
 * The caller's layout with the shared look applied. The caller's layout is copied first: plotly writes
 * computed ranges back into the layout it is given, and a caller may share one layout between charts.
 */
export function composeLayout(layout: Partial<Layout> | undefined, look: LayoutLook): Partial<Layout> {
  const own = structuredClone(layout ?? {}) as Record<string, unknown>;
  const size = look.large ? 20 : 12;
  const titleSize = Math.round(size * 1.25);
  // "Name · statistic · statistic" exports as the name over a line of statistics.
  const [head = '', ...stats] = (look.title ?? '').split(' · ').map(literalText);
  const titleLines = look.title ? (stats.length > 0 ? 2 : 1) : 0;
  const out: Record<string, unknown> = {
    ...own,
    title: {
      text: stats.length > 0 ? `${head}<br>${stats.join(' · ')}` : head,
      x: 0.01,
      xanchor: 'left',
      y: 1,
      yref: 'container',
      yanchor: 'top',
      pad: { t: 12 },
      font: { size: titleSize },
    },
    font: { size, color: look.ink, family: 'system-ui, sans-serif' },
    autosize: true,
    // Room for tick labels and axis titles, fixed: margins plotly works out itself (automargin)
    // cost a second layout pass, and a redraw, whenever the labels change.
    margin: {
      l: 16 + 4.5 * size,
      r: 16,
      t: 16 + titleLines * titleSize * 1.4,
      b: 16 + 3 * size,
      ...(own['margin'] as object | undefined),
    },
    paper_bgcolor: look.paper,
    plot_bgcolor: 'rgba(0,0,0,0)',
    legend: {
      // On the page the legend sits in a row above the plot; with a title (export) it moves to the right.
      ...(look.title ? exportLegend : pageLegend),
      ...(own['legend'] as object | undefined),
    },
    hoverlabel: { font: { size } },
    // Keeps the reader's zoom and hidden traces while the data streams in; a caller may reset it by
    // passing its own uirevision (a run id, say).
    uirevision: own['uirevision'] ?? 'chart',
  };
  for (const key of ['xaxis', 'yaxis', ...Object.keys(own).filter((k) => axisKey.test(k))]) {
    out[key] = {
      gridcolor: rule,
      zerolinecolor: rule,
      automargin: false,
      // Tick labels sit in the fixed margins. Plotly's default ('hide past div') measures every
      // label's box on each redraw, most of a redraw's time in a profile of the plane chart.
      ticklabeloverflow: 'allow',
      ...(own[key] as object | undefined),
    };
  }
  return out as Partial<Layout>;
}

/** A file name from a title's name part (statistics after " · " left out): lower case, dashed, ≤ 60 characters. */
export function fileName(title: string): string {
  const slug = (title.split(' · ')[0] ?? '')
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return slug || 'chart';
}

/** One line of a legend drawn outside plotly: a trace's name, colour and line width in pixels. */
export interface LegendEntry {
  name: string;
  colour: string;
  width: number;
}

/**
 * The entries plotly's legend would show: each named trace with `showlegend` set, in order. The colour
 * is the line's, else the markers', else the first of a one-colour colour scale (contour lines).
 */
export function legendEntries(data: Data[]): LegendEntry[] {
  return data.flatMap((trace) => {
    const t = trace as {
      name?: string;
      showlegend?: boolean;
      line?: { color?: unknown; width?: number };
      marker?: { color?: unknown; size?: number };
      colorscale?: unknown;
    };
    if (!t.name || t.showlegend !== true) return [];
    const scale = Array.isArray(t.colorscale) ? (t.colorscale[0] as unknown[] | undefined)?.[1] : undefined;
    const colour = [t.line?.color, t.marker?.color, scale].find((c): c is string => typeof c === 'string');
    return [{ name: t.name, colour: colour ?? 'currentColor', width: t.line?.width ?? t.marker?.size ?? 2 }];
  });
}
