// The charts' public face. Importing from here costs nothing up front: plotly itself loads on first draw.
export { Chart, type ChartProps } from './Chart.tsx';
export { LossChart, type LossChartProps } from './LossChart.tsx';
export { NeuronChart, type NeuronChartProps } from './NeuronChart.tsx';
export { ParetoChart, type FrontPoint, type ParetoChartProps } from './ParetoChart.tsx';
export { PlaneChart, type Grid, type PlaneChartProps } from './PlaneChart.tsx';
export { VerifyChart, type VerifyChartProps } from './VerifyChart.tsx';
export type { ArrowField } from './arrows.ts';
export type { ChartLook } from './look.ts';
export { loadPlotly } from './plotly.ts';
export { LatentChart, type LatentChartProps } from './LatentChart.tsx';
