// Training throughput of one network on the WASM and CPU backends, in one run: the fast preset's
// Siamese network on the 2x2 trace (and its classifier on classifier-a1), a few epochs each; and
// the two products of a layer's gradient on WASM, with a transposed operand against an explicit
// transpose, the reason the network's layers carry their own gradient (src/model/mlp.ts).

import * as tf from '@tensorflow/tfjs';
import { findExperiment } from '../src/experiments/index.ts';
import { useBackend } from '../src/model/backend.ts';
import type { BackendName } from '../src/model/options.ts';
import { presetSettings } from '../src/model/options.ts';
import { trainModel } from '../src/model/train.ts';
import { experimentData } from '../src/pipeline/dataStage.ts';
import { initialNetwork } from '../src/pipeline/trainStage.ts';

export interface TrainingThroughputRow {
  experiment: string;
  backend: BackendName;
  hidden: number[];
  batch: number;
  examplesPerSecond: number;
}

/** One product of a layer's gradient, timed both ways on the WASM backend. */
export interface ProductRow {
  /** What it computes, such as `dY · Wᵀ`. */
  product: string;
  /** Its operands' shapes as stored, such as `384 × 64, 64 × 64`. */
  shapes: string;
  /** Median milliseconds of `matMul` asked for a transposed operand. */
  transposedMs: number;
  /** Median milliseconds of `transpose` and then a plain `matMul`. */
  explicitMs: number;
}

export interface TrainingFigures {
  networks: TrainingThroughputRow[];
  products: ProductRow[];
}

const EPOCHS = 3;
const PRODUCT_REPEATS = 41;

/** The median milliseconds of `f`, run after five warm-up calls; its result is read each time. */
function medianMs(f: () => tf.Tensor): number {
  const times: number[] = [];
  for (let i = 0; i < 5 + PRODUCT_REPEATS; i++) {
    const started = performance.now();
    const result = tf.tidy(f);
    result.dataSync();
    result.dispose();
    if (i >= 5) times.push(performance.now() - started);
  }
  return times.sort((a, b) => a - b)[PRODUCT_REPEATS >> 1] as number;
}

/**
 * A hidden layer of 64 units over one step's batch (128 triplets, three rows each): the product for
 * the layer's input, dY · Wᵀ, and for its kernel, Xᵀ · dY.
 */
async function runProducts(): Promise<ProductRow[]> {
  await useBackend('wasm');
  const rows = 3 * 128;
  const [x, dy] = [tf.randomNormal([rows, 64]), tf.randomNormal([rows, 64])] as tf.Tensor2D[];
  const w = tf.randomNormal([64, 64]) as tf.Tensor2D;
  const figures = [
    {
      product: 'dY · Wᵀ',
      shapes: `${rows} × 64, 64 × 64`,
      transposedMs: medianMs(() => tf.matMul(dy!, w, false, true)),
      explicitMs: medianMs(() => tf.matMul(dy!, tf.transpose(w))),
    },
    {
      product: 'Xᵀ · dY',
      shapes: `${rows} × 64, ${rows} × 64`,
      transposedMs: medianMs(() => tf.matMul(x!, dy!, true, false)),
      explicitMs: medianMs(() => tf.matMul(tf.transpose(x!), dy!)),
    },
  ];
  tf.dispose([x!, dy!, w]);
  return figures;
}

export async function runTrainingThroughput(log: (line: string) => void): Promise<TrainingFigures> {
  const rows: TrainingThroughputRow[] = [];
  for (const id of ['matrix-2x2-trace', 'classifier-a1']) {
    const experiment = findExperiment(id)!;
    const settings = presetSettings('fast', experiment.kind);
    const data = experimentData(experiment, { examples: 5000, validationFraction: 0.2 }, 1);
    for (const backend of ['wasm', 'cpu'] as const) {
      await useBackend(backend);
      const model = initialNetwork(data, settings, 1);
      // One epoch to warm up kernels and memory, then the timed epochs.
      await trainModel(model, data, { ...settings.train, epochs: 1 }, 1);
      const result = await trainModel(
        model,
        data,
        { ...settings.train, epochs: EPOCHS, earlyStopPatience: EPOCHS },
        2,
      );
      model.dispose();
      const row = {
        experiment: id,
        backend,
        hidden: settings.network.hidden,
        batch: settings.train.batch,
        examplesPerSecond: Math.round(result.examplesPerSecond),
      };
      rows.push(row);
      log(
        `${id} on ${backend}: ${row.examplesPerSecond.toLocaleString('en-US')} examples/s (${tf.memory().numTensors} tensors held)`,
      );
    }
  }
  const products = await runProducts();
  for (const p of products) {
    log(
      `${p.product} on wasm: ${p.transposedMs.toFixed(3)} ms transposed, ${p.explicitMs.toFixed(3)} ms explicit`,
    );
  }
  return { networks: rows, products };
}
