// The training examples of a catalogue experiment or a typed concept, named by its settings alone
// (plain data, so a page can ask a worker for them): the same function, and so the same numbers,
// as a run on the command line draws.

import type { ModelSettings } from '../model/options.ts';
import type { TrainingData } from '../model/trainingData.ts';
import type { NegativeRule } from '../experiments/types.ts';
import { experimentData } from './dataStage.ts';
import { experimentOf, type ExperimentSettings } from './experimentOf.ts';
import { checkPoints, type CheckPoints } from './checkPoints.ts';

export interface DataRequest {
  experiment: ExperimentSettings;
  negatives: NegativeRule;
  train: Pick<ModelSettings['train'], 'examples' | 'validationFraction'>;
  seed: number;
}

export function drawData({ experiment, negatives, train, seed }: DataRequest): TrainingData {
  const read = experimentOf(experiment);
  if (!read.ok) throw new Error(`${read.error.field}: ${read.error.message}`);
  const { examples, validationFraction } = train;
  return experimentData(read.experiment, { examples, validationFraction, negatives }, seed);
}

/** The fresh points the checks of a run on `seed` are made on, as the run itself would draw them. */
export function drawCheckPoints({ experiment, seed }: Pick<DataRequest, 'experiment' | 'seed'>): CheckPoints {
  const read = experimentOf(experiment);
  if (!read.ok) throw new Error(`${read.error.field}: ${read.error.message}`);
  return checkPoints(read.experiment, seed);
}

/** What the page's data worker offers (`workers/data.browser.ts`). */
export interface DataWorkerApi {
  draw(request: DataRequest): TrainingData;
  checkPoints(request: Pick<DataRequest, 'experiment' | 'seed'>): CheckPoints;
}

/** The arrays that hold `data`'s numbers, to hand over to another thread rather than copy. */
export function dataBuffers(data: TrainingData): ArrayBuffer[] {
  const arrays =
    data.kind === 'latent'
      ? [data.train, data.validation].flatMap((p) => [p.anchor.values, p.positive.values, p.negative.values])
      : [data.train, data.validation].flatMap((p) => [p.x.values, p.y]);
  return arrays.map((a) => a.buffer as ArrayBuffer);
}
