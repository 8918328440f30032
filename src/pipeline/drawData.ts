// The training examples, check points and checks of a catalogue experiment or a typed concept,
// named by its settings alone (plain data, so a page can ask a worker for them): the same
// functions, and so the same numbers, as a run on the command line.

import type { ModelSettings } from '../model/options.ts';
import type { TrainingData } from '../model/trainingData.ts';
import type { Experiment, NegativeRule } from '../experiments/types.ts';
import type { Expr } from '../core/expr/types.ts';
import type { EntryCheck, ResultCheck } from './report.ts';
import { checkEquation, verifyStage } from './verify.ts';
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
  const { examples, validationFraction } = train;
  return experimentData(experimentNamed(experiment), { examples, validationFraction, negatives }, seed);
}

export type CheckPointsRequest = Pick<DataRequest, 'experiment' | 'seed'>;

/** The points drawn last and what for: a search's live checks and its verification share them. */
let lastDrawn: { key: string; points: CheckPoints } | undefined;

/**
 * The fresh points the checks of a run on `seed` are made on, as the run itself would draw them.
 * The same request gets the same points back, drawn once (a classifier's, moved onto its
 * boundaries, take a while); they are read, never changed.
 */
export function drawCheckPoints({ experiment, seed }: CheckPointsRequest): CheckPoints {
  const key = JSON.stringify([experiment, seed]);
  if (lastDrawn?.key !== key) lastDrawn = { key, points: checkPoints(experimentNamed(experiment), seed) };
  return lastDrawn.points;
}

/** `tree` checked against the truth on the run's check points: the check the verify stage makes. */
export function checkByName(request: CheckPointsRequest & { tree: Expr }): EntryCheck {
  return checkEquation(request.tree, experimentNamed(request.experiment), drawCheckPoints(request));
}

/** What the verify stage checks: the front, and the pick (or a row picked by hand). */
export interface VerifyRequest extends CheckPointsRequest {
  front: { tree: Expr; complexity: number }[];
  best: { tree: Expr } | undefined;
}

/** The verify stage's check of the front and the pick, as the run makes it. */
export function verifyByName({ front, best, ...request }: VerifyRequest): ResultCheck {
  return verifyStage(
    { front, best },
    experimentNamed(request.experiment),
    request.seed,
    drawCheckPoints(request),
  );
}

function experimentNamed(settings: ExperimentSettings): Experiment {
  const read = experimentOf(settings);
  if (!read.ok) throw new Error(`${read.error.field}: ${read.error.message}`);
  return read.experiment;
}

/** What the page's data worker offers (`workers/data.browser.ts`). */
export interface DataWorkerApi {
  draw(request: DataRequest): TrainingData;
  check(request: CheckPointsRequest & { tree: Expr }): EntryCheck;
  verify(request: VerifyRequest): ResultCheck;
}

/** The arrays that hold `data`'s numbers, to hand over to another thread rather than copy. */
export function dataBuffers(data: TrainingData): ArrayBuffer[] {
  const arrays =
    data.kind === 'latent'
      ? [data.train, data.validation].flatMap((p) => [p.anchor.values, p.positive.values, p.negative.values])
      : [data.train, data.validation].flatMap((p) => [p.x.values, p.y]);
  return arrays.map((a) => a.buffer as ArrayBuffer);
}
