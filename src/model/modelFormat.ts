// Saving and loading a network in the TensorFlow.js layers format (model.json plus a binary
// weights file), so it can be reused here or opened by any tfjs tool. The input standardisation
// is folded into the first layer, so the saved network takes raw inputs.

import * as tf from '@tensorflow/tfjs';
import { Mlp } from './mlp.ts';
import { ACTIVATIONS, type Activation, type NetworkOptions } from './options.ts';

/** What the files hold: model.json's content and the weights file's bytes. */
export interface SavedModel {
  modelJson: Record<string, unknown>;
  weights: ArrayBuffer;
}

export const WEIGHTS_FILE = 'weights.bin';

/** Fields of model.json's `userDefinedMetadata` this product writes and reads back. */
export interface ModelMetadata {
  variables: string[];
  kind: 'latent' | 'classifier';
  network: NetworkOptions;
}

function sequentialOf(inputs: number, network: NetworkOptions): tf.Sequential {
  const widths = [...network.hidden, 1];
  return tf.sequential({
    layers: widths.map((units, i) =>
      tf.layers.dense({
        units,
        activation: i < network.hidden.length ? network.activation : 'linear',
        ...(i === 0 ? { inputShape: [inputs] } : {}),
      }),
    ),
  });
}

export async function saveModel(model: Mlp, metadata: ModelMetadata): Promise<SavedModel> {
  const layers = sequentialOf(model.inputs, model.network);
  try {
    const weights = await model.weights();
    const shapes = layers.getWeights().map((w) => w.shape);
    const tensors = weights.map((w, i) => tf.tensor(w, shapes[i]));
    layers.setWeights(tensors);
    tf.dispose(tensors);
    let saved: SavedModel | null = null;
    await layers.save(
      tf.io.withSaveHandler(async (artifacts) => {
        saved = {
          modelJson: {
            format: 'layers-model',
            generatedBy: `TensorFlow.js tfjs-layers v${tf.version_layers}`,
            convertedBy: null,
            modelTopology: artifacts.modelTopology,
            weightsManifest: [{ paths: [WEIGHTS_FILE], weights: artifacts.weightSpecs }],
            userDefinedMetadata: metadata,
          },
          weights: tf.io.concatenateArrayBuffers([artifacts.weightData as ArrayBuffer]),
        };
        return { modelArtifactsInfo: tf.io.getModelArtifactsInfoForJSON(artifacts) };
      }),
    );
    if (!saved) throw new Error('tfjs did not hand over the model');
    return saved;
  } finally {
    layers.dispose();
  }
}

/** Why a model.json cannot be used, or null. */
function metadataProblem(meta: unknown): string | null {
  if (typeof meta !== 'object' || meta === null)
    return 'it has no userDefinedMetadata (was it saved by this tool?)';
  const m = meta as Partial<ModelMetadata>;
  if (!Array.isArray(m.variables) || m.variables.some((v) => typeof v !== 'string'))
    return 'metadata.variables is missing';
  if (m.kind !== 'latent' && m.kind !== 'classifier') return 'metadata.kind must be latent or classifier';
  const n = m.network;
  if (!n || !Array.isArray(n.hidden) || !ACTIVATIONS.includes(n.activation as Activation))
    return 'metadata.network is missing or malformed';
  return null;
}

/** Reads a saved network back; a file that does not fit throws an Error saying why. */
export async function loadModel(saved: SavedModel): Promise<{ model: Mlp; metadata: ModelMetadata }> {
  const meta = saved.modelJson['userDefinedMetadata'];
  const problem = metadataProblem(meta);
  if (problem) throw new Error(problem);
  const metadata = meta as ModelMetadata;
  const manifest = saved.modelJson['weightsManifest'] as
    { weights: tf.io.WeightsManifestEntry[] }[] | undefined;
  const layers = await tf.loadLayersModel(
    tf.io.fromMemory({
      modelTopology: saved.modelJson['modelTopology'] as tf.io.ModelJSON['modelTopology'],
      weightSpecs: manifest?.flatMap((m) => m.weights) ?? [],
      weightData: saved.weights,
    }),
  );
  try {
    const inputs = metadata.variables.length;
    const values = await Promise.all(layers.getWeights().map((w) => w.data() as Promise<Float32Array>));
    return { model: Mlp.fromWeights(inputs, metadata.network, values), metadata };
  } finally {
    layers.dispose();
  }
}
