// A concept read off a latent space's span, against each of its neurons on held-out points: a
// neuron that holds the concept alone draws a thin monotone curve; one that mixes it with another
// draws a cloud, whatever the search found.
import { useMemo } from 'react';
import { Chart } from './Chart.tsx';
import { palette, scatterAgainst, type ChartLook } from './look.ts';
import type { Layout } from './plotly.ts';

export interface LatentChartProps extends ChartLook {
  /** The concept's value at each held-out point. */
  concept: number[];
  /** Each neuron's value at the same points. */
  neurons: number[][];
  /** The concept's place among those found, from 1. */
  index: number;
}

const colours = [palette.blue, palette.orange, palette.green, palette.purple];

export function LatentChart({ concept, neurons, index, className, large }: LatentChartProps) {
  const data = useMemo(
    () =>
      neurons.map((values, unit) => ({
        ...scatterAgainst(
          concept,
          values,
          `concept %{x:.4g}<br>neuron ${unit} %{y:.4g}`,
          colours[unit % 4]!,
          large,
        ),
        name: `neuron ${unit}`,
        showlegend: true,
      })),
    [concept, neurons, large],
  );
  const layout: Partial<Layout> = {
    xaxis: { title: { text: `concept ${index}` } },
    yaxis: { title: { text: 'neuron' } },
    hovermode: 'closest',
  };
  return (
    <Chart
      title={`Each neuron against concept ${index} (held-out points)`}
      data={data}
      layout={layout}
      className={className}
      large={large}
    />
  );
}
