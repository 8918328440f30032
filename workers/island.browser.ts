// Browser entry of an island worker (a Web Worker): the same island API as the Node worker,
// exposed through Comlink.
import * as Comlink from 'comlink';
import { createIslandWorkerApi } from '../src/core/search/runners.ts';

Comlink.expose(createIslandWorkerApi());
