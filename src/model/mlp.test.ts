// The network's layers carry their own gradient (explicit transposes, for the WASM backend's
// speed): it must equal the one tfjs derives for the same layers written with its own ops.

import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { Rng } from '../core/rng.ts';
import { useBackend } from './backend.ts';
import { Mlp } from './mlp.ts';

beforeAll(async () => {
  await useBackend('cpu');
});

/** The same network with tfjs's own product and sum, for reference. */
function plainForward(model: Mlp, x: tf.Tensor2D): tf.Tensor2D {
  let h = x;
  model.layers.forEach(({ kernel, bias }, i) => {
    h = tf.add(tf.matMul(h, kernel as tf.Tensor2D), bias);
    if (i < model.layers.length - 1) h = tf.elu(h);
  });
  return h;
}

describe('the layers’ gradient', () => {
  it('equals tfjs’s own for the weights, the biases and the inputs', async () => {
    const network = { hidden: [6, 5], activation: 'elu' as const, dropout: 0, l2: 0, outputs: 2 };
    const model = Mlp.create(3, network, new Rng(4), [0, 0, 0], [1, 1, 1]);
    const rng = new Rng(9);
    const x = tf.tensor2d(
      Float32Array.from({ length: 24 }, () => rng.uniform(-2, 2)),
      [8, 3],
    );
    // A loss that weighs the rows and outputs unevenly, so a transposed or summed-wrong term shows.
    const weights = tf.tensor2d(
      Float32Array.from({ length: 16 }, () => rng.uniform(-1, 1)),
      [8, 2],
    );
    const lossOf = (f: (x: tf.Tensor2D) => tf.Tensor2D) => (input: tf.Tensor) =>
      tf.sum(tf.mul(tf.square(f(input as tf.Tensor2D)), weights)) as tf.Scalar;
    const ours = tf.variableGrads(() => lossOf((i) => model.forward(i))(x), model.variables);
    const plain = tf.variableGrads(() => lossOf((i) => plainForward(model, i))(x), model.variables);
    expect(Math.abs(ours.value.dataSync()[0]! - plain.value.dataSync()[0]!)).toBeLessThan(1e-5);
    for (const v of model.variables) {
      const [a, b] = [ours.grads[v.name]!.dataSync(), plain.grads[v.name]!.dataSync()];
      expect(a.length).toBe(b.length);
      a.forEach((value, i) => expect(value).toBeCloseTo(b[i]!, 5));
    }
    const inputOurs = tf
      .grad(lossOf((i) => model.forward(i)))(x)
      .dataSync();
    const inputPlain = tf
      .grad(lossOf((i) => plainForward(model, i)))(x)
      .dataSync();
    inputOurs.forEach((value, i) => expect(value).toBeCloseTo(inputPlain[i]!, 5));
    model.dispose();
  });
});
