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

function createNodeIslandWorker(): IslandWorkerHandle {
  const worker = new Worker(bootstrap, { workerData: { entry } });
  const remote = Comlink.wrap<IslandWorkerApi>(nodeEndpoint(worker));
  return {
    setup: (data, options) => remote.setup(data, options),
    evolve: (request) => remote.evolve(request),
    terminate: () => {
      remote[Comlink.releaseProxy]();
      void worker.terminate();
    },
  };
}

export function startNodeIslandPool(
  size: number,
  data: SearchData,
  options: SearchOptions,
): Promise<IslandPool> {
  return IslandPool.start(createNodeIslandWorker, size, data, options);
}
