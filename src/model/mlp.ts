// A multilayer perceptron on tfjs variables: inputs standardised by fixed shift and scale (taken
// from the training data), hidden layers with one activation, one linear output. Weights are
// drawn from our seeded generator, so a seed gives the same initial network on every backend;
// dropout masks come from a seeded generator too, so training repeats exactly.

import * as tf from '@tensorflow/tfjs';
import type { Rng } from '../core/rng.ts';
import type { Activation, NetworkOptions, NeuronRef } from './options.ts';

interface Dense {
  kernel: tf.Variable;
  bias: tf.Variable;
}

const activate: Record<Activation, (x: tf.Tensor) => tf.Tensor> = {
  relu: tf.relu,
  elu: tf.elu,
  tanh: tf.tanh,
  softplus: tf.softplus,
  sigmoid: tf.sigmoid,
};

/**
 * `x · kernel + bias`, whose gradient multiplies by explicitly transposed operands. tfjs's own
 * gradient of a product asks its kernel for a transposed operand, and the WASM backend's kernel
 * takes a slow path for that: about twelve times slower than a transpose followed by a plain product
 * (bench/README.md, training throughput). Training spends most of its time there.
 */
const dense = tf.customGrad((...args) => {
  const [x, kernel, bias] = args as tf.Tensor2D[];
  const save = args[3] as tf.GradSaveFunc;
  save([x!, kernel!]);
  return {
    value: tf.add(tf.matMul(x!, kernel!), bias!),
    gradFunc: (dy: tf.Tensor, [xSaved, kernelSaved]: tf.Tensor[]) => [
      tf.matMul(dy as tf.Tensor2D, tf.transpose(kernelSaved as tf.Tensor2D)),
      tf.matMul(tf.transpose(xSaved as tf.Tensor2D), dy as tf.Tensor2D),
      tf.sum(dy, 0),
    ],
  };
}) as (x: tf.Tensor, kernel: tf.Tensor, bias: tf.Tensor) => tf.Tensor2D;

/** Glorot-uniform kernel values from `rng` (the layers' own initialisers cannot share our seed). */
function glorotUniform(rng: Rng, fanIn: number, fanOut: number): Float32Array {
  const limit = Math.sqrt(6 / (fanIn + fanOut));
  return Float32Array.from({ length: fanIn * fanOut }, () => rng.uniform(-limit, limit));
}

export class Mlp {
  readonly inputs: number;
  readonly network: NetworkOptions;
  readonly layers: Dense[];
  private readonly shift: tf.Tensor1D;
  private readonly scale: tf.Tensor1D;

  private constructor(
    inputs: number,
    network: NetworkOptions,
    layers: Dense[],
    shift: number[],
    scale: number[],
  ) {
    this.inputs = inputs;
    this.network = network;
    this.layers = layers;
    this.shift = tf.keep(tf.tensor1d(shift));
    this.scale = tf.keep(tf.tensor1d(scale));
  }

  /** A fresh network; `shift` and `scale` standardise each input (`(x - shift) / scale`). */
  static create(inputs: number, network: NetworkOptions, rng: Rng, shift: number[], scale: number[]): Mlp {
    const widths = [inputs, ...network.hidden, network.outputs ?? 1];
    const layers = tf.tidy(() =>
      widths.slice(1).map((fanOut, i) => {
        const fanIn = widths[i] as number;
        return {
          kernel: tf.variable(tf.tensor2d(glorotUniform(rng, fanIn, fanOut), [fanIn, fanOut])),
          bias: tf.variable(tf.zeros([fanOut])),
        };
      }),
    );
    return new Mlp(inputs, network, layers, shift, scale);
  }

  /** A network with the given weights (kernel, bias per layer, row-major), inputs unscaled. */
  static fromWeights(inputs: number, network: NetworkOptions, weights: Float32Array[]): Mlp {
    const widths = [inputs, ...network.hidden, network.outputs ?? 1];
    if (weights.length !== 2 * (widths.length - 1)) throw new Error('weights do not match the layer widths');
    const layers = tf.tidy(() =>
      widths.slice(1).map((fanOut, i) => ({
        kernel: tf.variable(tf.tensor2d(weights[2 * i] as Float32Array, [widths[i] as number, fanOut])),
        bias: tf.variable(tf.tensor1d(weights[2 * i + 1] as Float32Array)),
      })),
    );
    return new Mlp(
      inputs,
      network,
      layers,
      new Array<number>(inputs).fill(0),
      new Array<number>(inputs).fill(1),
    );
  }

  get variables(): tf.Variable[] {
    return this.layers.flatMap((l) => [l.kernel, l.bias]);
  }

  /**
   * The output neuron for rows `x` ([n, inputs]), or hidden layer `untilLayer` (1-based) after
   * its activation. With `dropoutRng`, hidden activations are dropped as in training.
   */
  forward(x: tf.Tensor2D, dropoutRng?: Rng, untilLayer?: number): tf.Tensor2D {
    let h: tf.Tensor2D = tf.div(tf.sub(x, this.shift), this.scale);
    const hiddenCount = this.layers.length - 1;
    for (let i = 0; i < this.layers.length; i++) {
      const { kernel, bias } = this.layers[i] as Dense;
      h = dense(h, kernel, bias);
      if (i === hiddenCount) break;
      h = activate[this.network.activation](h) as tf.Tensor2D;
      if (i + 1 === untilLayer) return h;
      if (dropoutRng && this.network.dropout > 0) h = tf.mul(h, this.dropoutMask(h.shape, dropoutRng));
    }
    return h;
  }

  /** The chosen neuron's value at rows `x`, as a column [n, 1]. */
  neuron(x: tf.Tensor2D, ref: NeuronRef): tf.Tensor2D {
    if (ref.kind === 'output')
      return (this.network.outputs ?? 1) === 1
        ? this.forward(x)
        : tf.slice(this.forward(x), [0, ref.unit ?? 0], [-1, 1]);
    return tf.slice(this.forward(x, undefined, ref.layer), [0, ref.index], [-1, 1]);
  }

  /** The L2 penalty on the kernels (a scalar; zero when `l2` is 0). */
  l2Penalty(): tf.Scalar {
    const terms = this.layers.map((l) => tf.sum(tf.square(l.kernel)));
    return tf.mul(this.network.l2, tf.addN(terms));
  }

  /** Inverted dropout: kept units are scaled by 1 / (1 - rate), so inference needs no change. */
  private dropoutMask(shape: [number, number], rng: Rng): tf.Tensor2D {
    const rate = this.network.dropout;
    const keep = 1 / (1 - rate);
    const mask = Float32Array.from({ length: shape[0] * shape[1] }, () => (rng.chance(rate) ? 0 : keep));
    return tf.tensor2d(mask, shape);
  }

  /** Kernel and bias of each layer, with the input standardisation folded into the first layer. */
  async weights(): Promise<Float32Array[]> {
    const values = await Promise.all(this.variables.map((v) => v.data() as Promise<Float32Array>));
    const [shift, scale] = [await this.shift.data(), await this.scale.data()];
    const kernel = Float32Array.from(values[0] as Float32Array);
    const bias = Float32Array.from(values[1] as Float32Array);
    const width = bias.length;
    for (let j = 0; j < this.inputs; j++) {
      for (let k = 0; k < width; k++) {
        const w = (kernel[j * width + k] as number) / (scale[j] as number);
        kernel[j * width + k] = w;
        bias[k] = (bias[k] as number) - w * (shift[j] as number);
      }
    }
    return [kernel, bias, ...values.slice(2)];
  }

  /** Raw variable values, for comparing two trainings bit for bit. */
  async rawWeights(): Promise<Float32Array[]> {
    return Promise.all(this.variables.map((v) => v.data() as Promise<Float32Array>));
  }

  dispose(): void {
    for (const v of this.variables) v.dispose();
    this.shift.dispose();
    this.scale.dispose();
  }
}
