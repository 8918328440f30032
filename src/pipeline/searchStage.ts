// The search stage: a gradient set in, the polished Pareto front and pick out. Shared by the
// command line and the page; the caller chooses where the islands run.

import { runSearch, type IslandRunner, type SearchHooks, type SearchResult } from '../core/search/search.ts';
import type { SearchOptions } from '../core/search/options.ts';
import type { SearchData } from '../core/search/fitness.ts';
import type { Normals } from '../core/eval/loss.ts';
import type { GradientSet } from '../core/io/gradientFile.ts';
import { polishFront } from '../core/search/polish.ts';
import { yieldToEventLoop } from '../core/yieldToEventLoop.ts';

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
