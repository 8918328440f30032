// The search stage: a gradient set in, the polished Pareto front and pick out. Shared by the
// command line and the page; the caller chooses where the islands run.

import { runSearch, type IslandRunner, type SearchHooks, type SearchResult } from '../core/search/search.ts';
import type { SearchOptions } from '../core/search/options.ts';
import { pointCount, subset, type SearchData } from '../core/search/fitness.ts';
import type { GradientSet } from '../core/io/gradientFile.ts';
import { normalizeGradients } from '../core/eval/gradients.ts';
import { flatDirections, projectOntoTangent } from '../core/eval/tangent.ts';
import { polishFront } from '../core/search/polish.ts';
import { yieldEvery } from '../core/yieldToEventLoop.ts';
import type { ResultSettings } from './report.ts';

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

/** One point in this many is held out of the search, for the pick. */
const HELD_OUT_STRIDE = 5;

/** The final polish runs in slices of this long on a page's main thread (a task over 50 ms stalls it). */
const POLISH_SLICE_MS = 20;
/** Below this many points, holding some out would leave too few either to fit or to pick on. */
const HELD_OUT_MIN_POINTS = 50;

/**
 * The points the search fits and those its pick is made on. A second gradient set (a second
 * network's, a classifier's boundary points) is the pick's where given; otherwise every fifth
 * point is held out (by position, so that a sorted file splits evenly): a larger candidate whose
 * extra terms fit the noise of the points it was fitted on gains nothing on points it never saw.
 */
export function fitAndPickSets(
  data: SearchData,
  validation?: SearchData,
): { fit: SearchData; pick: SearchData | undefined } {
  const n = pointCount(data);
  if (validation || n < HELD_OUT_MIN_POINTS) return { fit: data, pick: validation };
  const indices = Array.from({ length: n }, (_, i) => i);
  return {
    fit: subset(
      data,
      indices.filter((i) => i % HELD_OUT_STRIDE !== HELD_OUT_STRIDE - 1),
    ),
    pick: subset(
      data,
      indices.filter((i) => i % HELD_OUT_STRIDE === HELD_OUT_STRIDE - 1),
    ),
  };
}

/** What the pick of a search over `points` points is made on, given the second set there is. */
export function pickMadeOn(
  second: 'second network' | 'boundary points' | undefined,
  points: number,
): ResultSettings['resolved']['pickMadeOn'] {
  return second ?? (points >= HELD_OUT_MIN_POINTS ? 'held-out points' : 'fitted points');
}

/** The search, then its front polished; with `validation`, the pick is made there (`polishFront`). */
export async function searchStage(
  data: SearchData,
  options: SearchOptions,
  runner: IslandRunner,
  hooks: SearchHooks = {},
  validation?: SearchData,
): Promise<SearchResult> {
  // Read off the gradients where the islands run: on the page, off its main thread (a wide
  // library takes most of a second).
  const result = await runSearch(options, runner, hooks, await runner.seeds());
  return {
    ...result,
    ...(await polishFront(result.front, data, options, yieldEvery(POLISH_SLICE_MS), validation)),
  };
}
