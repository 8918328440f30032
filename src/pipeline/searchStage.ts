// The search stage: a gradient set in, the polished Pareto front and pick out. Shared by the
// command line and the page; the caller chooses where the islands run.

import { runSearch, type IslandRunner, type SearchHooks, type SearchResult } from '../core/search/search.ts';
import type { SearchOptions } from '../core/search/options.ts';
import type { SearchData } from '../core/search/fitness.ts';
import type { Normals } from '../core/eval/loss.ts';
import type { GradientSet } from '../core/io/gradientFile.ts';
import type { Experiment } from '../experiments/types.ts';
import { polishFront } from '../core/search/polish.ts';
import { yieldToEventLoop } from '../core/yieldToEventLoop.ts';

type PickRule = Pick<SearchOptions, 'pickLossFactor' | 'pickStandardErrors'>;

/**
 * The pick rule for gradients of a trained network. They carry a smooth, systematic error, and
 * candidates that add terms to fit it lower the loss by up to 3x to 5x without being closer to
 * the concept. The significance test is off: it takes that error for signal, so the concept
 * itself fails it (a 2x2 trace at 1.6x the lowest loss is 13 standard errors out).
 * - Cross-checked on a second set of gradients, where such terms gain nothing, PySR's 1.5x window
 *   applies, or the experiment's own (`SearchDefaults.crossCheckLossFactor`).
 * - On one set, only a window wide enough to reach past those terms helps: 10x.
 */
export function networkPickRule(crossChecked: boolean, experiment?: Experiment | null): PickRule {
  const crossCheckedFactor = experiment?.search.crossCheckLossFactor ?? 1.5;
  return { pickLossFactor: crossChecked ? crossCheckedFactor : 10, pickStandardErrors: Infinity };
}

/**
 * The search's data for a gradient set. With `normals` (the flat directions of an experiment that
 * compares on its subspace only), candidates are compared along the subspace alone.
 */
export function searchDataOf(gradients: GradientSet, normals: Normals = []): SearchData {
  return {
    variables: gradients.variables,
    x: gradients.x,
    target: { kind: 'gradient', t: gradients.t, ...(normals.length > 0 ? { normals } : {}) },
  };
}

/** The search, then its front polished; with `validation`, the pick is made there (`polishFront`). */
export async function searchStage(
  data: SearchData,
  options: SearchOptions,
  runner: IslandRunner,
  hooks: SearchHooks = {},
  validation?: SearchData,
): Promise<SearchResult> {
  const result = await runSearch(options, runner, hooks);
  return {
    ...result,
    ...(await polishFront(result.front, data, options, yieldToEventLoop, validation)),
  };
}
