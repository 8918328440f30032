// Browser entry of the data worker (a Web Worker): draws a run's training examples, their arrays
// handed back rather than copied, its check points and the checks of its picks, off the page's
// main thread.
import * as Comlink from 'comlink';
import {
  checkByName,
  dataBuffers,
  drawCheckPoints,
  drawData,
  type DataWorkerApi,
} from '../src/pipeline/drawData.ts';

const api: DataWorkerApi = {
  draw(request) {
    const data = drawData(request);
    return Comlink.transfer(data, dataBuffers(data));
  },
  checkPoints: drawCheckPoints,
  check: checkByName,
};
Comlink.expose(api);
