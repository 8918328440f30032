// Plain data for the verification panel: the values of an equation and of the ground truth at
// the check's fresh points. No tfjs: an imported result is verified the same way.

import { compileValue } from '../core/eval/compile.ts';
import { toInfix, toLatex } from '../core/expr/print.ts';
import type { Expr } from '../core/expr/types.ts';
import type { Experiment } from '../experiments/types.ts';
import type { ResultCheck } from '../pipeline/report.ts';
import type { VerifyView } from './store.ts';

/** Points drawn in a scatter panel: enough to see the shape, few enough to draw in a frame. */
export const SCATTER_POINTS = 400;

/** Values of `expr` at the points (columns). */
export function evaluate(expr: Expr, x: readonly Float64Array[]): number[] {
  const n = x[0]?.length ?? 0;
  const out = new Float64Array(n);
  compileValue(expr)(x, out, n);
  return Array.from(out);
}

export function verifyView(
  entry: { tree: Expr },
  experiment: Experiment,
  check: ResultCheck,
  x: readonly Float64Array[],
): VerifyView {
  return {
    expr: toInfix(entry.tree, experiment.variables),
    latex: toLatex(entry.tree, experiment.variables),
    pick: evaluate(entry.tree, x).slice(0, SCATTER_POINTS),
    truth: evaluate(experiment.truth, x).slice(0, SCATTER_POINTS),
    meanAbsCos: check.meanAbsCos,
    recovered: check.recovered,
  };
}
