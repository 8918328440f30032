// Plain data for the input plane of a two-input experiment: the data, the gradient arrows, and
// the level sets of the neuron and of an equation.

import type { Expr } from '../core/expr/types.ts';
import type { GradientSet } from '../core/io/gradientFile.ts';
import type { Mlp } from '../model/mlp.ts';
import type { NeuronRef } from '../model/options.ts';
import { neuronValues } from '../pipeline/trainStage.ts';
import type { PlaneView } from './store.ts';
import { evaluate } from './verifyView.ts';

const PLANE_POINTS = 150;
const GRID = 24;
/** Arrow length as a share of the plane's larger side. */
const ARROW = 0.04;

/** A GRID x GRID lattice over the box of `points`: axes, and the lattice as two columns. */
function lattice(points: { x: number[]; y: number[] }) {
  const axis = (values: number[]) => {
    const [lo, hi] = [Math.min(...values), Math.max(...values)];
    return Array.from({ length: GRID }, (_, i) => lo + ((hi - lo) * i) / (GRID - 1));
  };
  const [gx, gy] = [axis(points.x), axis(points.y)];
  const columns = [
    Float64Array.from({ length: GRID * GRID }, (_, k) => gx[k % GRID] as number),
    Float64Array.from({ length: GRID * GRID }, (_, k) => gy[Math.floor(k / GRID)] as number),
  ];
  return { gx, gy, columns };
}

/** Row-major values of a lattice as Plotly's z (one row per y). */
const rowsOf = (values: number[]): number[][] =>
  Array.from({ length: GRID }, (_, r) => values.slice(r * GRID, (r + 1) * GRID));

/** `decides`: the neuron is a classifier's logit, whose level 0 is the decision boundary. */
export async function planeView(
  model: Mlp,
  neuron: NeuronRef,
  g: GradientSet,
  decides: boolean,
): Promise<PlaneView> {
  const n = Math.min(PLANE_POINTS, g.x[0]?.length ?? 0);
  const points = { x: Array.from(g.x[0]!.subarray(0, n)), y: Array.from(g.x[1]!.subarray(0, n)) };
  const span = Math.max(
    Math.max(...points.x) - Math.min(...points.x),
    Math.max(...points.y) - Math.min(...points.y),
  );
  const { gx, gy, columns } = lattice(points);
  return {
    xName: g.variables[0] as string,
    yName: g.variables[1] as string,
    points,
    arrows: {
      ...points,
      u: Array.from(g.t[0]!.subarray(0, n), (v) => v * ARROW * span),
      v: Array.from(g.t[1]!.subarray(0, n), (v) => v * ARROW * span),
    },
    neuronGrid: { x: gx, y: gy, z: rowsOf(await neuronValues(model, neuron, columns)) },
    ...(decides ? { boundary: 0 } : {}),
  };
}

/** The level sets of an equation on the plane's lattice. */
export function equationGrid(tree: Expr, plane: PlaneView): NonNullable<PlaneView['equationGrid']> {
  const { gx, gy, columns } = lattice(plane.points);
  return { x: gx, y: gy, z: rowsOf(evaluate(tree, columns)) };
}
