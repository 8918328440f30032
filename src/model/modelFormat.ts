// Saving and loading a network in the TensorFlow.js layers format (model.json plus a binary
// weights file), so it can be reused here or opened by any tfjs tool. The input standardisation
// is folded into the first layer, so the saved network takes raw inputs.

import * as tf from '@tensorflow/tfjs';
import { Mlp } from './mlp.ts';
import { ACTIVATIONS, MAX_LATENT_SIZE, type Activation, type NetworkOptions } from './options.ts';

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
  const widths = [...network.hidden, network.outputs ?? 1];
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
  if (
    n.outputs !== undefined &&
    !(Number.isInteger(n.outputs) && n.outputs >= 1 && n.outputs <= MAX_LATENT_SIZE)
  )
    return `metadata.network.outputs must be a whole number from 1 to ${MAX_LATENT_SIZE}`;
  return null;
}

interface LayerJson {
  class_name?: unknown;
  config?: { units?: unknown; activation?: unknown; batch_input_shape?: unknown; use_bias?: unknown };
}

/**
 * The network options and input width of a model.json this tool did not write (a Keras model
 * converted by tensorflowjs_converter, say), read off its topology: a stack of dense layers (an
 * input layer and dropout layers allowed), the hidden ones with one activation this tool knows,
 * the last one a single unit (linear, or a sigmoid: the logit is what is read). Throws why not.
 */
function networkOfTopology(modelJson: Record<string, unknown>): { inputs: number; network: NetworkOptions } {
  const topology = modelJson['modelTopology'] as { model_config?: unknown; config?: unknown } | undefined;
  const model = (topology?.model_config ?? topology) as
    { class_name?: unknown; config?: unknown } | undefined;
  const config = model?.config as { layers?: unknown } | unknown[] | undefined;
  const layers = (Array.isArray(config) ? config : config?.layers) as LayerJson[] | undefined;
  if (model?.class_name !== 'Sequential' || !Array.isArray(layers))
    throw new Error(
      'it is not a Sequential layers model (model.json has no modelTopology with a list of layers)',
    );
  let inputs: number | undefined;
  const dense: { units: number; activation: string }[] = [];
  for (const [i, layer] of layers.entries()) {
    const shape = layer.config?.batch_input_shape;
    if (Array.isArray(shape) && typeof shape[1] === 'number') inputs ??= shape[1];
    if (layer.class_name === 'InputLayer' || layer.class_name === 'Dropout') continue;
    if (layer.class_name !== 'Dense')
      throw new Error(`layer ${i + 1} is ${String(layer.class_name)}: only dense layers can be read`);
    if (layer.config?.use_bias === false)
      throw new Error(`layer ${i + 1} has no bias: only dense layers with biases can be read`);
    dense.push({
      units: Number(layer.config?.units),
      activation: String(layer.config?.activation ?? 'linear'),
    });
  }
  const last = dense[dense.length - 1];
  if (inputs === undefined)
    throw new Error('the first layer does not say how many inputs it takes (batch_input_shape)');
  if (!last || last.units !== 1 || !['linear', 'sigmoid'].includes(last.activation))
    throw new Error('the last layer must be one unit, linear or sigmoid (a latent neuron or a logit)');
  const hidden = dense.slice(0, -1);
  const activation = hidden[0]?.activation ?? 'elu';
  if (!ACTIVATIONS.includes(activation as Activation) || hidden.some((l) => l.activation !== activation))
    throw new Error(`the hidden layers must share one activation of ${ACTIVATIONS.join(', ')}`);
  return {
    inputs,
    network: { hidden: hidden.map((l) => l.units), activation: activation as Activation, dropout: 0, l2: 0 },
  };
}

/**
 * Reads a saved network back; a file that does not fit throws an Error saying why. A model this
 * tool did not write has no metadata: its network is read off its topology, its inputs are named
 * `variables` (the table it is used with) and its output is taken as a latent neuron.
 */
export async function loadModel(
  saved: SavedModel,
  variables?: readonly string[],
): Promise<{ model: Mlp; metadata: ModelMetadata }> {
  const meta = saved.modelJson['userDefinedMetadata'];
  let metadata: ModelMetadata;
  if (meta === undefined && variables) {
    const { inputs, network } = networkOfTopology(saved.modelJson);
    if (inputs !== variables.length)
      throw new Error(
        `the network takes ${inputs} inputs; the table has ${variables.length} columns (${variables.join(', ')})`,
      );
    metadata = { variables: [...variables], kind: 'latent', network };
  } else {
    const problem = metadataProblem(meta);
    if (problem) throw new Error(problem);
    metadata = meta as ModelMetadata;
  }
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
