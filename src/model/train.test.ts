// Training really trains, repeats bit for bit from a seed on the CPU backend, leaks no tensors,
// stops cleanly, and reports divergence in words.

import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { Rng } from '../core/rng.ts';
import { findExperiment } from '../experiments/index.ts';
import { useBackend } from './backend.ts';
import { Mlp } from './mlp.ts';
import type { ModelSettings } from './options.ts';
import { trainModel, TrainingDivergedError, warmTraining } from './train.ts';
import { rowsFromColumns, standardisation, type TrainingData } from './trainingData.ts';

beforeAll(async () => {
  await useBackend('cpu');
});

const settings: ModelSettings = {
  network: { hidden: [8, 8], activation: 'elu', dropout: 0.1, l2: 1e-4 },
  train: {
    examples: 600,
    validationFraction: 0.25,
    epochs: 4,
    batch: 64,
    learningRate: 3e-3,
    plateauPatience: 2,
    earlyStopPatience: 5,
    minLearningRate: 1e-5,
  },
};

function ellipseData(seed: number): TrainingData {
  const experiment = findExperiment('classifier-a1')!;
  const rng = new Rng(seed);
  const part = (n: number) => {
    const x = experiment.sample(rng, n);
    return { x: rowsFromColumns(x), y: Float32Array.from(experiment.labels!(rng, x)) };
  };
  return { kind: 'classifier', train: part(450), validation: part(150) };
}

/** 1,500 training and 300 validation triplets of a latent experiment. */
function tripletData(id: string, seed: number): TrainingData {
  const experiment = findExperiment(id)!;
  const rng = new Rng(seed);
  const part = (n: number) => {
    const t = experiment.triplets!(rng, n);
    return {
      anchor: rowsFromColumns(t.anchor),
      positive: rowsFromColumns(t.positive),
      negative: rowsFromColumns(t.negative),
    };
  };
  return { kind: 'latent', train: part(1500), validation: part(300) };
}

function freshModel(data: TrainingData, seed: number, s: ModelSettings = settings): Mlp {
  const inputs = data.kind === 'classifier' ? data.train.x : data.train.anchor;
  const { shift, scale } = standardisation(inputs);
  return Mlp.create(inputs.width, s.network, new Rng(seed), shift, scale);
}

describe('training', () => {
  it('gives the same weights, bit for bit, from the same seed', async () => {
    const weights = async () => {
      const data = ellipseData(3);
      const model = freshModel(data, 3);
      await trainModel(model, data, settings.train, 3);
      const w = await model.rawWeights();
      model.dispose();
      return w;
    };
    const [a, b] = [await weights(), await weights()];
    expect(a.length).toBe(6);
    a.forEach((w, i) => expect(Buffer.from(w.buffer).equals(Buffer.from(b[i]!.buffer))).toBe(true));
  });

  it('a different seed gives different weights', async () => {
    const data = ellipseData(3);
    const [m1, m2] = [freshModel(data, 3), freshModel(data, 4)];
    const [a, b] = [await m1.rawWeights(), await m2.rawWeights()];
    expect(Array.from(a[0]!)).not.toEqual(Array.from(b[0]!));
    m1.dispose();
    m2.dispose();
  });

  it('lowers the validation loss and leaks no tensors from epoch to epoch', async () => {
    const data = ellipseData(5);
    const model = freshModel(data, 5);
    const counts: number[] = [];
    const result = await trainModel(model, data, { ...settings.train, epochs: 30, learningRate: 1e-2 }, 5, {
      onEpoch: () => void counts.push(tf.memory().numTensors),
    });
    expect(new Set(counts).size).toBe(1);
    const losses = result.history.map((h) => h.validationLoss);
    expect(losses[losses.length - 1]!).toBeLessThan(0.5 * losses[0]!);
    const before = tf.memory().numTensors;
    model.dispose();
    expect(tf.memory().numTensors).toBeLessThan(before);
  });

  it('stops between steps when asked and keeps a usable network', async () => {
    const data = ellipseData(6);
    const model = freshModel(data, 6);
    const controller = new AbortController();
    const result = await trainModel(model, data, { ...settings.train, epochs: 50 }, 6, {
      signal: controller.signal,
      onEpoch: (r) => {
        if (r.epoch === 2) controller.abort();
      },
    });
    expect(result.stopReason).toBe('stopped');
    expect(result.history).toHaveLength(2);
    const out = model.forward(tf.tensor2d([[0.1, 0.2]]));
    expect(Number.isFinite((await out.data())[0])).toBe(true);
    out.dispose();
    model.dispose();
  });

  it('says so when the loss diverges, and suggests a smaller learning rate', async () => {
    const data = ellipseData(7);
    const model = freshModel(data, 7);
    const run = trainModel(model, data, { ...settings.train, learningRate: 1e30 }, 7);
    await expect(run).rejects.toBeInstanceOf(TrainingDivergedError);
    await expect(run).rejects.toThrow(/diverged at epoch 1 .*smaller learning rate/);
    model.dispose();
  });

  it('trains a Siamese network that orders points by the concept', async () => {
    const data = tripletData('matrix-2x2-trace', 8);
    const model = freshModel(data, 8, { ...settings, network: { ...settings.network, dropout: 0 } });
    const result = await trainModel(model, data, { ...settings.train, epochs: 15, learningRate: 1e-2 }, 8);
    expect(result.history[result.history.length - 1]!.validationLoss).toBeLessThan(0.5);
    model.dispose();
  });

  it('trains a two-dimensional latent space on the Euclidean distance of its embeddings', async () => {
    const data = tripletData('central-potential', 9);
    const network = { ...settings.network, hidden: [16, 16], dropout: 0, outputs: 2 };
    const model = freshModel(data, 9, { ...settings, network });
    const result = await trainModel(model, data, { ...settings.train, epochs: 12, learningRate: 1e-2 }, 9);
    const losses = result.history.map((h) => h.validationLoss);
    expect(losses.every(Number.isFinite)).toBe(true);
    expect(Math.min(...losses)).toBeLessThan(losses[0]! * 0.8);
    const embedding = model.forward(tf.tensor2d([[0.5, 0.5, 0.5, 0.5]]));
    expect(embedding.shape).toEqual([1, 2]);
    embedding.dispose();
    model.dispose();
  });
});

describe('the warm-up before a run', () => {
  it('trains a throwaway network of either kind and leaves no tensor behind', async () => {
    const before = tf.memory().numTensors;
    await warmTraining(settings, 4, 'latent');
    await warmTraining(settings, 2, 'classifier');
    expect(tf.memory().numTensors).toBe(before);
  });
});
