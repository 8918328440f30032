// The gradient stage's sets: the search's points within the classifier's band, and the points
// nearest its boundary on which the pick is made.

import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { Rng } from '../core/rng.ts';
import { useBackend } from '../model/backend.ts';
import { Mlp } from '../model/mlp.ts';
import { OUTPUT_NEURON } from '../model/options.ts';
import { gradientStage } from './gradientStage.ts';

beforeAll(async () => {
  await useBackend('cpu');
});

const network = { hidden: [6], activation: 'tanh' as const, dropout: 0, l2: 0 };

async function probabilities(model: Mlp, x: Float64Array[]): Promise<number[]> {
  const rows = Array.from({ length: x[0]?.length ?? 0 }, (_, i) => x.map((c) => c[i] as number));
  const logits = model.forward(tf.tensor2d(rows));
  const values = Array.from(await logits.data(), (z) => 1 / (1 + Math.exp(-z)));
  logits.dispose();
  return values;
}

describe('gradient stage', () => {
  const rng = new Rng(3);
  const x = [0, 1].map(() => Float64Array.from({ length: 2000 }, () => rng.uniform(-3, 3)));
  const settings = { neuron: OUTPUT_NEURON, points: 300, band: 1e-4 };

  it("keeps a classifier's points nearest its boundary for the pick", async () => {
    const model = Mlp.create(2, network, new Rng(5), [0, 0], [0.3, 0.3]);
    const stage = await gradientStage(model, x, ['a', 'b'], settings);
    const boundary = stage.boundary;
    expect(boundary?.x[0]?.length).toBeGreaterThanOrEqual(20);
    for (const p of await probabilities(model, boundary?.x ?? [])) {
      expect(p).toBeGreaterThan(0.3);
      expect(p).toBeLessThan(0.7);
    }
    expect(stage.gradients.x[0]?.length).toBe(300);
    model.dispose();
  });

  it('has no boundary set for a hidden unit, or for a latent output', async () => {
    const model = Mlp.create(2, network, new Rng(5), [0, 0], [0.3, 0.3]);
    const hidden = await gradientStage(model, x, ['a', 'b'], {
      ...settings,
      neuron: { kind: 'hidden', layer: 1, index: 0 },
    });
    const latent = await gradientStage(model, x, ['a', 'b'], { neuron: OUTPUT_NEURON, points: 300 });
    expect(hidden.boundary).toBeUndefined();
    expect(latent.boundary).toBeUndefined();
    model.dispose();
  });
});
