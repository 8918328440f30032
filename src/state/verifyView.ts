// Plain data for the verification panel: the values of an equation and of the ground truth at
// the check's fresh points. No tfjs: an imported result is verified the same way.

import { compileValue } from '../core/eval/compile.ts';
import { toInfix, toLatex } from '../core/expr/print.ts';
import { tidySigns } from '../core/expr/signs.ts';
import { Rng } from '../core/rng.ts';
import { SEED_STREAM } from '../pipeline/truthGradients.ts';
import { otherConceptsAre } from '../pipeline/verify.ts';
import type { Expr } from '../core/expr/types.ts';
import type { Experiment } from '../experiments/types.ts';
import type { ResultCheck } from '../pipeline/report.ts';
import type { VerifyView } from './store.ts';

/** Points drawn in a scatter panel: enough to see the shape, few enough to draw in a frame. */
export const SCATTER_POINTS = 200;

/** Values of `expr` at the points (columns). */
export function evaluate(expr: Expr, x: readonly Float64Array[]): number[] {
  const n = x[0]?.length ?? 0;
  const out = new Float64Array(n);
  compileValue(expr)(x, out, n);
  return Array.from(out);
}

/**
 * The verification panel for `entry`. The scatter uses fresh points from the experiment's
 * sampler: a classifier's check points all lie on one level set, where a scatter shows nothing.
 */
export function verifyView(
  entry: { tree: Expr },
  experiment: Experiment,
  check: ResultCheck,
  seed: number,
): VerifyView {
  const x = experiment.sample(Rng.derived(seed, SEED_STREAM.check, 2), SCATTER_POINTS);
  // Against the quantity the equation was found to encode: another invariant, where it is one.
  const encoded = experiment.otherInvariants?.find((o) => o.name === check.invariant);
  return {
    expr: toInfix(tidySigns(entry.tree), experiment.variables),
    latex: toLatex(tidySigns(entry.tree), experiment.variables),
    pick: evaluate(entry.tree, x),
    truth: evaluate(encoded?.truth ?? experiment.truth, x),
    check: {
      meanAbsCos: check.meanAbsCos,
      orientedCos: check.orientedCos,
      tier: check.tier,
      simplestForm: check.simplestForm,
      ...(check.refitCos === undefined ? {} : { refitCos: check.refitCos }),
      verdict: check.verdict,
      ...(check.invariant === undefined ? {} : { invariant: check.invariant }),
      ...(check.mixture === undefined ? {} : { mixture: check.mixture }),
    },
    simplest: encoded?.simplestForm ?? check.simplest,
    ...(experiment.truthName === undefined ? {} : { sought: experiment.truthName }),
    ...(experiment.otherInvariants?.length
      ? {
          others: experiment.otherInvariants.map((o) => o.name),
          othersAre: otherConceptsAre(experiment),
        }
      : {}),
  };
}
