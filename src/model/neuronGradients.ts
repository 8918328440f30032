// The input gradients of one neuron at many points, read back as Float64 columns for the search.
// For a classifier only points near the decision boundary carry information: those whose
// predicted probability lies inside the band (the authors keep (1e-4, 1 - 1e-4)).

import * as tf from '@tensorflow/tfjs';
import { yieldToEventLoop } from '../core/yieldToEventLoop.ts';
import type { Mlp } from './mlp.ts';
import { OUTPUT_NEURON, type NeuronRef } from './options.ts';
import { rowsFromColumns, type Rows } from './trainingData.ts';

export interface NeuronGradients {
  /** The points kept, one column per input. */
  x: Float64Array[];
  /** The neuron's raw (unnormalised) gradient at those points, one column per input. */
  g: Float64Array[];
  /** The neuron's value at those points. */
  value: Float64Array;
  /** Points dropped because the classifier's probability was outside the band. */
  outsideBand: number;
}

/**
 * Points whose gradients are taken in one go; a page draws between chunks. 1,024 keeps a chunk
 * of the default network near 13 ms on WASM here. Each point's gradient is the same numbers
 * whatever the chunk (each row is computed on its own; checked bitwise against 4,096).
 */
const CHUNK = 1024;

/** Columns from row-major values of `width` columns. */
function columnsOf(values: Float32Array, width: number, keep: number[]): Float64Array[] {
  return Array.from({ length: width }, (_, j) =>
    Float64Array.from(keep, (i) => values[i * width + j] as number),
  );
}

/**
 * Gradients of `neuron` at `points`. With `band` (classifiers), only points whose probability
 * sigmoid(logit) lies strictly inside (band, 1 - band) are kept.
 */
export async function neuronGradients(
  model: Mlp,
  points: readonly Float64Array[],
  neuron: NeuronRef,
  band?: number,
): Promise<NeuronGradients> {
  return withinBand(await gradientsAtEveryPoint(model, points, neuron), band);
}

/** The neuron's gradient and value, and the network's logit, at every point, row-major. */
export interface PointGradients {
  rows: Rows;
  grads: Float32Array;
  values: Float32Array;
  logits: Float32Array;
}

/** Gradients of `neuron` at every one of `points`, to be selected from by `withinBand`. */
export async function gradientsAtEveryPoint(
  model: Mlp,
  points: readonly Float64Array[],
  neuron: NeuronRef,
): Promise<PointGradients> {
  const rows = rowsFromColumns(points);
  const grads = new Float32Array(rows.values.length);
  const values = new Float32Array(rows.count);
  const logits = new Float32Array(rows.count);
  const neuronSum = (x: tf.Tensor2D): tf.Scalar => tf.sum(model.neuron(x, neuron));
  for (let from = 0; from < rows.count; from += CHUNK) {
    const count = Math.min(CHUNK, rows.count - from);
    const part = rows.values.subarray(from * rows.width, (from + count) * rows.width);
    const [g, v, logit] = tf.tidy(() => {
      const x = tf.tensor2d(part, [count, rows.width]);
      const { value, grad } = tf.valueAndGrad(neuronSum)(x);
      value.dispose();
      return [grad, model.neuron(x, neuron), model.neuron(x, OUTPUT_NEURON)];
    });
    grads.set(await g.data(), from * rows.width);
    values.set(await v.data(), from);
    logits.set(await logit.data(), from);
    tf.dispose([g, v, logit]);
    // A page draws between chunks of a classifier's 16,000 points.
    await yieldToEventLoop();
  }
  return { rows, grads, values, logits };
}

/** The points whose probability lies strictly inside (band, 1 - band); every point without a band. */
export function withinBand({ rows, grads, values, logits }: PointGradients, band?: number): NeuronGradients {
  const keep: number[] = [];
  for (let i = 0; i < rows.count; i++) {
    const p = 1 / (1 + Math.exp(-(logits[i] as number)));
    if (band === undefined || (p > band && p < 1 - band)) keep.push(i);
  }
  return {
    x: columnsOf(rows.values, rows.width, keep),
    g: columnsOf(grads, rows.width, keep),
    value: Float64Array.from(keep, (i) => values[i] as number),
    outsideBand: rows.count - keep.length,
  };
}
