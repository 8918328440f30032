// For two-input experiments: the input plane with the neuron's normalised gradients as arrows at the
// data points, and level sets. The neuron's level sets (left) and the recovered equation's (right) share
// axes and arrows: if the equation carries the same concept, its level sets cross the arrows at right
// angles too.
import { useMemo } from 'react';
import { arrowStrokes, span, type ArrowField } from './arrows.ts';
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
  grid: Grid | undefined;
  /** Names its level sets in the legend, with its side once there are two panels. */
  label: string;
  /** Names its values on hover. */
  short: string;
  colour: string;
  xaxis: 'x' | 'x2';
  yaxis: 'y' | 'y2';
}

const neuronPanel = {
  label: 'neuron',
  short: 'neuron',
  colour: palette.blue,
  xaxis: 'x',
  yaxis: 'y',
} as const;
const equationPanel = {
  label: 'recovered equation',
  short: 'equation',
  colour: palette.orange,
  xaxis: 'x2',
  yaxis: 'y2',
} as const;

function levelSets(panel: Panel, grid: Grid, large: boolean | undefined, sided: boolean): Data {
  const side = panel.xaxis === 'x' ? 'left' : 'right';
  return {
    type: 'contour',
    name: sided ? `${panel.label} level sets (${side})` : `${panel.label} level sets`,
    x: grid.x,
    y: grid.y,
    z: grid.z,
    xaxis: panel.xaxis,
    yaxis: panel.yaxis,
    ncontours: 12,
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
    xaxis: 'x',
    yaxis: 'y',
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

export function PlaneChart(props: PlaneChartProps) {
  const { xName, yName, arrows, neuronGrid, equationGrid, boundary, className, large } = props;

  const panels = useMemo<Panel[]>(() => {
    const neuron: Panel = { grid: neuronGrid, ...neuronPanel };
    return equationGrid ? [neuron, { grid: equationGrid, ...equationPanel }] : [neuron];
  }, [neuronGrid, equationGrid]);

  const spans = useMemo(
    () => ({
      x: span(arrows.x, neuronGrid?.x ?? [], equationGrid?.x ?? []),
      y: span(arrows.y, neuronGrid?.y ?? [], equationGrid?.y ?? []),
    }),
    [arrows, neuronGrid, equationGrid],
  );

  const data = useMemo<Data[]>(() => {
    const strokes = arrowStrokes(arrows, spans.x, spans.y);
    return panels.flatMap((panel, index): Data[] => [
      ...(panel.grid ? [levelSets(panel, panel.grid, large, panels.length > 1)] : []),
      ...(index === 0 && panel.grid && boundary !== undefined
        ? [boundaryLine(panel.grid, boundary, large)]
        : []),
      // No marker per data point: each arrow is centred on its point, so the arrows already show where
      // the data are, and a marker is an SVG element of its own (300 of them in two panels), a large
      // part of each draw's time.
      {
        type: 'scatter',
        mode: 'lines',
        name: 'neuron gradient at the data',
        legendgroup: 'arrows',
        showlegend: index === 0,
        x: strokes.x,
        y: strokes.y,
        xaxis: panel.xaxis,
        yaxis: panel.yaxis,
        line: { color: palette.green, width: large ? 2 : 1.2 },
        connectgaps: false,
        hoverinfo: 'skip',
      },
    ]);
  }, [panels, spans, arrows, large, boundary]);

  const layout = useMemo<Partial<Layout>>(() => {
    // One span of x and one span of y take the same length on screen, so the arrows (drawn for that
    // scale) meet the level sets at right angles; each panel shrinks to fit rather than stretch.
    const square = { scaleratio: spans.x / spans.y, constrain: 'domain' as const };
    const axes = {
      xaxis: { title: { text: xName }, constrain: 'domain' as const },
      yaxis: { title: { text: yName }, scaleanchor: 'x' as const, ...square },
    };
    if (panels.length === 1) return axes;
    return {
      ...axes,
      grid: { rows: 1, columns: 2, pattern: 'independent', xgap: 0.1 },
      xaxis2: { title: { text: xName }, matches: 'x', constrain: 'domain' },
      yaxis2: { matches: 'y', scaleanchor: 'x2', ...square },
    };
  }, [xName, yName, panels, spans]);

  const title = `Input plane (${xName}, ${yName}): gradient directions and level sets`;
  // The legend in HTML: with it, the draw at verification (both panels) stays a short task.
  return <Chart title={title} data={data} layout={layout} htmlLegend className={className} large={large} />;
}
