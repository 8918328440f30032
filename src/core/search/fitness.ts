// Prices candidates on the current mini-batch or on all points, and counts the evaluations.

import type { Expr } from '../expr/types.ts';
import type { Rng } from '../rng.ts';
import { Workspace, selectRows, type Columns } from '../eval/dual.ts';
import {
  gradientLoss,
  gradientPointLosses,
  valueLoss,
  valuePointLosses,
  type GradientTarget,
} from '../eval/loss.ts';

/** The points a search fits, as plain data: unit target gradients or target values. */
export interface SearchData {
  /** Input names, in column order. */
  readonly variables: readonly string[];
  /** One column per input. */
  readonly x: Columns;
  /** Unit gradient directions, one column per input (gradient loss), or values (value loss). */
  readonly target:
    | ({ readonly kind: 'gradient' } & Pick<GradientTarget, 't' | 'normals' | 'span' | 'found'>)
    | { readonly kind: 'value'; readonly y: Float64Array };
}

export function pointCount(data: SearchData): number {
  return data.x[0]?.length ?? (data.target.kind === 'value' ? data.target.y.length : 0);
}

/** The points `indices` of `data`, with their targets (flat directions are shared). */
export function subset(data: SearchData, indices: readonly number[]): SearchData {
  const target: SearchData['target'] =
    data.target.kind === 'gradient'
      ? {
          ...data.target,
          t: selectRows(data.target.t, indices),
          ...(data.target.span ? { span: data.target.span.map((c) => selectRows(c, indices)) } : {}),
          ...(data.target.found ? { found: data.target.found.map((c) => selectRows(c, indices)) } : {}),
        }
      : {
          kind: 'value',
          y: Float64Array.from(indices, (i) => (data.target as { y: Float64Array }).y[i] as number),
        };
  return { variables: data.variables, x: selectRows(data.x, indices), target };
}

function priced(tree: Expr, data: SearchData, ws: Workspace, signInvariant: boolean): number {
  const loss =
    data.target.kind === 'gradient'
      ? gradientLoss(tree, { ...data.target, x: data.x }, ws, signInvariant)
      : valueLoss(tree, { x: data.x, y: data.target.y }, ws);
  return Number.isNaN(loss) ? Infinity : loss;
}

export class Fitness {
  /** Candidates priced so far, on a batch or on all points. */
  evaluations = 0;
  private batch: SearchData;
  private batchWorkspace: Workspace;
  private readonly fullWorkspace: Workspace;
  private readonly n: number;

  constructor(
    private readonly data: SearchData,
    private readonly signInvariant: boolean,
  ) {
    this.n = pointCount(data);
    this.fullWorkspace = new Workspace(this.n);
    this.batch = data;
    this.batchWorkspace = this.fullWorkspace;
  }

  /** Draws a new mini-batch of `size` distinct points (all points when there are no more). */
  drawBatch(rng: Rng, size: number): void {
    if (size >= this.n) {
      this.batch = this.data;
      this.batchWorkspace = this.fullWorkspace;
      return;
    }
    const order = rng.shuffle(Array.from({ length: this.n }, (_, i) => i));
    this.batch = subset(this.data, order.slice(0, size));
    if (this.batchWorkspace.n !== size) this.batchWorkspace = new Workspace(size);
  }

  batchLoss(tree: Expr): number {
    this.evaluations++;
    return priced(tree, this.batch, this.batchWorkspace, this.signInvariant);
  }

  fullLoss(tree: Expr): number {
    this.evaluations++;
    return priced(tree, this.data, this.fullWorkspace, this.signInvariant);
  }

  /** The loss of `tree` at each point (their mean is `fullLoss`), or null for an invalid tree. */
  pointLosses(tree: Expr): Float64Array | null {
    const { x, target } = this.data;
    return target.kind === 'gradient'
      ? gradientPointLosses(tree, { ...target, x }, this.fullWorkspace, this.signInvariant)
      : valuePointLosses(tree, { x, y: target.y }, this.fullWorkspace);
  }
}
