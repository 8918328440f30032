// Chooses the tfjs backend: the fastest the environment has (WebGPU, WebGL, WASM, then plain
// CPU), or the one the user asked for, and reports which one runs. In Node only WASM and CPU
// exist. The heavy backends are imported on demand, so a page that never trains never loads them.

import * as tf from '@tensorflow/tfjs';
import { BACKENDS, type BackendChoice, type BackendName } from './options.ts';

const IN_NODE = typeof process !== 'undefined' && process.versions?.node !== undefined;

/** Where the page serves the WASM backend's binaries: file name to URL (Node finds them itself). */
export type WasmPaths = Record<string, string>;

let wasmPathsSet = false;

/** Renderer names of WebGL implemented on the CPU: measured here, WASM trains faster than they do. */
const SOFTWARE_RENDERER = /swiftshader|llvmpipe|software|basic render/i;

/** Whether this browser's WebGL is emulated on the CPU. */
function softwareWebGL(): boolean {
  const gl = document.createElement('canvas').getContext('webgl2');
  if (!gl) return false;
  const info = gl.getExtension('WEBGL_debug_renderer_info');
  const renderer = String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER));
  gl.getExtension('WEBGL_lose_context')?.loseContext();
  return SOFTWARE_RENDERER.test(renderer);
}

/** Whether the browser has a WebGPU adapter on real hardware (not the software fallback). */
async function hardwareWebGPU(): Promise<boolean> {
  const gpu = (
    globalThis.navigator as { gpu?: { requestAdapter(): Promise<{ isFallbackAdapter?: boolean } | null> } }
  ).gpu;
  const adapter = await gpu?.requestAdapter();
  return adapter !== null && adapter !== undefined && adapter.isFallbackAdapter !== true;
}

/**
 * Registers a backend's package where that needs an import; `false` where it cannot exist here.
 * In `auto` mode a GPU backend emulated on the CPU is passed over: WASM is faster than it.
 */
async function register(name: BackendName, auto: boolean, wasmPaths?: WasmPaths): Promise<boolean> {
  if (name === 'webgpu') {
    if (IN_NODE || !('gpu' in globalThis.navigator)) return false;
    if (auto && !(await hardwareWebGPU())) return false;
    await import('@tensorflow/tfjs-backend-webgpu');
    return true;
  }
  if (name === 'webgl') return !IN_NODE && !(auto && softwareWebGL());
  if (name === 'wasm') {
    const wasm = await import('@tensorflow/tfjs-backend-wasm');
    // tfjs accepts the paths once, before the backend first starts.
    if (wasmPaths && !wasmPathsSet) wasm.setWasmPaths(wasmPaths);
    wasmPathsSet = true;
    return true;
  }
  return true;
}

async function tryBackend(name: BackendName, auto: boolean, wasmPaths?: WasmPaths): Promise<boolean> {
  if (tf.getBackend() === name) return true;
  try {
    if (!(await register(name, auto, wasmPaths))) return false;
    return await tf.setBackend(name);
  } catch {
    return false;
  }
}

/** The switch in progress: tfjs's engine must never start two backends at once. */
let switching: Promise<unknown> = Promise.resolve();

/**
 * Sets the tfjs backend and returns the one in use. `auto` takes the first that initialises in
 * the order WebGPU, WebGL, WASM, CPU, passing over a GPU emulated on the CPU; a named backend
 * that cannot start here is an error that names the ones that can. Calls run one after another.
 */
export function useBackend(choice: BackendChoice, wasmPaths?: WasmPaths): Promise<BackendName> {
  const next = switching.then(() => switchBackend(choice, wasmPaths));
  switching = next.catch(() => undefined);
  return next;
}

async function switchBackend(choice: BackendChoice, wasmPaths?: WasmPaths): Promise<BackendName> {
  tf.enableProdMode();
  if (choice !== 'auto') {
    if (await tryBackend(choice, false, wasmPaths)) return choice;
    const available: BackendName[] = [];
    for (const name of BACKENDS)
      if (name !== choice && (await tryBackend(name, false, wasmPaths))) available.push(name);
    throw new Error(`the ${choice} backend is not available here (available: ${available.join(', ')})`);
  }
  for (const name of BACKENDS) if (await tryBackend(name, true, wasmPaths)) return name;
  throw new Error('no tfjs backend could start');
}
