// The AI Feynman equations (./equations.ts) as experiments the search and its check can take:
// latent concepts, each variable sampled uniformly on the list's range. The simplest known form
// is the formula as the list writes it, which is not always the smallest way to write it (e.g.
// `(h/(2*pi))^2` where one constant would do), so the simplest-form mark is lenient here.

import type { Experiment } from '../../src/experiments/types.ts';
import { boxExperiment } from '../boxExperiment.ts';
import { FEYNMAN_EQUATIONS, type FeynmanEquation } from './equations.ts';

/** The experiment id of an equation of the list: `feynman-I.12.1`. */
export const feynmanExperimentId = (id: string): string => `feynman-${id}`;

export const feynmanExperiment = (equation: FeynmanEquation): Experiment =>
  boxExperiment(feynmanExperimentId(equation.id), equation.id, equation);

/** The equations of the list with these ids (all of them without), in the list's order. */
export function feynmanEquations(ids?: readonly string[]): FeynmanEquation[] {
  return FEYNMAN_EQUATIONS.filter((e) => !ids || ids.includes(e.id));
}
