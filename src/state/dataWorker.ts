// A run's training examples, and the checks of its picks and its front, in a Web Worker
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

export function drawDataOffThread(request: DataRequest): Promise<TrainingData> {
  return offThread(
    (api) => api.draw(request),
    () => drawData(request),
  );
}

export function checkOffThread(request: CheckPointsRequest & { tree: Expr }): Promise<EntryCheck> {
  return offThread(
    (api) => api.check(request),
    () => checkByName(request),
  );
}

/** Where the worker is lost (it crashed, say), the check is made here: slower, but made. */
export function verifyOffThread(request: VerifyRequest): Promise<ResultCheck> {
  return offThread(
    (api) => api.verify(request),
    () => verifyByName(request),
  ).catch(() => verifyByName(request));
}

/** `work` in a data worker of its own, ended once it answers; `here` where the page has no workers. */
async function offThread<T>(
  work: (api: Comlink.Remote<DataWorkerApi>) => Promise<T>,
  here: () => T,
): Promise<T> {
  if (typeof Worker === 'undefined') return here();
  const worker = new Worker(new URL('../../workers/data.browser.ts', import.meta.url), { type: 'module' });
  const crashed = new Promise<never>((_, reject) => {
    worker.addEventListener(
      'error',
      (event) => reject(new Error(`the data worker crashed: ${event.message}`)),
      {
        once: true,
      },
    );
  });
  try {
    return await Promise.race([work(Comlink.wrap<DataWorkerApi>(worker)), crashed]);
  } finally {
    worker.terminate();
  }
}
