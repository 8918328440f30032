// The search's Pareto front: the best loss found at each complexity, on a log loss axis, as the step
// it is (nothing between two sizes does better than the smaller one), or as the papers drew it: a
// bar per complexity, the chosen equation's bar marked and labelled. Hovering shows each equation.
import { useMemo } from 'react';
import { Chart } from './Chart.tsx';
import { literalText, markerSize, palette, type ChartLook } from './look.ts';
import type { Data, Layout } from './plotly.ts';

/** One member of the front. */
export interface FrontPoint {
  /** Size of the expression, in the search's complexity units. */
  complexity: number;
  /** Its loss (lower is better); zero is drawn at the axis floor, non-finite values are left out. */
  loss: number;
  /** The equation as text, shown on hover. */
  expr: string;
}

export interface ParetoChartProps extends ChartLook {
  /** The front, in any order. */
  front: FrontPoint[];
  /** Complexity of the picked equation, marked with a star when it is on the front. */
  pickComplexity?: number | undefined;
  /** `bars`: the papers' figure, a bar per complexity with the pick's labelled. */
  style?: 'step' | 'bars';
}

/** The pick's label above its bar: its equation, cut to stay inside the chart. */
const LABEL_CHARS = 48;

const layout: Partial<Layout> = {
  xaxis: { title: { text: 'complexity' }, rangemode: 'tozero' },
  yaxis: { title: { text: 'loss' }, type: 'log', exponentformat: 'power', dtick: 'D2' },
  hovermode: 'closest',
};

const hover = 'complexity %{x}<br>loss %{customdata[0]:.4g}<br>%{customdata[1]}<extra></extra>';

/** Points sorted by complexity with losses a log axis can draw: zeros sit a decade under the least loss. */
function drawable(front: FrontPoint[]) {
  const kept = front.filter((p) => Number.isFinite(p.complexity) && Number.isFinite(p.loss) && p.loss >= 0);
  kept.sort((a, b) => a.complexity - b.complexity);
  const positive = kept.map((p) => p.loss).filter((l) => l > 0);
  const floor = positive.length > 0 ? Math.min(...positive) / 10 : 1e-12;
  return kept.map((p) => ({ ...p, shown: Math.max(p.loss, floor), text: literalText(p.expr) }));
}

function barsOf(front: FrontPoint[], pickComplexity: number | undefined, large: boolean | undefined) {
  const points = drawable(front);
  const pick = points.find((p) => p.complexity === pickComplexity);
  const data: Data[] = [
    {
      type: 'bar',
      name: 'front',
      x: points.map((p) => p.complexity),
      y: points.map((p) => p.shown),
      customdata: points.map((p) => [p.loss, p.text]),
      marker: { color: points.map((p) => (p === pick ? palette.vermillion : palette.blue)) },
      hovertemplate: hover,
      showlegend: false,
    },
  ];
  const label = pick
    ? pick.expr.length > LABEL_CHARS
      ? `${pick.expr.slice(0, LABEL_CHARS - 1)}…`
      : pick.expr
    : null;
  const annotations: NonNullable<Layout['annotations']> =
    pick && label
      ? [
          {
            x: pick.complexity,
            y: Math.log10(pick.shown),
            text: `chosen: ${literalText(label)}`,
            showarrow: true,
            arrowhead: 2,
            ax: 0,
            ay: large ? -60 : -40,
            font: { color: palette.vermillion },
          },
        ]
      : [];
  return { data, layout: { ...layout, bargap: 0.15, annotations } };
}

export function ParetoChart({ front, pickComplexity, className, large, style = 'step' }: ParetoChartProps) {
  const bars = useMemo(() => barsOf(front, pickComplexity, large), [front, pickComplexity, large]);
  const data = useMemo<Data[]>(() => {
    const points = drawable(front);
    const pick = points.filter((p) => p.complexity === pickComplexity);
    return [
      {
        type: 'scatter',
        mode: 'lines+markers',
        name: 'front',
        showlegend: pick.length > 0,
        x: points.map((p) => p.complexity),
        y: points.map((p) => p.shown),
        customdata: points.map((p) => [p.loss, p.text]),
        line: { shape: 'hv', color: palette.blue, width: large ? 3 : 2 },
        marker: { color: palette.blue, size: markerSize(large, 7) },
        hovertemplate: hover,
      },
      {
        type: 'scatter',
        mode: 'markers',
        name: 'pick',
        showlegend: pick.length > 0,
        x: pick.map((p) => p.complexity),
        y: pick.map((p) => p.shown),
        customdata: pick.map((p) => [p.loss, p.text]),
        marker: {
          color: palette.vermillion,
          symbol: 'star',
          size: markerSize(large, 16),
          line: { color: '#ffffff', width: 1 },
        },
        hovertemplate: `<b>pick</b><br>${hover}`,
      },
    ];
  }, [front, pickComplexity, large]);
  const title = `Pareto front · ${front.length} equation${front.length === 1 ? '' : 's'}`;
  return style === 'bars' ? (
    <Chart title={title} data={bars.data} layout={bars.layout} className={className} large={large} />
  ) : (
    <Chart title={title} data={data} layout={layout} htmlLegend className={className} large={large} />
  );
}
