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

/** The GPU device under the WebGPU backend was lost while work ran on it. */
export class DeviceLostError extends Error {}

/** Resolves with why when the WebGPU backend's device is lost; never on any other backend. */
function deviceLost(): Promise<string> {
  if (tf.getBackend() !== 'webgpu') return new Promise(() => undefined);
  const { device } = tf.backend() as unknown as {
    device?: { lost?: Promise<{ message?: string; reason?: string }> };
  };
  return device?.lost
    ? device.lost.then((info) => info.message || info.reason || 'no reason given')
    : new Promise(() => undefined);
}

/** How long an error on the WebGPU backend waits to learn whether the device was lost (ms). */
const LOSS_GRACE_MS = 2000;

/**
 * `work` on the current backend, stopped (through its own signal, which also follows `signal`)
 * with a DeviceLostError when the GPU device under it is lost: a driver reset, another program
 * taking the GPU. Work waiting on a lost device may never settle, so it is not awaited; work that
 * fails first (a buffer unmapped under it) fails for the loss, which tfjs reports just after.
 */
export function unlessDeviceLost<T>(
  work: (signal: AbortSignal) => Promise<T>,
  signal: AbortSignal,
): Promise<T> {
  const stop = new AbortController();
  const lost = deviceLost().then((reason) => {
    stop.abort();
    return new DeviceLostError(reason);
  });
  const failedForLoss = async (error: unknown): Promise<never> => {
    const grace = new Promise<null>((resolve) => setTimeout(() => resolve(null), LOSS_GRACE_MS));
    const loss = tf.getBackend() === 'webgpu' ? await Promise.race([lost, grace]) : null;
    throw loss ?? error;
  };
  return Promise.race([
    work(AbortSignal.any([signal, stop.signal])).catch(failedForLoss),
    lost.then((loss) => Promise.reject(loss)),
  ]);
}

/**
 * The backend to go on with after `lost` lost its device: the next, in the automatic order, that
 * starts (WebGPU, then WebGL, WASM, CPU).
 */
export function fallBackFrom(lost: BackendName, wasmPaths?: WasmPaths): Promise<BackendName> {
  const next = switching.then(async () => {
    for (const name of BACKENDS.slice(BACKENDS.indexOf(lost) + 1))
      if (await tryBackend(name, true, wasmPaths)) return name;
    throw new Error('no tfjs backend could start');
  });
  switching = next.catch(() => undefined);
  return next;
}
