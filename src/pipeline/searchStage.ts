// The search stage: a gradient set in, the polished Pareto front and pick out. Shared by the
// command line and the page; the caller chooses where the islands run.

import { runSearch, type IslandRunner, type SearchHooks, type SearchResult } from '../core/search/search.ts';
import type { SearchOptions } from '../core/search/options.ts';
import type { SearchData } from '../core/search/fitness.ts';
import type { GradientSet } from '../core/io/gradientFile.ts';
import { normalizeGradients } from '../core/eval/gradients.ts';
import { flatDirections, projectOntoTangent } from '../core/eval/tangent.ts';
import { polishFront } from '../core/search/polish.ts';
import { pricedSeeds } from '../core/search/linearSeeds.ts';
import { yieldToEventLoop } from '../core/yieldToEventLoop.ts';

/**
 * The search's data for a gradient set. Where the points lie on a flat subspace (found from the
 * points themselves, whatever their source), gradients are compared along it alone: the data says
 * nothing about a function off it, so functions that agree on it price the same and the simplest
 * wins. The target loses its components along the normals too (exact gradients have them).
 */
export function searchDataOf(gradients: GradientSet): SearchData {
  const normals = flatDirections(gradients.x);
  if (normals.length === 0)
    return { variables: gradients.variables, x: gradients.x, target: { kind: 'gradient', t: gradients.t } };
  const along = normalizeGradients(gradients.x, projectOntoTangent(gradients.t, normals));
  return { variables: gradients.variables, x: along.x, target: { kind: 'gradient', t: along.t, normals } };
}

/** The search, then its front polished; with `validation`, the pick is made there (`polishFront`). */
export async function searchStage(
  data: SearchData,
  options: SearchOptions,
  runner: IslandRunner,
  hooks: SearchHooks = {},
  validation?: SearchData,
): Promise<SearchResult> {
  const result = await runSearch(options, runner, hooks, pricedSeeds(data, options));
  return {
    ...result,
    ...(await polishFront(result.front, data, options, yieldToEventLoop, validation)),
  };
}
