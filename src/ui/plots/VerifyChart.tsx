// The last check: the picked equation against the ground truth on fresh points the search never saw.
// Mean |cos| between their gradients is the verdict; the cloud shows where they part ways, if anywhere.
import { useMemo } from 'react';
import { Chart } from './Chart.tsx';
import { formatStat, palette, scatterAgainst, type ChartLook } from './look.ts';
import type { Layout } from './plotly.ts';

export interface VerifyChartProps extends ChartLook {
  /** The picked equation's value at each fresh point. */
  pick: number[];
  /** The ground truth at the same points, in the same order. */
  truth: number[];
  /** Mean |cos| of the angle between the two gradients over the fresh points, in [0, 1]. */
  meanAbsCos: number;
}

const layout: Partial<Layout> = {
  xaxis: { title: { text: 'ground truth' } },
  yaxis: { title: { text: 'picked equation' } },
  hovermode: 'closest',
};

export function VerifyChart({ pick, truth, meanAbsCos, className, large }: VerifyChartProps) {
  const data = useMemo(
    () => [scatterAgainst(truth, pick, 'truth %{x:.4g}<br>pick %{y:.4g}', palette.green, large)],
    [pick, truth, large],
  );
  const title = `Pick against the ground truth (fresh points) · mean |cos| = ${formatStat(meanAbsCos)}`;
  return <Chart title={title} data={data} layout={layout} className={className} large={large} />;
}
