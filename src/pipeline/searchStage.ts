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
 * The pick's loss window for gradients of a trained network. Its gradients carry a smooth,
 * systematic error; candidates that add terms to fit it lower the loss by up to 3x to 5x on the
 * catalogue (bench/README.md) without being closer to the concept, so PySR's 1.5x window would
 * pick them. Exact and noisy-but-unbiased gradients pick the same with either window.
 */
export const NETWORK_PICK_LOSS_FACTOR = 10;

/**
 * The pick's significance test is off for a network's gradients: the test takes a network's
 * systematic error for signal, so candidates that fit it look significantly better and the
 * concept itself fails the test (a 2x2 trace at 1.6x the lowest loss is 13 standard errors out).
 */
export const NETWORK_PICK_STANDARD_ERRORS = Infinity;

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

export async function searchStage(
  data: SearchData,
  options: SearchOptions,
  runner: IslandRunner,
  hooks: SearchHooks = {},
): Promise<SearchResult> {
  const result = await runSearch(options, runner, hooks);
  return { ...result, ...(await polishFront(result.front, data, options, yieldToEventLoop)) };
}
