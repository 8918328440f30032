// Stage 2, train: a fresh network (seeded weights, inputs standardised on the training data)
// trained on the data stage's examples. Where the concept is known, each epoch also reports how
// well the neuron already tracks it: Pearson and Spearman correlation on held-out points.

import * as tf from '@tensorflow/tfjs';
import { sampleCorrelation, sampleRankCorrelation } from 'simple-statistics';
import { deriveSeed, Rng } from '../core/rng.ts';
import { evaluateScalar } from '../core/expr/evaluate.ts';
import { rowOf, type Experiment } from '../experiments/types.ts';
import { Mlp } from '../model/mlp.ts';
import type { ModelSettings, NeuronRef } from '../model/options.ts';
import { trainModel, type EpochReport, type TrainHooks, type TrainResult } from '../model/train.ts';
import { rowsFromColumns, standardisation, type TrainingData } from '../model/trainingData.ts';
import { SEED_STREAM } from './truthGradients.ts';
import type { TrainingFigures } from './report.ts';

/** Points where the neuron is compared with the ground truth, and the truth's values there. */
export interface Probe {
  x: Float64Array[];
  truth: Float64Array;
}

export interface Correlation {
  pearson: number;
  spearman: number;
}

export interface TrainProgress extends EpochReport, Partial<Correlation> {}

export interface TrainedNetwork {
  model: Mlp;
  result: TrainResult;
  /** Correlation of the trained neuron with the ground truth, where one is known. */
  correlation?: Correlation;
}

/** A fresh network for `data`, its weights drawn from the run's seed. */
export function initialNetwork(data: TrainingData, settings: ModelSettings, seed: number): Mlp {
  const inputs = data.kind === 'latent' ? data.train.anchor : data.train.x;
  const { shift, scale } = standardisation(inputs);
  return Mlp.create(inputs.width, settings.network, Rng.derived(seed, SEED_STREAM.weights), shift, scale);
}

/** Points where the neuron is compared with the truth while training. */
const PROBE_POINTS = 1000;

/** Held-out points of an experiment and the truth's values there. */
export function truthProbe(experiment: Experiment, seed: number): Probe {
  const x = experiment.sample(Rng.derived(seed, SEED_STREAM.check, 1), PROBE_POINTS);
  const truth = Float64Array.from({ length: PROBE_POINTS }, (_, i) =>
    evaluateScalar(experiment.truth, rowOf(x, i)),
  );
  return { x, truth };
}

/** The neuron's values at points `x` (columns). */
export async function neuronValues(
  model: Mlp,
  neuron: NeuronRef,
  x: readonly Float64Array[],
): Promise<number[]> {
  const rows = rowsFromColumns(x);
  const out = tf.tidy(() => model.neuron(tf.tensor2d(rows.values, [rows.count, rows.width]), neuron));
  const values = Array.from(await out.data());
  out.dispose();
  return values;
}

/** Correlation between `neuron` and the truth on the probe points. */
export async function neuronCorrelation(model: Mlp, neuron: NeuronRef, probe: Probe): Promise<Correlation> {
  const values = await neuronValues(model, neuron, probe.x);
  const truth = Array.from(probe.truth);
  const finite = (r: number): number => (Number.isFinite(r) ? r : 0);
  return {
    pearson: finite(sampleCorrelation(values, truth)),
    spearman: finite(sampleRankCorrelation(values, truth)),
  };
}

export interface TrainStageHooks extends Omit<TrainHooks, 'onEpoch'> {
  onEpoch?: (progress: TrainProgress) => void | Promise<void>;
}

/** Trains a network from `model` (the caller keeps and finally disposes it). */
export async function trainStage(
  model: Mlp,
  data: TrainingData,
  settings: ModelSettings,
  seed: number,
  probe: Probe | null,
  neuron: NeuronRef,
  hooks: TrainStageHooks = {},
): Promise<TrainedNetwork> {
  const result = await trainModel(model, data, settings.train, deriveSeed(seed, SEED_STREAM.shuffle), {
    ...(hooks.signal ? { signal: hooks.signal } : {}),
    ...(hooks.gate ? { gate: hooks.gate } : {}),
    onEpoch: async (report) => {
      const correlation = probe ? await neuronCorrelation(model, neuron, probe) : {};
      await hooks.onEpoch?.({ ...report, ...correlation });
    },
  });
  return {
    model,
    result,
    ...(probe ? { correlation: await neuronCorrelation(model, neuron, probe) } : {}),
  };
}

/** The training figures of the result JSON. */
export function trainingFigures(backend: string, trained: TrainedNetwork): TrainingFigures {
  const best = trained.result.history.find((h) => h.epoch === trained.result.bestEpoch);
  return {
    backend,
    epochs: trained.result.history.length,
    bestEpoch: trained.result.bestEpoch,
    stopReason: trained.result.stopReason,
    trainLoss: best?.trainLoss ?? NaN,
    validationLoss: best?.validationLoss ?? NaN,
    examplesPerSecond: Math.round(trained.result.examplesPerSecond),
    ...trained.correlation,
  };
}
