// Ways to run island rounds: in this thread (tests, small searches), or spread over a pool of
// workers that each hold the data. Both run the very same `evolveIsland`.

import type { SearchOptions } from './options.ts';
import { Fitness, type SearchData } from './fitness.ts';
import { evolveIsland, type RoundResult } from './island.ts';
import type { EvolveRequest, IslandRunner } from './search.ts';

/** What a worker exposes: set the data once, then evolve rounds. Plain data in, plain data out. */
export interface IslandWorkerApi {
  setup(data: SearchData, options: SearchOptions): void;
  evolve(request: EvolveRequest): RoundResult;
}

/** The worker-side implementation, also used directly in-process. */
export function createIslandWorkerApi(): IslandWorkerApi {
  let state: { fitness: Fitness; options: SearchOptions; variables: number } | null = null;
  return {
    setup(data, options) {
      state = {
        fitness: new Fitness(data, options.signInvariant),
        options,
        variables: data.variables.length,
      };
    },
    evolve(request) {
      if (!state) throw new Error('island worker used before setup');
      const { fitness, options, variables } = state;
      return evolveIsland(request.island, fitness, options, variables, request.index, request.round);
    },
  };
}

/** Runs every island in the calling thread. */
export function createLocalRunner(data: SearchData, options: SearchOptions): IslandRunner {
  const api = createIslandWorkerApi();
  api.setup(data, options);
  return { evolve: async (request) => api.evolve(request) };
}

/** A worker as the pool sees it: the remote API (any RPC layer, e.g. Comlink) and a way to end it. */
export interface IslandWorkerHandle {
  setup(data: SearchData, options: SearchOptions): Promise<void>;
  evolve(request: EvolveRequest): Promise<RoundResult>;
  terminate(): void;
}

/**
 * A fixed set of workers; each round request goes to the next idle one. Which worker runs which
 * island does not matter: a round depends only on its request. Ending the pool terminates the
 * workers, which is the only way to stop a round in the middle.
 */
export class IslandPool implements IslandRunner {
  private readonly idle: IslandWorkerHandle[] = [];
  private readonly waiting: ((worker: IslandWorkerHandle) => void)[] = [];

  private constructor(private readonly workers: IslandWorkerHandle[]) {
    this.idle.push(...workers);
  }

  static async start(
    createWorker: () => IslandWorkerHandle,
    size: number,
    data: SearchData,
    options: SearchOptions,
  ): Promise<IslandPool> {
    const workers = Array.from({ length: Math.max(1, size) }, createWorker);
    await Promise.all(workers.map((w) => w.setup(data, options)));
    return new IslandPool(workers);
  }

  async evolve(request: EvolveRequest): Promise<RoundResult> {
    const worker =
      this.idle.pop() ?? (await new Promise<IslandWorkerHandle>((resolve) => this.waiting.push(resolve)));
    try {
      return await worker.evolve(request);
    } finally {
      const next = this.waiting.shift();
      if (next) next(worker);
      else this.idle.push(worker);
    }
  }

  terminate(): void {
    for (const worker of this.workers) worker.terminate();
  }
}
