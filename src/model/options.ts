// The network and training settings, as plain data with their defaults, and the two presets:
// `fast` is sized to train on a laptop CPU in well under a minute, `paper` is the authors' sizes
// (three layers of 256 for latent spaces, two of 1,000 with dropout for classifiers, 300 epochs)
// and wants a GPU.

/** The tfjs backends, fastest first. */
export const BACKENDS = ['webgpu', 'webgl', 'wasm', 'cpu'] as const;
export type BackendName = (typeof BACKENDS)[number];
export type BackendChoice = BackendName | 'auto';

/** Which neuron a gradient is taken of: the output (latent neuron or logit), or a hidden unit. */
export type NeuronRef =
  | { kind: 'output'; /** Which unit of a latent space with several (from 0); absent: 0. */ unit?: number }
  | { kind: 'hidden'; layer: number; index: number };

export const OUTPUT_NEURON: NeuronRef = { kind: 'output' };

/** The largest latent space a run may ask for. */
export const MAX_LATENT_SIZE = 4;

/** The authors' band: a classifier's points count where its probability is in (1e-4, 1 - 1e-4). */
export const DEFAULT_BAND = 1e-4;

export const ACTIVATIONS = ['relu', 'elu', 'tanh', 'softplus', 'sigmoid'] as const;
export type Activation = (typeof ACTIVATIONS)[number];

export interface NetworkOptions {
  /** Widths of the hidden layers. */
  hidden: number[];
  activation: Activation;
  /** Dropout rate after each hidden layer while training, in [0, 1). */
  dropout: number;
  /** L2 penalty on the kernels, added to the loss. */
  l2: number;
  /** Output units: the size of a latent space (a classifier has one, its logit); absent: 1. */
  outputs?: number;
}

export interface TrainOptions {
  /** Training examples: triplets for a Siamese network, labelled points for a classifier. */
  examples: number;
  /** Share of the examples held out for the validation loss. */
  validationFraction: number;
  /** Upper bound on the epochs; early stopping usually ends sooner. */
  epochs: number;
  batch: number;
  /** Adam's initial learning rate. */
  learningRate: number;
  /** Epochs without a better validation loss before the learning rate is halved. */
  plateauPatience: number;
  /** Epochs without a better validation loss before training stops (the best weights are kept). */
  earlyStopPatience: number;
  /** The learning rate is never reduced below this. */
  minLearningRate: number;
}

export interface ModelSettings {
  network: NetworkOptions;
  train: TrainOptions;
}

export const PRESETS = ['fast', 'paper'] as const;
export type Preset = (typeof PRESETS)[number];

/**
 * Many fresh examples seen few times: 32,000 for at most 15 epochs costs what 8,000 for 60 did,
 * and on the tuning seeds (11, 12) its gradients were closer to the truth's in 24 of 32
 * experiment-seed pairs (the error 1 − mean |cos| about a third smaller, geometric mean) and a
 * two-neuron latent space more often held both of a system's invariants: the networks overfit
 * less. Its data take longer to draw (about 1 s for the ODE experiments, off the page's thread).
 */
const fastTrain: TrainOptions = {
  examples: 32_000,
  validationFraction: 0.2,
  epochs: 15,
  batch: 128,
  learningRate: 3e-3,
  plateauPatience: 4,
  earlyStopPatience: 10,
  minLearningRate: 1e-5,
};

/** Settings per preset and kind of experiment. */
export function presetSettings(preset: Preset, kind: 'latent' | 'classifier'): ModelSettings {
  if (preset === 'fast') {
    return {
      network: { hidden: [64, 64], activation: 'elu', dropout: 0, l2: 0 },
      train: { ...fastTrain },
    };
  }
  if (kind === 'latent') {
    return {
      network: { hidden: [256, 256, 256], activation: 'relu', dropout: 0, l2: 1e-4 },
      train: {
        ...fastTrain,
        examples: 50_000,
        epochs: 300,
        batch: 256,
        learningRate: 1e-3,
        plateauPatience: 10,
        earlyStopPatience: 30,
      },
    };
  }
  return {
    network: { hidden: [1000, 1000], activation: 'elu', dropout: 0.2, l2: 1e-4 },
    train: {
      ...fastTrain,
      examples: 10_000,
      epochs: 300,
      batch: 100,
      learningRate: 1e-3,
      plateauPatience: 10,
      earlyStopPatience: 30,
    },
  };
}
