// A run's training examples drawn in a Web Worker (workers/data.browser.ts): drawing them
// (integrating thousands of trajectories, say) takes long enough to stall the page. Where there
// are no workers they are drawn here; either way they are `drawData`'s numbers.

import * as Comlink from 'comlink';
import type { TrainingData } from '../model/trainingData.ts';
import { drawData, type DataRequest, type DataWorkerApi } from '../pipeline/drawData.ts';

export async function drawDataOffThread(request: DataRequest): Promise<TrainingData> {
  if (typeof Worker === 'undefined') return drawData(request);
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
    return await Promise.race([Comlink.wrap<DataWorkerApi>(worker).draw(request), crashed]);
  } finally {
    worker.terminate();
  }
}
