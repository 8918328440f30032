// Stage 3, gradients: the normalised input gradients of one neuron at held-out points, the
// search's target. Classifiers keep only the points near their decision boundary; points where
// the gradient vanishes are dropped. Both are counted. Where the points lie on a flat subspace
// (a pinned trace, a skew matrix), the gradients' components off it were never trained and are
// removed. Where the concept is known, the stage reports the gradients' quality: how closely
// they point along the truth's.

import type { Expr } from '../core/expr/types.ts';
import { normalizeGradients } from '../core/eval/gradients.ts';
import { flatDirections, projectOntoTangent } from '../core/eval/tangent.ts';
import type { GradientSet } from '../core/io/gradientFile.ts';
import { Rng } from '../core/rng.ts';
import type { Experiment } from '../experiments/types.ts';
import type { Mlp } from '../model/mlp.ts';
import type { NeuronRef } from '../model/options.ts';
import { neuronGradients } from '../model/neuronGradients.ts';
import { SEED_STREAM } from './truthGradients.ts';
import { gradientQuality } from './verify.ts';
import type { GradientFigures } from './report.ts';

/** Classifiers draw this many times the wanted points, as only those near the boundary count. */
const CLASSIFIER_OVERSAMPLING = 8;

export interface GradientStageResult {
  gradients: GradientSet;
  /** Points dropped outside the classifier's probability band. */
  outsideBand: number;
  /** Points dropped for a zero or non-finite gradient. */
  zeroGradient: number;
  /** Directions in which the points do not vary, removed from the gradients. */
  normals: number[][];
  /** Mean |cos| between these gradients and the truth's, where the truth is known. */
  quality?: number;
}

/** Held-out points of an experiment, drawn from the run's seed apart from the training data. */
export function gradientPoints(experiment: Experiment, points: number, seed: number): Float64Array[] {
  const n = experiment.kind === 'classifier' ? points * CLASSIFIER_OVERSAMPLING : points;
  return experiment.sample(Rng.derived(seed, SEED_STREAM.probe), n);
}

export interface GradientSettings {
  neuron: NeuronRef;
  /** Most points to keep. */
  points: number;
  /** Classifiers: the probability band; undefined for a latent neuron. */
  band?: number;
}

export async function gradientStage(
  model: Mlp,
  x: Float64Array[],
  variables: readonly string[],
  settings: GradientSettings,
  truth?: Expr,
): Promise<GradientStageResult> {
  const raw = await neuronGradients(model, x, settings.neuron, settings.band);
  const kept = Math.min(settings.points, raw.x[0]?.length ?? 0);
  const points = raw.x.map((c) => c.subarray(0, kept));
  const normals = flatDirections(points);
  const unit = normalizeGradients(
    points,
    projectOntoTangent(
      raw.g.map((c) => c.subarray(0, kept)),
      normals,
    ),
  );
  return {
    gradients: { variables: [...variables], ...unit },
    outsideBand: raw.outsideBand,
    zeroGradient: unit.skipped,
    normals,
    ...(truth ? { quality: gradientQuality(unit.t, truth, unit.x) } : {}),
  };
}

/** The gradient figures of the result JSON. */
export function gradientFigures(stage: GradientStageResult): GradientFigures {
  return {
    points: stage.gradients.x[0]?.length ?? 0,
    outsideBand: stage.outsideBand,
    zeroGradient: stage.zeroGradient,
    flatDirections: stage.normals.length,
    ...(stage.quality !== undefined ? { quality: stage.quality } : {}),
  };
}
