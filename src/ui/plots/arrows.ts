// The gradient field as one polyline: hundreds of arrows as separate traces or annotations would make
// plotly slow, so all arrows are one trace: tail, tip, one wing, tip, other wing, then a gap.

/** Unit gradient directions (u, v) at the points (x, y), in the data's units. */
export interface ArrowField {
  x: number[];
  y: number[];
  u: number[];
  v: number[];
}

/** Coordinates for one `mode: 'lines'` trace; `null` breaks the line between strokes. */
export interface Strokes {
  x: (number | null)[];
  y: (number | null)[];
}

const headAngle = (25 * Math.PI) / 180;
const headShare = 0.35;

/** Arrow length as a share of the plot's width: shorter as the field gets denser (0.046 for 300). */
export function arrowLength(count: number): number {
  return Math.min(0.07, 0.8 / Math.sqrt(Math.max(count, 1)));
}

/**
 * Strokes for every arrow, each centred on its point. The plot stretches x by 1/xSpan and y by 1/ySpan,
 * so a direction is drawn as (u·xSpan, v·ySpan), normalised on screen: arrows then cross the level sets
 * at right angles as the reader sees them, whatever the two inputs' units (exact for a square plot area).
 * Points whose direction is missing or zero are left out.
 */
export function arrowStrokes(field: ArrowField, xSpan: number, ySpan: number, length?: number): Strokes {
  const n = Math.min(field.x.length, field.y.length, field.u.length, field.v.length);
  const len = length ?? arrowLength(n);
  const out: Strokes = { x: [], y: [] };
  const cos = Math.cos(headAngle);
  const sin = Math.sin(headAngle);
  for (let i = 0; i < n; i++) {
    const x = field.x[i] ?? NaN;
    const y = field.y[i] ?? NaN;
    let p = (field.u[i] ?? NaN) * xSpan;
    let q = (field.v[i] ?? NaN) * ySpan;
    const norm = Math.hypot(p, q);
    if (!(norm > 0) || !Number.isFinite(norm + x + y)) continue;
    p /= norm;
    q /= norm;
    // Screen-space offsets, turned back into data units by the spans.
    const tipX = x + (p * len * xSpan) / 2;
    const tipY = y + (q * len * ySpan) / 2;
    const h = headShare * len;
    const wing = (turn: number): [number, number] => [
      tipX + h * (-p * cos - q * turn * sin) * xSpan,
      tipY + h * (-q * cos + p * turn * sin) * ySpan,
    ];
    const [lx, ly] = wing(1);
    const [rx, ry] = wing(-1);
    out.x.push(x - (p * len * xSpan) / 2, tipX, lx, tipX, rx, null);
    out.y.push(y - (q * len * ySpan) / 2, tipY, ly, tipY, ry, null);
  }
  return out;
}

/** Width of the values, or 1 when they are all equal or none is finite (so arrows keep a size). */
export function span(...series: number[][]): number {
  let lo = Infinity;
  let hi = -Infinity;
  for (const values of series) {
    for (const v of values) {
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
  }
  const width = hi - lo;
  return Number.isFinite(width) && width > 0 ? width : 1;
}
