// A law written as a formula over named inputs, each sampled uniformly on its own range, as an
// experiment the search and its check can take: a latent concept whose simplest known form is the
// formula as written (lenient: it is not always the smallest way to write the law).

import type { Rng } from '../src/core/rng.ts';
import { emptyColumns, parseTruth, type Columns, type Experiment } from '../src/experiments/types.ts';

/** A formula over `variables`, each sampled uniformly on its range, in the same order. */
export interface BoxLaw {
  readonly variables: readonly string[];
  readonly ranges: readonly (readonly [number, number])[];
  readonly formula: string;
}

export function boxExperiment(id: string, title: string, { variables, ranges, formula }: BoxLaw): Experiment {
  return {
    id,
    kind: 'latent',
    title,
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
