// What every chart shares and nothing else owns: the palette, how statistics are printed in titles, how
// free text is made literal for plotly's hover labels, and the plain scatter used by two charts.
import type { Data } from './plotly.ts';

/** Okabe–Ito colours: distinguishable with colour-blindness and readable on light and dark pages. */
export const palette = {
  blue: '#0072B2',
  orange: '#E69F00',
  green: '#009E73',
  vermillion: '#D55E00',
  purple: '#CC79A7',
  grey: '#888888',
} as const;

/** The look props every chart passes through to `Chart`. */
export interface ChartLook {
  /** Extra class on the chart's box. */
  className?: string | undefined;
  /** Lecture mode: bigger type, a taller box. */
  large?: boolean | undefined;
}

/** A statistic for a title: four decimals, or a dash when it is missing or not finite. */
export function formatStat(value: number | undefined): string {
  return value !== undefined && Number.isFinite(value) ? value.toFixed(4) : '–';
}

/** Plotly reads `<br>`, `<b>` and entities in hover text; equations must show `<`, `>` and `&` as typed. */
export function literalText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Marker size that stays readable in lecture mode. */
export function markerSize(large: boolean | undefined, small: number): number {
  return large ? Math.round(small * 1.6) : small;
}

/** One cloud of points, y against x, for the "this against the truth" charts. */
export function scatterAgainst(
  x: number[],
  y: number[],
  hover: string,
  colour: string,
  large: boolean | undefined,
): Data {
  return {
    type: 'scatter',
    mode: 'markers',
    x,
    y,
    marker: { color: colour, size: markerSize(large, 5), opacity: 0.7 },
    hovertemplate: `${hover}<extra></extra>`,
    showlegend: false,
  };
}
