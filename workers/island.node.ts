// Node entry of an island worker (worker_threads): exposes the shared island API through Comlink.
import { parentPort } from 'node:worker_threads';
import * as Comlink from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import { createIslandWorkerApi } from '../src/core/search/runners.ts';

if (!parentPort) throw new Error('island.node.ts must run in a worker thread');
Comlink.expose(createIslandWorkerApi(), nodeEndpoint(parentPort));
