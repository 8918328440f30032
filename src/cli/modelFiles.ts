// A saved network on disk: DIR/model.json and DIR/weights.bin, the TensorFlow.js layers format.

import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Mlp } from '../model/mlp.ts';
import { loadModel, saveModel, WEIGHTS_FILE, type ModelMetadata } from '../model/modelFormat.ts';
import { UsageError } from './usageError.ts';

const errnoOf = (error: unknown): string => (error as NodeJS.ErrnoException).code ?? 'error';

export async function writeModelDir(dir: string, model: Mlp, metadata: ModelMetadata): Promise<void> {
  const saved = await saveModel(model, metadata);
  try {
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, 'model.json'), `${JSON.stringify(saved.modelJson)}\n`);
    await writeFile(join(dir, WEIGHTS_FILE), new Uint8Array(saved.weights));
  } catch (error) {
    throw new UsageError(`--save-model: cannot write to ${dir} (${errnoOf(error)})`);
  }
}

/** The network in DIR; one this tool did not write takes `variables` as its inputs' names. */
export async function readModelDir(
  dir: string,
  variables?: readonly string[],
): Promise<{ model: Mlp; metadata: ModelMetadata }> {
  const jsonPath = join(dir, 'model.json');
  let text: string;
  let weights: Buffer;
  try {
    [text, weights] = await Promise.all([readFile(jsonPath, 'utf8'), readFile(join(dir, WEIGHTS_FILE))]);
  } catch (error) {
    throw new UsageError(
      `--load-model: cannot read ${dir}/model.json and ${WEIGHTS_FILE} (${errnoOf(error)})`,
    );
  }
  let modelJson: Record<string, unknown>;
  try {
    modelJson = JSON.parse(text) as Record<string, unknown>;
  } catch (error) {
    throw new UsageError(`${jsonPath}: not valid JSON (${(error as Error).message})`);
  }
  try {
    const buffer = weights.buffer.slice(
      weights.byteOffset,
      weights.byteOffset + weights.byteLength,
    ) as ArrayBuffer;
    return await loadModel({ modelJson, weights: buffer }, variables);
  } catch (error) {
    throw new UsageError(`${jsonPath}: ${(error as Error).message.split('\n')[0]}`);
  }
}
