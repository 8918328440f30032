// A network of the user's own and the points to read it at, held in this page's memory only.
// Its files are read and checked together before it can be used; each run gets a fresh copy of
// the network (a run frees its networks when it is reset).

import { formatFileError } from '../core/io/gradientFile.ts';
import { readPointsCsv, type PointsTable } from '../core/io/labelledCsv.ts';
import type { SavedModel } from '../model/modelFormat.ts';
import type { Mlp } from '../model/mlp.ts';
import { inputMismatch, networkSummary, type NetworkInUse } from '../pipeline/ownNetwork.ts';
import { appStore } from './store.ts';

/** Larger files are refused before they are read. */
const MAX_FILE_BYTES = 50 * 1024 * 1024;

interface LoadedNetwork {
  saved: SavedModel;
  points: PointsTable;
}

let loaded: LoadedNetwork | null = null;

export type NetworkRead =
  { ok: true; network: LoadedNetwork; summary: NetworkInUse } | { ok: false; error: string };

/** The files of a network (model.json, its weights file) and a CSV of points, read and checked together. */
export async function readNetworkFiles(files: readonly File[]): Promise<NetworkRead> {
  const fail = (error: string): NetworkRead => ({ ok: false, error });
  const big = files.find((f) => f.size > MAX_FILE_BYTES);
  if (big) return fail(`${big.name} is larger than ${MAX_FILE_BYTES / 1024 / 1024} MB`);
  const modelFile = files.find((f) => f.name.toLowerCase().endsWith('.json'));
  const pointsFile = files.find((f) => f.name.toLowerCase().endsWith('.csv'));
  if (!modelFile || !pointsFile)
    return fail('choose the network’s model.json, its weights file and a CSV of points, together');
  let modelJson: Record<string, unknown>;
  try {
    modelJson = JSON.parse(await modelFile.text()) as Record<string, unknown>;
  } catch (error) {
    return fail(`${modelFile.name}: not valid JSON (${(error as Error).message})`);
  }
  const manifest = modelJson['weightsManifest'] as { paths?: unknown }[] | undefined;
  const wanted = Array.isArray(manifest)
    ? manifest.flatMap((m) => (Array.isArray(m.paths) ? m.paths : []))
    : [];
  if (wanted.length === 0) return fail(`${modelFile.name}: it names no weights file (weightsManifest)`);
  const weightFiles = wanted.map((name) => files.find((f) => f.name === String(name)));
  const missing = wanted.filter((_, i) => !weightFiles[i]);
  if (missing.length > 0)
    return fail(`${modelFile.name} keeps its weights in ${missing.join(', ')}: choose that file too`);
  const parts = await Promise.all(weightFiles.map((f) => f!.arrayBuffer()));
  const weights = new Uint8Array(parts.reduce((n, p) => n + p.byteLength, 0));
  parts.reduce((offset, p) => (weights.set(new Uint8Array(p), offset), offset + p.byteLength), 0);
  const points = readPointsCsv(await pointsFile.text(), pointsFile.name);
  if (!points.ok) return fail(formatFileError(points.error));
  const saved = { modelJson, weights: weights.buffer };
  try {
    const { model, metadata } = await loadWith(saved, points.value.variables);
    model.dispose();
    const differs = inputMismatch(metadata, points.value.variables, pointsFile.name);
    if (differs) return fail(differs);
    return {
      ok: true,
      network: { saved, points: points.value },
      summary: networkSummary(metadata, points.value, modelFile.name, pointsFile.name),
    };
  } catch (error) {
    return fail(`${modelFile.name}: ${(error as Error).message.split('\n')[0]}`);
  }
}

/** Loaded on first use: tfjs stays out of the first screen. */
async function loadWith(saved: SavedModel, variables: readonly string[]) {
  const [{ loadModel }, tf] = await Promise.all([
    import('../model/modelFormat.ts'),
    import('@tensorflow/tfjs'),
  ]);
  // The page may be starting its backend right now (it does so when idle): wait for it.
  await tf.ready();
  return loadModel(saved, variables);
}

/** Runs are made on this network from now on, until another experiment is chosen. */
export function putNetworkInUse(network: LoadedNetwork, summary: NetworkInUse): void {
  loaded = network;
  appStore.setState({ network: summary, networkMode: true, tableMode: false, table: null });
}

/** Back to the settings' experiment: the network is forgotten. */
export function leaveNetwork(): void {
  loaded = null;
  appStore.setState({ network: null, networkMode: false });
}

/** The network in use and its points, or null. */
export const networkInUse = (): LoadedNetwork | null => (appStore.getState().network ? loaded : null);

/** A fresh copy of the network in use, for a run to own. */
export async function freshNetwork(): Promise<Mlp> {
  if (!loaded) throw new Error('no network of your own is in use');
  return (await loadWith(loaded.saved, loaded.points.variables)).model;
}
