// Browser entry of the data worker (a Web Worker): draws a run's training examples, their arrays
// handed back rather than copied, and the checks of its picks and of its front, off the page's
// main thread.
import * as Comlink from 'comlink';
import {
  checkByName,
  dataBuffers,
  drawData,
  verifyByName,
  type DataWorkerApi,
} from '../src/pipeline/drawData.ts';

const api: DataWorkerApi = {
  draw(request) {
    const data = drawData(request);
    return Comlink.transfer(data, dataBuffers(data));
  },
  check: checkByName,
  verify: verifyByName,
};
Comlink.expose(api);
