// The island pool on Node's worker_threads: one worker per requested thread, each running
// workers/island.node.ts behind Comlink.
import { Worker } from 'node:worker_threads';
import * as Comlink from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import type { IslandWorkerApi, IslandWorkerHandle } from '../core/search/runners.ts';
import { IslandPool } from '../core/search/runners.ts';
import type { SearchData } from '../core/search/fitness.ts';
import type { SearchOptions } from '../core/search/options.ts';

const bootstrap = new URL('../../workers/bootstrap.node.mjs', import.meta.url);
const entry = new URL('../../workers/island.node.ts', import.meta.url).href;

/** One island worker thread; it reports its death (an uncaught error, or any exit) through `died`. */
export function createNodeIslandWorker(): IslandWorkerHandle {
  const worker = new Worker(bootstrap, { workerData: { entry } });
  const remote = Comlink.wrap<IslandWorkerApi>(nodeEndpoint(worker));
  const died = new Promise<never>((_, reject) => {
    worker.once('error', (error: Error) => reject(new Error(`an island worker crashed: ${error.message}`)));
    worker.once('exit', (code) => reject(new Error(`an island worker exited (code ${code})`)));
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
      void worker.terminate();
    },
  };
}

export function startNodeIslandPool(
  size: number,
  data: SearchData,
  options: SearchOptions,
  createWorker: () => IslandWorkerHandle = createNodeIslandWorker,
): Promise<IslandPool> {
  return IslandPool.start(createWorker, size, data, options);
}
