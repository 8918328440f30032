// A run's training examples, and the checks of its picks and its front, in Web Workers
// (workers/data.browser.ts): drawing them (integrating thousands of trajectories), or moving check
// points onto a decision boundary and refitting constants, takes long enough to stall the page.
// Where there are no workers they are made here; either way they are `drawData.ts`'s numbers.
import * as Comlink from 'comlink';
import type { TrainingData } from '../model/trainingData.ts';
import type { EntryCheck, ResultCheck } from '../pipeline/report.ts';
import type { Expr } from '../core/expr/types.ts';
import {
  checkByName,
  drawData,
  verifyByName,
  type CheckPointsRequest,
  type DataRequest,
  type DataWorkerApi,
  type VerifyRequest,
} from '../pipeline/drawData.ts';

interface DataWorker {
  api: Comlink.Remote<DataWorkerApi>;
  /** Rejects, with what went wrong, if the worker crashes. */
  lost: Promise<never>;
  worker: Worker;
}

function startDataWorker(): DataWorker {
  const worker = new Worker(new URL('../../workers/data.browser.ts', import.meta.url), { type: 'module' });
  const lost = new Promise<never>((_, reject) => {
    worker.addEventListener(
      'error',
      (event) => reject(new Error(`the data worker crashed: ${event.message}`)),
      { once: true },
    );
  });
  // Seen by whoever waits on the worker; a crash while no one does is not an error of its own.
  lost.catch(() => undefined);
  return { api: Comlink.wrap<DataWorkerApi>(worker), lost, worker };
}

/** The examples, drawn in a worker of their own that ends once it has handed them over. */
export async function drawDataOffThread(request: DataRequest): Promise<TrainingData> {
  if (typeof Worker === 'undefined') return drawData(request);
  const { api, lost, worker } = startDataWorker();
  try {
    return await Promise.race([api.draw(request), lost]);
  } finally {
    worker.terminate();
  }
}

/**
 * The checks' worker, kept from one check to the next: a search's live checks and its
 * verification are made on the same check points, drawn once, and no worker starts (its code
 * loaded and compiled) for each pick while the page is drawing. A crashed one is replaced at the
 * next check.
 */
let checker: DataWorker | undefined;

async function inChecker<T>(work: (api: Comlink.Remote<DataWorkerApi>) => Promise<T>): Promise<T> {
  const kept = (checker ??= startDataWorker());
  try {
    return await Promise.race([work(kept.api), kept.lost]);
  } catch (error) {
    if (checker === kept) checker = undefined;
    kept.worker.terminate();
    throw error;
  }
}

export function checkOffThread(request: CheckPointsRequest & { tree: Expr }): Promise<EntryCheck> {
  if (typeof Worker === 'undefined') return Promise.resolve(checkByName(request));
  return inChecker((api) => api.check(request));
}

/** Where the worker is lost (it crashed, say), the check is made here: slower, but made. */
export function verifyOffThread(request: VerifyRequest): Promise<ResultCheck> {
  if (typeof Worker === 'undefined') return Promise.resolve(verifyByName(request));
  return inChecker((api) => api.verify(request)).catch(() => verifyByName(request));
}
