// The search stage: a gradient set in, the polished Pareto front and pick out. Shared by the
// command line and the page; the caller chooses where the islands run.

import { runSearch, type IslandRunner, type SearchHooks, type SearchResult } from '../core/search/search.ts';
import type { SearchOptions } from '../core/search/options.ts';
import type { SearchData } from '../core/search/fitness.ts';
import { polishFront } from '../core/search/polish.ts';

export async function searchStage(
  data: SearchData,
  options: SearchOptions,
  runner: IslandRunner,
  hooks: SearchHooks = {},
): Promise<SearchResult> {
  const result = await runSearch(options, runner, hooks);
  return { ...result, ...polishFront(result.front, data, options) };
}
