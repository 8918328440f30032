// The search loop: islands evolve a round each (possibly in parallel workers), the coordinator
// merges their candidates into the hall of fame in island order, migrates the best between
// islands at that fixed point, and decides whether to stop. Reads top-down as its phases.

import { Rng } from '../rng.ts';
import type { Expr } from '../expr/types.ts';
import type { SearchOptions } from './options.ts';
import type { Member } from './island.ts';
import { memberCount, type Arrival, type PackedIsland } from './packedIsland.ts';
import { HallOfFame, pickBest, type FrontEntry } from './hallOfFame.ts';
import type { PricedCandidate } from './linearSeeds.ts';
import { IslandPoolFailure } from './runners.ts';

export interface EvolveRequest {
  /** The island as its last round left it; null starts a new population. */
  island: PackedIsland | null;
  /** Migrants that take their places in it before the round. */
  arrivals: Arrival[];
  index: number;
  round: number;
}

/** What an island's round returns: the island, packed, and what it offers the hall of fame. */
export interface IslandRound {
  island: PackedIsland;
  /** Candidates priced on all points. */
  candidates: Member[];
  /** Candidates priced during the round. */
  evaluations: number;
}

/** Runs island rounds; in-process, or in a pool of workers that hold the data. */
export interface IslandRunner {
  evolve(request: EvolveRequest): Promise<IslandRound>;
  /** The seeds read off the gradients (`pricedSeeds`), computed where the islands run. */
  seeds(): Promise<PricedCandidate[]>;
}

export type StopReason = 'threshold' | 'patience' | 'maxRounds' | 'timeLimit' | 'cancelled' | 'workersFailed';

export interface SearchProgress {
  round: number;
  elapsedSeconds: number;
  /** Candidates priced so far. */
  evaluations: number;
  front: FrontEntry[];
  best: FrontEntry | undefined;
  /** The rounds (from 1) after which the pick's form changed: the last says since when it has held. */
  pickChanges: number[];
}

export interface SearchResult extends SearchProgress {
  stopReason: StopReason;
  /** Why the workers failed, when they did (`workersFailed`): what was found before is kept. */
  failure?: string;
}

export interface SearchHooks {
  /**
   * Called after every round with a snapshot of the front; the next round waits for what it
   * returns (a page draws meanwhile, while the workers are idle), and its time counts.
   */
  onRound?: (progress: SearchProgress) => void | Promise<void>;
  /** Aborting ends the search at once; what was found so far is returned. */
  signal?: AbortSignal;
  /** Awaited before every round: a pause holds it unresolved. Paused time does not count. */
  gate?: () => Promise<void>;
}

const now = (): number => performance.now() / 1000;

/** Runs the whole search; `seeds` (priced on all points) enter the hall of fame before the first round. */
export async function runSearch(
  options: SearchOptions,
  runner: IslandRunner,
  hooks: SearchHooks = {},
  seeds: readonly PricedCandidate[] = [],
): Promise<SearchResult> {
  const started = now();
  let pausedSeconds = 0;
  const hallOfFame = new HallOfFame();
  // Seeds enter through the hall of fame, so they reach the islands by migration from the front.
  for (const seed of seeds) hallOfFame.offer(seed.tree, seed.complexity, seed.loss);
  let islands: (PackedIsland | null)[] = Array.from({ length: options.islands }, () => null);
  let arrivals: Arrival[][] = islands.map(() => []);
  let evaluations = 0;
  let stagnantRounds = 0;
  let lastKey = '';
  let thresholdRound = Infinity;
  const pickChanges: number[] = [];
  let progress: SearchProgress = {
    round: 0,
    elapsedSeconds: 0,
    evaluations: 0,
    front: [],
    best: undefined,
    pickChanges,
  };

  const finish = (stopReason: StopReason): SearchResult => ({ ...progress, stopReason });

  for (let round = 0; round < options.maxRounds; round++) {
    if (hooks.gate) {
      const pauseStarted = now();
      await hooks.gate();
      pausedSeconds += now() - pauseStarted;
    }
    if (hooks.signal?.aborted) return finish('cancelled');
    let results: IslandRound[] | null;
    try {
      results = await untilAborted(
        Promise.all(
          islands.map((island, index) => runner.evolve({ island, arrivals: arrivals[index]!, index, round })),
        ),
        hooks.signal,
      );
    } catch (error) {
      if (!(error instanceof IslandPoolFailure)) throw error;
      return { ...finish('workersFailed'), failure: error.message };
    }
    if (!results) return finish('cancelled');

    // Merge in island order, so the outcome never depends on which island finished first.
    for (const result of results) {
      evaluations += result.evaluations;
      for (const c of result.candidates) hallOfFame.offer(c.tree, c.complexity, c.loss);
    }
    const front = hallOfFame.front();
    const best = pickBest(front, options.pickLossFactor);
    const key = best ? structureKey(best.tree) : '';
    stagnantRounds = key === lastKey ? stagnantRounds + 1 : 0;
    if (key !== lastKey) pickChanges.push(round + 1);
    lastKey = key;
    progress = {
      round: round + 1,
      elapsedSeconds: now() - started - pausedSeconds,
      evaluations,
      front,
      best,
      pickChanges: [...pickChanges],
    };
    await hooks.onRound?.(progress);

    const lowest = Math.min(...front.map((e) => e.loss));
    if (lowest <= options.lossThreshold) thresholdRound = Math.min(thresholdRound, round);
    // Past the threshold, a pick that still changes is getting simpler: let it finish.
    const settled = stagnantRounds >= options.graceRounds;
    if (round >= thresholdRound + options.graceRounds && settled) return finish('threshold');
    if (stagnantRounds >= options.patienceRounds) return finish('patience');
    if (progress.elapsedSeconds >= options.timeLimitSeconds) return finish('timeLimit');

    islands = results.map((r) => r.island);
    arrivals = migrants(
      islands.map((island) => memberCount(island!)),
      results.map((r) => r.candidates),
      front,
      options,
      Rng.derived(options.seed, 0x319a7e, round),
    );
  }
  return finish('maxRounds');
}

/** The shape of a tree with its constants left out: re-tuned constants are not a new pick. */
function structureKey(tree: Expr): string {
  return JSON.stringify(tree, (key, value: unknown) => (key === 'value' ? 0 : value));
}

/** Resolves with `work`'s value, or with null as soon as `signal` aborts. */
async function untilAborted<T>(work: Promise<T>, signal: AbortSignal | undefined): Promise<T | null> {
  if (!signal) return work;
  if (signal.aborted) return null;
  let onAbort = (): void => undefined;
  const aborted = new Promise<null>((resolve) => {
    onAbort = () => resolve(null);
    signal.addEventListener('abort', onAbort, { once: true });
  });
  try {
    return await Promise.race([work, aborted]);
  } finally {
    signal.removeEventListener('abort', onAbort);
  }
}

/**
 * Chooses a share of each island's members to be replaced by copies of front entries and by other
 * islands' best candidates; the islands put them in place. Uses its own generator, so migration
 * is the same whatever the timing.
 */
function migrants(
  memberCounts: number[],
  candidates: Member[][],
  front: readonly FrontEntry[],
  options: SearchOptions,
  rng: Rng,
): Arrival[][] {
  return memberCounts.map((count, index) => {
    const donors = candidates.filter((_, other) => other !== index).flat();
    const arrivals: Arrival[] = [];
    for (let at = 0; at < count; at++) {
      if (front.length > 0 && rng.chance(options.migrationFromFront)) {
        const { tree, complexity, loss } = rng.pick(front);
        arrivals.push({ at, tree, complexity, loss });
      } else if (donors.length > 0 && rng.chance(options.migrationFromIslands)) {
        const { tree, complexity, loss } = rng.pick(donors);
        arrivals.push({ at, tree, complexity, loss });
      }
    }
    return arrivals;
  });
}
