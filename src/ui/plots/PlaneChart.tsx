// For two-input experiments: the input plane with the neuron's normalised gradients as arrows at the
// data points, and level sets. The neuron's level sets (left) and the recovered equation's (right) share
// scales and arrows: if the equation carries the same concept, its level sets cross the arrows at right
// angles too.
import { useMemo } from 'react';
import { arrowStrokes, span, type ArrowField, type Strokes } from './arrows.ts';
import { Chart } from './Chart.tsx';
import { palette, type ChartLook } from './look.ts';
import type { Data, Layout } from './plotly.ts';

/** Values on a regular grid: `z[j][i]` is the value at (`x[i]`, `y[j]`). */
export interface Grid {
  x: number[];
  y: number[];
  z: number[][];
}

export interface PlaneChartProps extends ChartLook {
  /** Names of the two inputs, for the axes. */
  xName: string;
  yName: string;
  /** Normalised gradient of the neuron at the data points (about 300 draw quickly). */
  arrows: ArrowField;
  /** The neuron's value over the plane, drawn as level sets. */
  neuronGrid?: Grid | undefined;
  /** The recovered equation's value over the plane; adds a second panel. */
  equationGrid?: Grid | undefined;
  /** A classifier's decision boundary: the neuron's level drawn bold (the logit's 0). */
  boundary?: number | undefined;
}

interface Panel {
  /** Names its level sets in the legend. */
  label: string;
  /** Names its values on hover. */
  short: string;
  colour: string;
}

const neuronPanel = {
  label: 'neuron',
  short: 'neuron',
  colour: palette.blue,
} as const;
const equationPanel = {
  label: 'recovered equation',
  short: 'equation',
  colour: palette.orange,
} as const;

function levelSets(panel: Panel, grid: Grid, large: boolean | undefined): Data {
  return {
    type: 'contour',
    name: `${panel.label} level sets`,
    x: grid.x,
    y: grid.y,
    z: grid.z,
    ncontours: 8,
    contours: { coloring: 'lines', showlabels: false },
    colorscale: [
      [0, panel.colour],
      [1, panel.colour],
    ],
    showscale: false,
    showlegend: true,
    line: { width: large ? 2.5 : 1.5 },
    hovertemplate: `${panel.short} %{z:.4g}<extra></extra>`,
  };
}

/** The one level set where a classifier decides, drawn bold over the neuron's panel. */
function boundaryLine(grid: Grid, level: number, large: boolean | undefined): Data {
  return {
    type: 'contour',
    name: 'decision boundary',
    x: grid.x,
    y: grid.y,
    z: grid.z,
    autocontour: false,
    contours: { start: level, end: level, size: 1, coloring: 'lines', showlabels: false },
    colorscale: [
      [0, palette.vermillion],
      [1, palette.vermillion],
    ],
    showscale: false,
    showlegend: true,
    line: { width: large ? 5 : 3 },
    hoverinfo: 'skip',
  };
}

/** One panel: its level sets, the boundary where it decides, and the neuron's arrows across them. */
function PlanePanel({
  panel,
  grid,
  strokes,
  square,
  boundary,
  xName,
  yName,
  title,
  className,
  large,
}: {
  panel: Panel;
  grid: Grid | undefined;
  strokes: Strokes;
  /** One span of x and one of y take the same length on screen. */
  square: number;
  boundary: number | undefined;
  xName: string;
  yName: string;
  title: string;
} & ChartLook) {
  const data = useMemo<Data[]>(
    () => [
      ...(grid ? [levelSets(panel, grid, large)] : []),
      ...(grid && boundary !== undefined ? [boundaryLine(grid, boundary, large)] : []),
      // No marker per data point: each arrow is centred on its point, so the arrows already show where
      // the data are, and a marker is an SVG element of its own, a large part of each draw's time.
      {
        type: 'scatter',
        mode: 'lines',
        name: 'neuron gradient at the data',
        showlegend: true,
        x: strokes.x,
        y: strokes.y,
        line: { color: palette.green, width: large ? 2 : 1.2 },
        connectgaps: false,
        hoverinfo: 'skip',
      },
    ],
    [panel, grid, strokes, boundary, large],
  );
  const layout = useMemo<Partial<Layout>>(
    () => ({
      // The arrows are drawn for this scale, so they meet the level sets at right angles; the panel
      // shrinks to fit rather than stretch.
      xaxis: { title: { text: xName }, constrain: 'domain' },
      yaxis: { title: { text: yName }, scaleanchor: 'x', scaleratio: square, constrain: 'domain' },
    }),
    [xName, yName, square],
  );
  // The legend in HTML: plotly measures the text of its own on every draw.
  return <Chart title={title} data={data} layout={layout} htmlLegend className={className} large={large} />;
}

/**
 * The neuron's panel and, once an equation is verified, the equation's beside it: each a plot of its
 * own, so that the equation's arrival draws its panel alone (both in one plot took one long task).
 */
export function PlaneChart(props: PlaneChartProps) {
  const { xName, yName, arrows, neuronGrid, equationGrid, boundary, className, large } = props;
  // The equation's grid lies on the neuron's lattice: the spans, and so the arrows, stay the same.
  const spans = useMemo(
    () => ({ x: span(arrows.x, neuronGrid?.x ?? []), y: span(arrows.y, neuronGrid?.y ?? []) }),
    [arrows, neuronGrid],
  );
  const strokes = useMemo(() => arrowStrokes(arrows, spans.x, spans.y), [arrows, spans]);
  const shared = { strokes, square: spans.x / spans.y, xName, yName, className, large };
  const plane = `Input plane (${xName}, ${yName})`;
  // The same two columns before and after verification: the neuron's plot is neither redrawn nor resized.
  return (
    <div className="chart-pair">
      <PlanePanel
        {...shared}
        panel={neuronPanel}
        grid={neuronGrid}
        boundary={boundary}
        title={`${plane}: the neuron`}
      />
      {equationGrid ? (
        <PlanePanel
          {...shared}
          panel={equationPanel}
          grid={equationGrid}
          boundary={undefined}
          title={`${plane}: the recovered equation`}
        />
      ) : (
        <p className="placeholder">The recovered equation's level sets appear here once it is verified.</p>
      )}
    </div>
  );
}
