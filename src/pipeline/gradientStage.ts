// Stage 3, gradients: the normalised input gradients of one neuron at held-out points, the
// search's target. Classifiers keep only the points near their decision boundary; points where
// the gradient vanishes are dropped. Both are counted. Where the points lie on a flat subspace
// (a pinned trace, a skew matrix), the gradients' components off it were never trained and are
// removed. Where the concept is known, the stage reports the gradients' quality: how closely
// they point along the truth's; where the experiment knows several, how closely they follow each
// and all of them together.

import type { Columns } from '../core/eval/dual.ts';
import { normalizeGradients } from '../core/eval/gradients.ts';
import { flatDirections, projectOntoTangent } from '../core/eval/tangent.ts';
import type { GradientSet } from '../core/io/gradientFile.ts';
import { Rng } from '../core/rng.ts';
import type { Experiment } from '../experiments/types.ts';
import type { Mlp } from '../model/mlp.ts';
import type { NeuronRef } from '../model/options.ts';
import { gradientsAtEveryPoint, withinBand, type PointGradients } from '../model/neuronGradients.ts';
import { SEED_STREAM } from './truthGradients.ts';
import { latentSpace, type LatentSpace } from './latentSpace.ts';
import { gradientQuality, gradientsFollow, knownInSpan } from './verify.ts';
import { spanBasis } from './latentConcepts.ts';
import type { GradientFigures, KnownFollowed } from './report.ts';

/** Classifiers draw this many times the wanted points, as only those near the boundary count. */
const CLASSIFIER_OVERSAMPLING = 32;

/**
 * A classifier's pick is checked on the points whose probability lies in (0.3, 0.7), nearest its
 * decision boundary. Its logit only has to be right there: further out, its level sets bend away
 * from the concept's, and candidates that follow them fit the search's wider band better.
 */
const BOUNDARY_BAND = 0.3;
/** Fewer boundary points than this check nothing reliably; the pick then uses one set. */
const MIN_BOUNDARY_POINTS = 20;

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
  /** Where the experiment knows several concepts: how closely the gradients follow each. */
  known?: KnownFollowed;
  /** A classifier output's gradients at the points nearest its boundary, where there are enough. */
  boundary?: GradientSet;
  /** A latent space of several neurons: what it holds (its rank report). */
  latent?: LatentSpace;
  /** ...and each output unit's gradients at the points of `gradients`, along the flat subspace. */
  units?: Float64Array[][];
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
  experiment?: Experiment,
): Promise<GradientStageResult> {
  const all = await gradientsAtEveryPoint(model, x, settings.neuron);
  const raw = withinBand(all, settings.band);
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
  const boundary =
    settings.band !== undefined && settings.neuron.kind === 'output'
      ? boundaryGradients(all, variables)
      : null;
  const outputs = model.network.outputs ?? 1;
  const units = outputs > 1 ? await outputGradients(model, unit.x, outputs, normals) : null;
  const latent = units ? latentSpaceOf(units, unit.x, normals, experiment) : null;
  const known = experiment ? gradientsFollow(unit.t, unit.x, experiment, normals) : undefined;
  return {
    gradients: { variables: [...variables], ...unit },
    outsideBand: raw.outsideBand,
    zeroGradient: unit.skipped,
    normals,
    ...(experiment ? { quality: gradientQuality(unit.t, experiment.truth, unit.x) } : {}),
    ...(known ? { known } : {}),
    ...(boundary ? { boundary } : {}),
    ...(latent && units ? { latent, units } : {}),
  };
}

/**
 * The rank report of the output units' gradients `units` at `x` and, where the experiment is
 * known, how much of each of its known concepts their span holds.
 */
function latentSpaceOf(
  units: readonly Columns[],
  x: Columns,
  normals: readonly number[][],
  experiment: Experiment | undefined,
): LatentSpace {
  const space = latentSpace(units);
  return experiment
    ? { ...space, known: knownInSpan(spanBasis(units, space.rank), x, experiment, normals) }
    : space;
}

/** Each output unit's gradients at `x`, along the flat subspace of `normals`. */
async function outputGradients(model: Mlp, x: Float64Array[], outputs: number, normals: number[][]) {
  const perUnit: Float64Array[][] = [];
  for (let unit = 0; unit < outputs; unit++) {
    const all = await gradientsAtEveryPoint(model, x, { kind: 'output', unit });
    perUnit.push(projectOntoTangent(withinBand(all).g, normals));
  }
  return perUnit;
}

/** A classifier output's gradients at the points nearest its boundary; null where too few are. */
function boundaryGradients(all: PointGradients, variables: readonly string[]): GradientSet | null {
  const near = withinBand(all, BOUNDARY_BAND);
  const unit = normalizeGradients(near.x, near.g);
  return (unit.x[0]?.length ?? 0) >= MIN_BOUNDARY_POINTS ? { variables: [...variables], ...unit } : null;
}

/** The gradient figures of the result JSON. */
export function gradientFigures(stage: GradientStageResult): GradientFigures {
  return {
    points: stage.gradients.x[0]?.length ?? 0,
    outsideBand: stage.outsideBand,
    zeroGradient: stage.zeroGradient,
    flatDirections: stage.normals.length,
    ...(stage.quality !== undefined ? { quality: stage.quality } : {}),
    ...(stage.known ? { known: stage.known } : {}),
    ...(stage.boundary ? { boundaryPoints: stage.boundary.x[0]?.length ?? 0 } : {}),
    ...(stage.latent ? { latent: stage.latent } : {}),
  };
}
