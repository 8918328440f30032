// The page's handle on the pipeline driver, which pulls in tfjs: it is loaded after the first
// screen (App preloads it) or on first use, so the first screen never waits for it.
import type * as DriverModule from './pipelineDriver.ts';

type Driver = typeof DriverModule;

let loading: Promise<Driver> | null = null;
const driver = (): Promise<Driver> => (loading ??= import('./pipelineDriver.ts'));

export const runAll = async (): Promise<void> => (await driver()).runAll();
export const runNextStage = async (): Promise<void> => (await driver()).runNextStage();
export const pause = async (): Promise<void> => (await driver()).pause();
export const resume = async (): Promise<void> => (await driver()).resume();
export const stop = async (): Promise<void> => (await driver()).stop();
export const reset = async (): Promise<void> => (await driver()).reset();
export const selectRow = async (complexity: number | null): Promise<void> =>
  (await driver()).selectRow(complexity);

export const prepareBackend = async (): Promise<void> => (await driver()).prepareBackend();
export const gradientFile = async (): Promise<ReturnType<Driver['gradientFile']>> =>
  (await driver()).gradientFile();
export const networkFiles = async (): Promise<Awaited<ReturnType<Driver['networkFiles']>>> =>
  (await driver()).networkFiles();
