// Training and validation loss per epoch on a log axis, where the late, small improvements stay visible.
import { useMemo } from 'react';
import { Chart } from './Chart.tsx';
import { palette, type ChartLook } from './look.ts';
import type { Data, Layout } from './plotly.ts';

export interface LossChartProps extends ChartLook {
  /** Epoch numbers, the x of both curves (may be fractional for per-batch points). */
  epochs: number[];
  /** Training loss at each epoch; same length as `epochs`. */
  train: number[];
  /** Validation loss at each epoch; may be shorter (or empty) while validation lags behind. */
  validation: number[];
}

const layout: Partial<Layout> = {
  xaxis: { title: { text: 'epoch' } },
  yaxis: { title: { text: 'loss' }, type: 'log', exponentformat: 'power', dtick: 'D2' },
  hovermode: 'x unified',
};

export function LossChart({ epochs, train, validation, className, large }: LossChartProps) {
  const data = useMemo<Data[]>(
    () => [
      {
        type: 'scatter',
        mode: 'lines',
        name: 'training',
        showlegend: true,
        x: epochs,
        y: train,
        line: { color: palette.blue, width: large ? 3 : 2 },
        hovertemplate: '%{y:.4g}',
      },
      {
        type: 'scatter',
        mode: 'lines',
        name: 'validation',
        showlegend: true,
        x: epochs.slice(0, validation.length),
        y: validation,
        line: { color: palette.orange, width: large ? 3 : 2, dash: 'dash' },
        hovertemplate: '%{y:.4g}',
      },
    ],
    [epochs, train, validation, large],
  );
  return (
    <Chart title="Training loss" data={data} layout={layout} htmlLegend className={className} large={large} />
  );
}
