// The island pool in the page: Web Workers running workers/island.browser.ts behind Comlink, as
// many as the browser has cores (at most one per island). The same pool class and the same
// deterministic merge as in Node, so a seed gives the same front here and on the command line.

import * as Comlink from 'comlink';
import type { SearchData } from '../core/search/fitness.ts';
import type { SearchOptions } from '../core/search/options.ts';
import { IslandPool, type IslandWorkerApi, type IslandWorkerHandle } from '../core/search/runners.ts';

function createBrowserIslandWorker(): IslandWorkerHandle {
  const worker = new Worker(new URL('../../workers/island.browser.ts', import.meta.url), { type: 'module' });
  const remote = Comlink.wrap<IslandWorkerApi>(worker);
  // A browser has no exit event: an uncaught error reports a death, the pool's deadline a hang.
  const died = new Promise<never>((_, reject) => {
    worker.addEventListener(
      'error',
      (event) => reject(new Error(`an island worker crashed: ${event.message}`)),
      {
        once: true,
      },
    );
  });
  died.catch(() => undefined);
  let ended = false;
  return {
    setup: (data, options) => remote.setup(data, options),
    seeds: () => remote.seeds(),
    evolve: (request) => remote.evolve(request),
    died,
    terminate: () => {
      if (ended) return;
      ended = true;
      remote[Comlink.releaseProxy]();
      worker.terminate();
    },
  };
}

/** Workers for `islands` islands on this browser. */
export function browserPoolSize(islands: number): number {
  return Math.max(1, Math.min(islands, navigator.hardwareConcurrency || 2));
}

export function startBrowserIslandPool(data: SearchData, options: SearchOptions): Promise<IslandPool> {
  return IslandPool.start(createBrowserIslandWorker, browserPoolSize(options.islands), data, options);
}
