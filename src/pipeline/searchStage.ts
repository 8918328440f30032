// The search stage: a gradient set in, the polished Pareto front and pick out. Shared by the
// command line and the page; the caller chooses where the islands run.

import { runSearch, type IslandRunner, type SearchHooks, type SearchResult } from '../core/search/search.ts';
import type { SearchOptions } from '../core/search/options.ts';
import type { SearchData } from '../core/search/fitness.ts';
import { polishFront } from '../core/search/polish.ts';
import { yieldToEventLoop } from '../core/yieldToEventLoop.ts';

/**
 * The pick's loss window for gradients of a trained network. Its gradients carry a smooth,
 * systematic error; candidates that add terms to fit it lower the loss by up to 3x to 5x on the
 * catalogue (bench/README.md) without being closer to the concept, so PySR's 1.5x window would
 * pick them. Exact and noisy-but-unbiased gradients pick the same with either window.
 */
export const NETWORK_PICK_LOSS_FACTOR = 10;

export async function searchStage(
  data: SearchData,
  options: SearchOptions,
  runner: IslandRunner,
  hooks: SearchHooks = {},
): Promise<SearchResult> {
  const result = await runSearch(options, runner, hooks);
  return { ...result, ...(await polishFront(result.front, data, options, yieldToEventLoop)) };
}
