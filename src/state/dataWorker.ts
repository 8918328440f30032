// A run's training examples, its check points and the checks of its picks, in a Web Worker
// (workers/data.browser.ts): drawing them (integrating thousands of trajectories, moving points
// onto a decision boundary) or refitting a pick's constants takes long enough to stall the page.
// Where there are no workers they are made here; either way they are `drawData.ts`'s numbers.

import * as Comlink from 'comlink';
import type { TrainingData } from '../model/trainingData.ts';
import type { CheckPoints } from '../pipeline/checkPoints.ts';
import type { EntryCheck } from '../pipeline/report.ts';
import type { Expr } from '../core/expr/types.ts';
import {
  checkByName,
  drawCheckPoints,
  drawData,
  type CheckPointsRequest,
  type DataRequest,
  type DataWorkerApi,
} from '../pipeline/drawData.ts';

export function drawDataOffThread(request: DataRequest): Promise<TrainingData> {
  return offThread(
    (api) => api.draw(request),
    () => drawData(request),
  );
}

export function drawCheckPointsOffThread(request: CheckPointsRequest): Promise<CheckPoints> {
  return offThread(
    (api) => api.checkPoints(request),
    () => drawCheckPoints(request),
  );
}

export function checkOffThread(request: CheckPointsRequest & { tree: Expr }): Promise<EntryCheck> {
  return offThread(
    (api) => api.check(request),
    () => checkByName(request),
  );
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
