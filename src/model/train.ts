// The training loop: the Siamese network with the triplet margin loss, or the classifier with
// binary cross-entropy on its logit. Adam with the learning rate halved on plateau, early
// stopping that keeps the best weights, our own seeded shuffling, and a stop signal checked
// between steps. Progress is reported once per epoch.

import * as tf from '@tensorflow/tfjs';
import { Rng } from '../core/rng.ts';
import { Mlp } from './mlp.ts';
import type { ModelSettings, TrainOptions } from './options.ts';
import type { Rows, TrainingData } from './trainingData.ts';
import { yieldToEventLoop } from '../core/yieldToEventLoop.ts';

export const TRIPLET_MARGIN = 1;

export interface EpochReport {
  epoch: number;
  trainLoss: number;
  validationLoss: number;
  learningRate: number;
  seconds: number;
}

export type TrainStopReason = 'epochs' | 'early-stop' | 'stopped';

export interface TrainResult {
  history: EpochReport[];
  stopReason: TrainStopReason;
  /** The epoch whose weights were kept (the best validation loss). */
  bestEpoch: number;
  /** Examples (triplets or points) processed per second of training. */
  examplesPerSecond: number;
  seconds: number;
}

export interface TrainHooks {
  /** Called after every epoch; may be async (the page uses it to draw). */
  onEpoch?: (report: EpochReport) => void | Promise<void>;
  /** Ends training cleanly between two steps, keeping the best weights so far. */
  signal?: AbortSignal;
  /** Awaited before every step: a pause holds it unresolved. */
  gate?: () => Promise<void>;
}

export class TrainingDivergedError extends Error {
  constructor(epoch: number, learningRate: number) {
    super(
      `training diverged at epoch ${epoch} (the loss is not finite); ` +
        `try a smaller learning rate, for example ${(learningRate / 10).toPrecision(2)}`,
    );
    this.name = 'TrainingDivergedError';
  }
}

/** Adam whose learning rate can be lowered between steps without losing its moments. */
class ScheduledAdam extends tf.AdamOptimizer {
  get rate(): number {
    return this.learningRate;
  }
  set rate(value: number) {
    this.learningRate = value;
  }
}

/**
 * Training yields to the page once a slice has run this long. A slice ends after the step that
 * crosses it, and one step of the default network takes about 3 ms on WASM here. Slices of 20 ms
 * took 35-75 ms of wall time on this machine while another thread ran (a worker starting, the
 * browser's raster), past the 50 ms a page can block without stuttering; a yield costs far less.
 */
const YIELD_EVERY_MS = 10;

const shuffled = (n: number, rng: Rng): Int32Array =>
  Int32Array.from(rng.shuffle(Array.from({ length: n }, (_, i) => i)));

const tensorOf = (rows: Rows): tf.Tensor2D => tf.tensor2d(rows.values, [rows.count, rows.width]);

/**
 * Euclidean distance between the rows of two embeddings, [n, k] to [n, 1]. One dimension takes
 * |a - b|; several, the root of the summed squares (kept off zero, where its gradient is undefined).
 */
function distance(a: tf.Tensor2D, b: tf.Tensor2D): tf.Tensor {
  const difference = tf.sub(a, b);
  if (a.shape[1] === 1) return tf.abs(difference);
  return tf.sqrt(tf.add(tf.sum(tf.square(difference), 1, true), 1e-12));
}

/** The task's tensors and its loss on a batch of row indices. */
function taskOf(model: Mlp, data: TrainingData) {
  if (data.kind === 'latent') {
    const part = (t: typeof data.train) => [tensorOf(t.anchor), tensorOf(t.positive), tensorOf(t.negative)];
    const tensors = { train: part(data.train), validation: part(data.validation) };
    const loss = (set: tf.Tensor2D[], idx: tf.Tensor1D, dropout?: Rng): tf.Scalar => {
      // One pass over the three stacked: a third of the kernel calls, which dominate at this size.
      const stacked = tf.concat(
        set.map((t) => tf.gather(t, idx)),
        0,
      );
      const [fa, fp, fn] = tf.split(model.forward(stacked, dropout), 3, 0) as tf.Tensor2D[];
      const hinge = tf.relu(tf.add(tf.sub(distance(fa!, fp!), distance(fa!, fn!)), TRIPLET_MARGIN));
      return tf.mean(hinge);
    };
    return {
      tensors,
      loss,
      trainCount: data.train.anchor.count,
      validationCount: data.validation.anchor.count,
    };
  }
  const part = (t: typeof data.train) => [tensorOf(t.x), tf.tensor2d(t.y, [t.y.length, 1])];
  const tensors = { train: part(data.train), validation: part(data.validation) };
  const loss = (set: tf.Tensor2D[], idx: tf.Tensor1D, dropout?: Rng): tf.Scalar => {
    const [x, y] = set.map((t) => tf.gather(t, idx));
    return tf.losses.sigmoidCrossEntropy(y!, model.forward(x!, dropout)) as tf.Scalar;
  };
  return { tensors, loss, trainCount: data.train.x.count, validationCount: data.validation.x.count };
}

/**
 * Validation examples per slice of the validation pass. The fast preset's whole pass, 6,400
 * triplets, was one task of about 80 ms on the page's thread; a slice is a sixth of it.
 */
const VALIDATION_SLICE = 1024;

/** The mean validation loss, computed a slice at a time with the page's turn between slices. */
async function validationLoss(task: ReturnType<typeof taskOf>): Promise<number> {
  let sum = 0;
  for (let from = 0; from < task.validationCount; from += VALIDATION_SLICE) {
    const size = Math.min(VALIDATION_SLICE, task.validationCount - from);
    const idx = tf.range(from, from + size, 1, 'int32') as tf.Tensor1D;
    const slice = tf.tidy(() => task.loss(task.tensors.validation, idx));
    sum += ((await slice.data())[0] as number) * size;
    tf.dispose([slice, idx]);
    await yieldToEventLoop();
  }
  return sum / task.validationCount;
}

/**
 * Trains `model` in place. The weights of the epoch with the best validation loss are kept.
 * Throws TrainingDivergedError when the loss stops being finite.
 */
export async function trainModel(
  model: Mlp,
  data: TrainingData,
  options: TrainOptions,
  seed: number,
  hooks: TrainHooks = {},
): Promise<TrainResult> {
  const task = taskOf(model, data);
  const optimizer = new ScheduledAdam(options.learningRate, 0.9, 0.999);
  const shuffleRng = Rng.derived(seed, 1);
  const dropoutRng = Rng.derived(seed, 2);
  const history: EpochReport[] = [];
  let best = { loss: Infinity, epoch: 0, weights: [] as tf.Tensor[] };
  let sinceBest = 0;
  let sincePlateau = 0;
  let stopReason: TrainStopReason = 'epochs';
  let examples = 0;
  const started = performance.now();
  // Whatever came before (data, the backend, the network's set-up) ends its slice here.
  await yieldToEventLoop();
  let lastYield = performance.now();

  try {
    for (let epoch = 1; epoch <= options.epochs && stopReason === 'epochs'; epoch++) {
      const epochStarted = performance.now();
      const order = shuffled(task.trainCount, shuffleRng);
      let lossSum = tf.scalar(0);
      let batches = 0;
      for (let from = 0; from < order.length; from += options.batch) {
        if (hooks.gate) await hooks.gate();
        if (hooks.signal?.aborted) {
          stopReason = 'stopped';
          break;
        }
        const idx = tf.tensor1d(order.subarray(from, from + options.batch), 'int32');
        const step = tf.tidy(
          () =>
            optimizer.minimize(() => {
              const l = task.loss(task.tensors.train, idx, dropoutRng);
              return model.network.l2 > 0 ? tf.add(l, model.l2Penalty()) : l;
            }, true) as tf.Scalar,
        );
        idx.dispose();
        const next: tf.Scalar = tf.add(lossSum, step);
        lossSum.dispose();
        step.dispose();
        lossSum = next;
        batches++;
        examples += Math.min(options.batch, order.length - from);
        if (performance.now() - lastYield > YIELD_EVERY_MS) {
          await yieldToEventLoop();
          lastYield = performance.now();
        }
      }
      const trainLoss = batches > 0 ? ((await lossSum.data())[0] as number) / batches : NaN;
      lossSum.dispose();
      if (stopReason === 'stopped') break;
      // The validation pass in slices of its own, not the last batches'.
      await yieldToEventLoop();
      const validation = await validationLoss(task);
      lastYield = performance.now();
      if (!Number.isFinite(trainLoss) || !Number.isFinite(validation)) {
        throw new TrainingDivergedError(epoch, optimizer.rate);
      }
      const report = {
        epoch,
        trainLoss,
        validationLoss: validation,
        learningRate: optimizer.rate,
        seconds: (performance.now() - epochStarted) / 1000,
      };
      history.push(report);
      if (validation < best.loss) {
        for (const t of best.weights) t.dispose();
        best = { loss: validation, epoch, weights: model.variables.map((v) => tf.keep(v.clone())) };
        sinceBest = 0;
        sincePlateau = 0;
      } else {
        sinceBest++;
        sincePlateau++;
        if (sinceBest >= options.earlyStopPatience) stopReason = 'early-stop';
        if (sincePlateau >= options.plateauPatience) {
          optimizer.rate = Math.max(options.minLearningRate, optimizer.rate / 2);
          sincePlateau = 0;
        }
      }
      await hooks.onEpoch?.(report);
      // What the report set off (a page draws its curve) ends its task here, not with the next steps.
      await yieldToEventLoop();
      lastYield = performance.now();
    }
    model.variables.forEach((v, i) => {
      const saved = best.weights[i];
      if (saved) v.assign(saved);
    });
  } finally {
    for (const t of best.weights) t.dispose();
    for (const t of [...task.tensors.train, ...task.tensors.validation]) t.dispose();
    optimizer.dispose();
  }
  const seconds = (performance.now() - started) / 1000;
  return {
    history,
    stopReason,
    bestEpoch: best.epoch,
    examplesPerSecond: seconds > 0 ? examples / seconds : 0,
    seconds,
  };
}

/**
 * One epoch of a throwaway network of the run's shape on a batch of made-up data, so that the
 * backend's kernels have run once before a run: the first step of a page's first run took
 * 60-70 ms in one task, nearly all of it the WASM kernels' first calls, which no yield splits.
 */
export async function warmTraining(
  settings: ModelSettings,
  inputs: number,
  kind: TrainingData['kind'],
): Promise<void> {
  const count = settings.train.batch;
  const rows = (offset: number): Rows => ({
    values: Float32Array.from({ length: count * inputs }, (_, i) => Math.sin(i + offset)),
    count,
    width: inputs,
  });
  const labels = Float32Array.from({ length: count }, (_, i) => i % 2);
  const data: TrainingData =
    kind === 'latent'
      ? {
          kind,
          train: { anchor: rows(0), positive: rows(1), negative: rows(2) },
          validation: { anchor: rows(3), positive: rows(4), negative: rows(5) },
        }
      : { kind, train: { x: rows(0), y: labels }, validation: { x: rows(1), y: labels } };
  const zeros = new Array<number>(inputs).fill(0);
  const ones = new Array<number>(inputs).fill(1);
  const model = Mlp.create(inputs, settings.network, new Rng(1), zeros, ones);
  try {
    await trainModel(model, data, { ...settings.train, epochs: 1 }, 1);
  } finally {
    model.dispose();
  }
}
