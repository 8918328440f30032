// Gradients of any neuron against finite differences and closed forms, the classifier's band,
// and a saved network that reads back to the same function.

import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { Rng } from '../core/rng.ts';
import { useBackend } from './backend.ts';
import { Mlp } from './mlp.ts';
import { loadModel, saveModel } from './modelFormat.ts';
import { neuronGradients } from './neuronGradients.ts';

beforeAll(async () => {
  await useBackend('cpu');
});

const network = { hidden: [5, 4], activation: 'tanh' as const, dropout: 0, l2: 0 };
const rng = new Rng(11);
const points = [0, 1, 2].map(() => Float64Array.from({ length: 20 }, () => rng.uniform(-1, 1)));

async function outputAt(model: Mlp, row: number[]): Promise<number> {
  const out = model.forward(tf.tensor2d([row]));
  const value = (await out.data())[0] as number;
  out.dispose();
  return value;
}

describe('neuron gradients', () => {
  it('match central finite differences of the output', async () => {
    const model = Mlp.create(3, network, new Rng(1), [0.2, -0.1, 0], [1.5, 0.5, 2]);
    const { g } = await neuronGradients(model, points, { kind: 'output' });
    for (const i of [0, 7, 19]) {
      for (let j = 0; j < 3; j++) {
        const row = points.map((c) => c[i] as number);
        const h = 1e-2;
        const up = [...row];
        const down = [...row];
        up[j]! += h;
        down[j]! -= h;
        const numeric = ((await outputAt(model, up)) - (await outputAt(model, down))) / (2 * h);
        expect(g[j]![i]).toBeCloseTo(numeric, 3);
      }
    }
    model.dispose();
  });

  it('of a hidden unit are its activation slope times its weights', async () => {
    const w1 = Float32Array.from({ length: 15 }, (_, k) => Math.sin(k + 1));
    const b1 = Float32Array.from([0.1, -0.2, 0.3, 0, 0.5]);
    const rest = [
      new Float32Array(20).fill(0.1),
      new Float32Array(4),
      new Float32Array(4).fill(1),
      new Float32Array(1),
    ];
    const model = Mlp.fromWeights(3, network, [w1, b1, ...rest]);
    const { x, g } = await neuronGradients(model, points, { kind: 'hidden', layer: 1, index: 2 });
    for (let i = 0; i < 20; i++) {
      const z = x.reduce((sum, c, j) => sum + (c[i] as number) * (w1[j * 5 + 2] as number), b1[2] as number);
      const slope = 1 - Math.tanh(z) ** 2;
      for (let j = 0; j < 3; j++) expect(g[j]![i]).toBeCloseTo(slope * (w1[j * 5 + 2] as number), 5);
    }
    model.dispose();
  });

  it('keep only the points inside the probability band', async () => {
    // logit = 10 x0 for x0 > 0: in (1e-4, 1 - 1e-4) only while 10 x0 < 9.21.
    const model = Mlp.fromWeights(2, { hidden: [1], activation: 'elu', dropout: 0, l2: 0 }, [
      Float32Array.from([1, 0]),
      new Float32Array(1),
      Float32Array.from([10]),
      new Float32Array(1),
    ]);
    const x = [Float64Array.from([0.1, 0.5, 1.5, 2]), Float64Array.from([0, 0, 0, 0])];
    const kept = await neuronGradients(model, x, { kind: 'output' }, 1e-4);
    expect(Array.from(kept.x[0]!)).toEqual([Math.fround(0.1), 0.5]);
    expect(kept.outsideBand).toBe(2);
    expect((await neuronGradients(model, x, { kind: 'output' })).outsideBand).toBe(0);
    model.dispose();
  });
});

describe('a latent space of several output units', () => {
  it("gives each unit's gradient, and saves and reads back with its units", async () => {
    const model = Mlp.create(3, { ...network, outputs: 3 }, new Rng(4), [0, 0, 0], [1, 1, 1]);
    const unitAt = async (m: Mlp, row: number[], unit: number) => {
      const out = m.neuron(tf.tensor2d([row]), { kind: 'output', unit });
      const value = (await out.data())[0] as number;
      out.dispose();
      return value;
    };
    const { g } = await neuronGradients(model, points, { kind: 'output', unit: 2 });
    const row = points.map((c) => c[3] as number);
    for (let j = 0; j < 3; j++) {
      const [up, down] = [[...row], [...row]];
      up[j]! += 1e-2;
      down[j]! -= 1e-2;
      const numeric = ((await unitAt(model, up, 2)) - (await unitAt(model, down, 2))) / 2e-2;
      expect(g[j]![3]).toBeCloseTo(numeric, 3);
    }
    const saved = await saveModel(model, {
      variables: ['a', 'b', 'c'],
      kind: 'latent',
      network: model.network,
    });
    const { model: loaded, metadata } = await loadModel(saved);
    expect(metadata.network.outputs).toBe(3);
    for (const unit of [0, 1, 2])
      expect(await unitAt(loaded, row, unit)).toBeCloseTo(await unitAt(model, row, unit), 5);
    model.dispose();
    loaded.dispose();
  });
});

describe('saved networks', () => {
  it('read back as the same function of the raw inputs, in the tfjs layers format', async () => {
    const model = Mlp.create(3, { ...network, activation: 'elu' }, new Rng(2), [1, -2, 0.5], [0.5, 3, 1]);
    const saved = await saveModel(model, {
      variables: ['a', 'b', 'c'],
      kind: 'latent',
      network: model.network,
    });
    expect(saved.modelJson['format']).toBe('layers-model');
    const { model: loaded, metadata } = await loadModel(saved);
    expect(metadata.variables).toEqual(['a', 'b', 'c']);
    for (const i of [0, 5, 13]) {
      const row = points.map((c) => c[i] as number);
      expect(await outputAt(loaded, row)).toBeCloseTo(await outputAt(model, row), 5);
    }
    model.dispose();
    loaded.dispose();
  });

  it("refuses a model.json without this tool's metadata, saying so", async () => {
    const model = Mlp.create(3, network, new Rng(2), [0, 0, 0], [1, 1, 1]);
    const saved = await saveModel(model, { variables: ['a', 'b', 'c'], kind: 'latent', network });
    delete saved.modelJson['userDefinedMetadata'];
    await expect(loadModel(saved)).rejects.toThrow('no userDefinedMetadata');
    model.dispose();
  });
});
