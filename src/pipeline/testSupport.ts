// Shared by the tests of result files: a result JSON as the command line writes it.

import { parseExpression } from '../core/expr/parse.ts';
import { paretoFront } from '../core/search/hallOfFame.ts';
import { defaultSearchOptions } from '../core/search/options.ts';
import { buildResultJson, type ResultJson } from './report.ts';

const variables = ['x', 'v'];
const tree = (text: string) => {
  const parsed = parseExpression(text, variables);
  if (!parsed.ok) throw new Error(parsed.error.message);
  return parsed.expr;
};

/** A result as the command line writes it: the harmonic oscillator's energy picked over x. */
export function writtenResult(): ResultJson {
  const front = paretoFront([
    { tree: tree('x'), complexity: 1, loss: 0.3 },
    { tree: tree('square(x) + square(v)'), complexity: 5, loss: 1e-13 },
  ]);
  return buildResultJson({
    variables: [...variables],
    input: { experiment: 'oscillator-harmonic' },
    seed: 3,
    settings: {
      maxSize: 25,
      // Finite everywhere, so that the file reads back equal (JSON writes Infinity as null).
      resolved: {
        search: structuredClone({ ...defaultSearchOptions, maxRounds: 400 }),
        pickMadeOn: 'held-out points',
      },
    },
    timings: { search_s: 1.5 },
    skippedRows: 0,
    result: {
      round: 4,
      elapsedSeconds: 1.5,
      evaluations: 900,
      front,
      best: front[1],
      pickChanges: [1, 3],
      stopReason: 'threshold',
    },
  });
}
