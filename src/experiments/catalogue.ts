// The catalogue: every experiment of the papers, in a fixed order (matrices, fields, oscillators,
// orbits, spacetime, classifiers), then those added since (each appended, so that no experiment
// moves), looked up by id.

import {
  classifierA,
  classifierA1,
  classifierB,
  classifierC,
  classifierD,
  classifierE,
  classifierF,
  classifierG,
} from './classifiers.ts';
import { centralPotential } from './centralPotential.ts';
import {
  matrix2x2Det,
  matrix2x2Similarity,
  matrix2x2Trace,
  matrix3x3SkewMinors,
  matrix3x3Trace,
  matrix4x4Trace,
} from './matrices.ts';
import { oscillatorExp, oscillatorHarmonic, oscillatorPoly, oscillatorSin } from './oscillators.ts';
import { fieldStrength, spacetimeInterval } from './relativity.ts';
import type { Experiment } from './types.ts';

export const experiments: readonly Experiment[] = [
  matrix2x2Trace,
  matrix2x2Det,
  matrix3x3Trace,
  matrix3x3SkewMinors,
  matrix4x4Trace,
  fieldStrength,
  oscillatorHarmonic,
  oscillatorPoly,
  oscillatorSin,
  oscillatorExp,
  centralPotential,
  spacetimeInterval,
  classifierA,
  classifierA1,
  classifierB,
  classifierC,
  classifierD,
  classifierE,
  classifierF,
  classifierG,
  matrix2x2Similarity,
];

const byId = new Map(experiments.map((e) => [e.id, e]));

/** The experiment with this id, or undefined for an unknown id. */
export function findExperiment(id: string): Experiment | undefined {
  return byId.get(id);
}

/** All ids, in catalogue order. */
export const experimentIds: readonly string[] = experiments.map((e) => e.id);
