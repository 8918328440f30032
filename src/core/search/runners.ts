// Ways to run island rounds: in this thread (tests, small searches), or spread over a pool of
// workers that each hold the data. Both run the very same `evolveIsland`.

import type { SearchOptions } from './options.ts';
import { Fitness, type SearchData } from './fitness.ts';
import { evolveIsland } from './island.ts';
import { packIsland, unpackIsland, withArrivals } from './packedIsland.ts';
import type { EvolveRequest, IslandRound, IslandRunner } from './search.ts';
import { pricedSeeds, type PricedCandidate } from './linearSeeds.ts';

/**
 * What a worker exposes: set the data once, then the seeds read off the gradients and evolve
 * rounds. Plain data in, plain data out.
 */
export interface IslandWorkerApi {
  setup(data: SearchData, options: SearchOptions): void;
  seeds(): PricedCandidate[];
  evolve(request: EvolveRequest): IslandRound;
}

/** The worker-side implementation, also used directly in-process. */
export function createIslandWorkerApi(): IslandWorkerApi {
  let state: { data: SearchData; fitness: Fitness; options: SearchOptions } | null = null;
  const ready = () => {
    if (!state) throw new Error('island worker used before setup');
    return state;
  };
  return {
    setup(data, options) {
      state = { data, fitness: new Fitness(data, options.signInvariant), options };
    },
    seeds() {
      const { data, options } = ready();
      return pricedSeeds(data, options);
    },
    evolve(request) {
      const { data, fitness, options } = ready();
      const island = request.island && withArrivals(unpackIsland(request.island), request.arrivals);
      const round = evolveIsland(
        island,
        fitness,
        options,
        data.variables.length,
        request.index,
        request.round,
      );
      return { ...round, island: packIsland(round.island) };
    },
  };
}

/** Runs every island in the calling thread. */
export function createLocalRunner(data: SearchData, options: SearchOptions): IslandRunner {
  const api = createIslandWorkerApi();
  api.setup(data, options);
  return { evolve: async (request) => api.evolve(request), seeds: async () => api.seeds() };
}

/** A worker as the pool sees it: the remote API (any RPC layer, e.g. Comlink) and a way to end it. */
export interface IslandWorkerHandle {
  setup(data: SearchData, options: SearchOptions): Promise<void>;
  seeds(): Promise<PricedCandidate[]>;
  evolve(request: EvolveRequest): Promise<IslandRound>;
  /**
   * Rejects when the worker dies: an error it did not catch, or (Node) its exit. Never resolves.
   * Factories mark it handled, so a worker that dies while idle is no unhandled rejection.
   */
  readonly died: Promise<never>;
  terminate(): void;
}

/** The pool could not keep its workers alive: the search stops and keeps what it found. */
export class IslandPoolFailure extends Error {
  override name = 'IslandPoolFailure';
}

/** How the pool watches its workers. */
export interface PoolLimits {
  /** A round (or a worker's setup) that takes longer than this is taken for a hung worker. */
  roundDeadlineMs: number;
  /** Workers replaced over the pool's life before it gives up. */
  maxRestarts: number;
}

export const defaultPoolLimits: PoolLimits = { roundDeadlineMs: 60_000, maxRestarts: 4 };

/** `work`, or a rejection once `ms` have passed. */
async function withDeadline<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} took longer than ${ms / 1000} s`)), ms);
  });
  try {
    return await Promise.race([work, late]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * A fixed set of workers; each round request goes to the next idle one. Which worker runs which
 * island does not matter: a round depends only on its request. A worker that dies or hangs is
 * replaced and its round run again on the new one; the request carries its island's whole state
 * and its migrants, so the search goes on exactly as if nothing had happened. Past
 * `maxRestarts` replacements the pool gives up with an `IslandPoolFailure`. Ending the pool
 * terminates the workers, which is the only way to stop a round in the middle.
 */
export class IslandPool implements IslandRunner {
  private readonly idle: IslandWorkerHandle[] = [];
  private readonly waiting: ((worker: IslandWorkerHandle) => void)[] = [];
  private restarts = 0;
  private ended = false;

  private constructor(
    private readonly workers: IslandWorkerHandle[],
    private readonly createWorker: () => IslandWorkerHandle,
    private readonly data: SearchData,
    private readonly options: SearchOptions,
    private readonly limits: PoolLimits,
  ) {
    this.idle.push(...workers);
  }

  static async start(
    createWorker: () => IslandWorkerHandle,
    size: number,
    data: SearchData,
    options: SearchOptions,
    limits: PoolLimits = defaultPoolLimits,
  ): Promise<IslandPool> {
    const workers = Array.from({ length: Math.max(1, size) }, createWorker);
    try {
      await Promise.all(workers.map((w) => IslandPool.ready(w, data, options, limits)));
    } catch (error) {
      for (const worker of workers) worker.terminate();
      throw new IslandPoolFailure(`the island workers did not start: ${messageOf(error)}`);
    }
    return new IslandPool(workers, createWorker, data, options, limits);
  }

  /** Sets a worker up, failing if it dies or hangs meanwhile. */
  private static ready(
    worker: IslandWorkerHandle,
    data: SearchData,
    options: SearchOptions,
    limits: PoolLimits,
  ): Promise<void> {
    return withDeadline(
      Promise.race([worker.setup(data, options), worker.died]),
      limits.roundDeadlineMs,
      'setting up an island worker',
    );
  }

  evolve(request: EvolveRequest): Promise<IslandRound> {
    return this.onAWorker(
      (worker) => worker.evolve(request),
      `round ${request.round} of island ${request.index}`,
    );
  }

  seeds(): Promise<PricedCandidate[]> {
    return this.onAWorker((worker) => worker.seeds(), 'reading the seeds off the gradients');
  }

  /** `work` on the next idle worker; a worker that dies or hangs meanwhile is replaced and the work run again. */
  private async onAWorker<T>(work: (worker: IslandWorkerHandle) => Promise<T>, what: string): Promise<T> {
    let worker =
      this.idle.pop() ?? (await new Promise<IslandWorkerHandle>((resolve) => this.waiting.push(resolve)));
    try {
      for (;;) {
        try {
          return await withDeadline(
            Promise.race([work(worker), worker.died]),
            this.limits.roundDeadlineMs,
            what,
          );
        } catch (error) {
          worker = await this.replace(worker, error);
        }
      }
    } finally {
      const next = this.waiting.shift();
      if (next) next(worker);
      else this.idle.push(worker);
    }
  }

  /** A fresh worker in place of `failed`, set up and ready; throws once the pool gives up. */
  private async replace(failed: IslandWorkerHandle, error: unknown): Promise<IslandWorkerHandle> {
    failed.terminate();
    for (;;) {
      if (this.ended) throw new IslandPoolFailure('the island pool was ended');
      if (this.restarts >= this.limits.maxRestarts)
        throw new IslandPoolFailure(
          `island workers failed ${this.restarts + 1} times (last: ${messageOf(error)})`,
        );
      this.restarts++;
      const fresh = this.createWorker();
      this.workers[this.workers.indexOf(failed)] = fresh;
      try {
        await IslandPool.ready(fresh, this.data, this.options, this.limits);
        return fresh;
      } catch (setupError) {
        fresh.terminate();
        failed = fresh;
        error = setupError;
      }
    }
  }

  terminate(): void {
    this.ended = true;
    for (const worker of this.workers) worker.terminate();
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
