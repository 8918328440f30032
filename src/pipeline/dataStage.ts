// Stage 1, data: the examples a network learns from. For an experiment of the catalogue, fresh
// triplets or labelled points from its generators; for a user's labelled table, a seeded 80/20
// split. Validation examples are drawn apart from the training ones.

import { Rng } from '../core/rng.ts';
import type { Experiment, NegativeRule } from '../experiments/types.ts';
import { rowsFromColumns, type LabelledRows, type TrainingData } from '../model/trainingData.ts';
import { SEED_STREAM } from './truthGradients.ts';

export interface DataSettings {
  /** Training plus validation examples. */
  examples: number;
  validationFraction: number;
  /** Where a latent experiment's negatives come from (fresh when not given). */
  negatives?: NegativeRule;
}

/** Why `experiment` cannot draw its negatives by `rule`, or null. */
export function negativesProblem(experiment: Experiment, rule: NegativeRule): string | null {
  if (rule === 'fresh' || experiment.negativeRules?.includes(rule)) return null;
  if ((experiment.otherInvariants?.length ?? 0) === 0)
    return `${experiment.id} keeps no other invariant for its negatives to share: only fresh negatives apply`;
  return `${experiment.id} draws only fresh negatives`;
}

const splitCounts = ({ examples, validationFraction }: DataSettings): [number, number] => {
  const validation = Math.max(1, Math.round(examples * validationFraction));
  return [Math.max(1, examples - validation), validation];
};

/** Training data for an experiment: triplets for a latent one, labelled points for a classifier. */
export function experimentData(experiment: Experiment, settings: DataSettings, seed: number): TrainingData {
  const [trainCount, validationCount] = splitCounts(settings);
  const rng = Rng.derived(seed, SEED_STREAM.training);
  if (experiment.kind === 'latent') {
    const triplets = experiment.triplets;
    if (!triplets) throw new Error(`${experiment.id} has no triplet generator`);
    const negatives = settings.negatives ?? 'fresh';
    const problem = negativesProblem(experiment, negatives);
    if (problem) throw new Error(problem);
    const part = (n: number) => {
      const t = triplets(rng, n, negatives);
      return {
        anchor: rowsFromColumns(t.anchor),
        positive: rowsFromColumns(t.positive),
        negative: rowsFromColumns(t.negative),
      };
    };
    return { kind: 'latent', train: part(trainCount), validation: part(validationCount) };
  }
  const labels = experiment.labels;
  if (!labels) throw new Error(`${experiment.id} has no label generator`);
  const part = (n: number): LabelledRows => {
    const x = experiment.sample(rng, n);
    return { x: rowsFromColumns(x), y: Float32Array.from(labels(rng, x)) };
  };
  return { kind: 'classifier', train: part(trainCount), validation: part(validationCount) };
}

/** A user's labelled points, split at random (seeded) into training and validation parts. */
export function labelledData(
  x: readonly Float64Array[],
  y: Uint8Array,
  validationFraction: number,
  seed: number,
): TrainingData {
  const n = y.length;
  const order = Array.from({ length: n }, (_, i) => i);
  new Rng(seed).shuffle(order);
  const [trainCount] = splitCounts({ examples: n, validationFraction });
  const part = (rows: number[]): LabelledRows => ({
    x: rowsFromColumns(x.map((column) => Float64Array.from(rows, (i) => column[i] as number))),
    y: Float32Array.from(rows, (i) => y[i] as number),
  });
  return {
    kind: 'classifier',
    train: part(order.slice(0, trainCount)),
    validation: part(order.slice(trainCount)),
  };
}
