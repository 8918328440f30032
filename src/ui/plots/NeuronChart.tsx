// Does the neuron carry the concept? Its value against the ground truth on held-out points: a thin
// monotone curve says yes (Spearman near ±1), a straight line says it is even linear (Pearson near ±1).
import { useMemo } from 'react';
import { Chart } from './Chart.tsx';
import { formatStat, palette, scatterAgainst, type ChartLook } from './look.ts';
import type { Layout } from './plotly.ts';

export interface NeuronChartProps extends ChartLook {
  /** The neuron's value at each held-out point. */
  neuron: number[];
  /** The ground truth at the same points, in the same order. */
  truth: number[];
  /** Pearson correlation of the two, shown in the title when given. */
  pearson?: number | undefined;
  /** Spearman rank correlation of the two, shown in the title when given. */
  spearman?: number | undefined;
}

const layout: Partial<Layout> = {
  xaxis: { title: { text: 'ground truth' } },
  yaxis: { title: { text: 'neuron' } },
  hovermode: 'closest',
};

export function NeuronChart({ neuron, truth, pearson, spearman, className, large }: NeuronChartProps) {
  const data = useMemo(
    () => [scatterAgainst(truth, neuron, 'truth %{x:.4g}<br>neuron %{y:.4g}', palette.blue, large)],
    [neuron, truth, large],
  );
  const stats = [
    pearson === undefined ? '' : `Pearson r = ${formatStat(pearson)}`,
    spearman === undefined ? '' : `Spearman ρ = ${formatStat(spearman)}`,
  ].filter(Boolean);
  const title = ['Neuron against the ground truth (held-out points)', ...stats].join(' · ');
  return <Chart title={title} data={data} layout={layout} className={className} large={large} />;
}
