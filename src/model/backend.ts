// Chooses the tfjs backend: the fastest the environment has (WebGPU, WebGL, WASM, then plain
// CPU), or the one the user asked for, and reports which one runs. In Node only WASM and CPU
// exist. The heavy backends are imported on demand, so a page that never trains never loads them.

import * as tf from '@tensorflow/tfjs';
import { BACKENDS, type BackendChoice, type BackendName } from './options.ts';

const IN_NODE = typeof process !== 'undefined' && process.versions?.node !== undefined;

/** Where the page serves the WASM backend's binaries: file name to URL (Node finds them itself). */
export type WasmPaths = Record<string, string>;

let wasmPathsSet = false;

/** Registers a backend's package where that needs an import; `false` where it cannot exist here. */
async function register(name: BackendName, wasmPaths?: WasmPaths): Promise<boolean> {
  if (name === 'webgpu') {
    if (IN_NODE || !('gpu' in globalThis.navigator)) return false;
    await import('@tensorflow/tfjs-backend-webgpu');
    return true;
  }
  if (name === 'webgl') return !IN_NODE;
  if (name === 'wasm') {
    const wasm = await import('@tensorflow/tfjs-backend-wasm');
    // tfjs accepts the paths once, before the backend first starts.
    if (wasmPaths && !wasmPathsSet) wasm.setWasmPaths(wasmPaths);
    wasmPathsSet = true;
    return true;
  }
  return true;
}

async function tryBackend(name: BackendName, wasmPaths?: WasmPaths): Promise<boolean> {
  if (tf.getBackend() === name) return true;
  try {
    if (!(await register(name, wasmPaths))) return false;
    return await tf.setBackend(name);
  } catch {
    return false;
  }
}

/**
 * Sets the tfjs backend and returns the one in use. `auto` takes the first that initialises in
 * the order WebGPU, WebGL, WASM, CPU; a named backend that cannot start here is an error that
 * names the ones that can.
 */
export async function useBackend(choice: BackendChoice, wasmPaths?: WasmPaths): Promise<BackendName> {
  tf.enableProdMode();
  if (choice !== 'auto') {
    if (await tryBackend(choice, wasmPaths)) return choice;
    const available: BackendName[] = [];
    for (const name of BACKENDS)
      if (name !== choice && (await tryBackend(name, wasmPaths))) available.push(name);
    throw new Error(`the ${choice} backend is not available here (available: ${available.join(', ')})`);
  }
  for (const name of BACKENDS) if (await tryBackend(name, wasmPaths)) return name;
  throw new Error('no tfjs backend could start');
}
