// The latent-space panel's data: what a space of several neurons holds (its rank report) and the
// concepts read off its span, each checked afresh against the known invariants, whether the run
// is on the page or read back from a file.

import { parseExpression } from '../core/expr/parse.ts';
import type { Experiment } from '../experiments/types.ts';
import type { GradientFigures, ResultEntry } from '../pipeline/report.ts';
import { checkEquation } from '../pipeline/verify.ts';
import { checkPoints } from '../pipeline/checkPoints.ts';
import { RANK_TOLERANCE } from '../pipeline/latentSpace.ts';
import type { LatentView } from './store.ts';

/** The panel's view of `latent` and the `concepts` found on its span, checked where `experiment` is known. */
export function latentView(
  latent: NonNullable<GradientFigures['latent']>,
  concepts: readonly ResultEntry[],
  variables: readonly string[],
  experiment: Experiment | undefined,
  seed: number,
  searching = false,
): LatentView {
  const points = experiment && concepts.length > 0 ? checkPoints(experiment, seed) : undefined;
  return {
    ...latent,
    tolerance: RANK_TOLERANCE,
    searching,
    ...(experiment?.truthName === undefined ? {} : { sought: experiment.truthName }),
    concepts: concepts.map((entry) => {
      const tree = parseExpression(entry.expr, variables);
      return experiment && points && tree.ok
        ? { ...entry, check: checkEquation(tree.expr, experiment, points) }
        : { ...entry };
    }),
  };
}
