// Browser entry of the data worker (a Web Worker): draws a run's training examples off the page's
// main thread, their arrays handed back rather than copied.
import * as Comlink from 'comlink';
import { dataBuffers, drawData, type DataWorkerApi } from '../src/pipeline/drawData.ts';

const api: DataWorkerApi = {
  draw(request) {
    const data = drawData(request);
    return Comlink.transfer(data, dataBuffers(data));
  },
};
Comlink.expose(api);
