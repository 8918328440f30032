// The search's Pareto front: the best loss found at each complexity, as the step it is (nothing between two
// sizes does better than the smaller one), on a log loss axis. Hovering a point shows its equation.
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
}

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

export function ParetoChart({ front, pickComplexity, className, large }: ParetoChartProps) {
  const data = useMemo<Data[]>(() => {
    const points = drawable(front);
    const pick = points.filter((p) => p.complexity === pickComplexity);
    return [
      {
        type: 'scatter',
        mode: 'lines+markers',
        name: 'front',
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
  return <Chart title={title} data={data} layout={layout} className={className} large={large} />;
}
