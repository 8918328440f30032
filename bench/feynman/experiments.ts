// The AI Feynman equations (./equations.ts) as experiments the search and its check can take:
// latent concepts, each variable sampled uniformly on the list's range. The simplest known form
// is the formula as the list writes it, which is not always the smallest way to write it (e.g.
// `(h/(2*pi))^2` where one constant would do), so the simplest-form mark is lenient here.

import type { Rng } from '../../src/core/rng.ts';
import { emptyColumns, parseTruth, type Columns, type Experiment } from '../../src/experiments/types.ts';
import { FEYNMAN_EQUATIONS, type FeynmanEquation } from './equations.ts';

/** The experiment id of an equation of the list: `feynman-I.12.1`. */
export const feynmanExperimentId = (id: string): string => `feynman-${id}`;

export function feynmanExperiment(equation: FeynmanEquation): Experiment {
  const { variables, ranges, formula } = equation;
  return {
    id: feynmanExperimentId(equation.id),
    kind: 'latent',
    title: equation.id,
    teaching: '',
    variables,
    truthText: formula,
    truth: parseTruth(formula, variables),
    simplestForm: formula,
    sample(rng: Rng, n: number): Columns {
      const columns = emptyColumns(variables.length, n);
      for (let i = 0; i < n; i++) {
        ranges.forEach(([lo, hi], j) => {
          columns[j]![i] = rng.uniform(lo, hi);
        });
      }
      return columns;
    },
  };
}

/** The equations of the list with these ids (all of them without), in the list's order. */
export function feynmanEquations(ids?: readonly string[]): FeynmanEquation[] {
  return FEYNMAN_EQUATIONS.filter((e) => !ids || ids.includes(e.id));
}
