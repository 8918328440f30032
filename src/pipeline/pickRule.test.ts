import { describe, expect, it } from 'vitest';
import { Rng } from '../core/rng.ts';
import { parseExpression } from '../core/expr/parse.ts';
import { toInfix } from '../core/expr/print.ts';
import type { Expr } from '../core/expr/types.ts';
import { exactGradients, normalizeGradients } from '../core/eval/gradients.ts';
import { defaultSearchOptions } from '../core/search/options.ts';
import { paretoFront } from '../core/search/hallOfFame.ts';
import { Fitness, type SearchData } from '../core/search/fitness.ts';
import { polishFront } from '../core/search/polish.ts';
import { NETWORK_PICK_RULE } from './pickRule.ts';

const names = ['x', 'v'];
const parse = (text: string): Expr => {
  const r = parseExpression(text, names);
  if (!r.ok) throw new Error(r.error.message);
  return r.expr;
};

/** Gradients of `learned` at fresh points: a network's, which learned the concept with an error. */
function network(learned: string, seed: number, points = 200): SearchData {
  const rng = new Rng(seed);
  const x = names.map(() => Float64Array.from({ length: points }, () => rng.uniform(-1.5, 1.5)));
  const unit = normalizeGradients(x, exactGradients(parse(learned), x));
  return { variables: names, x: unit.x, target: { kind: 'gradient', t: unit.t } };
}

describe('the pick on gradients of trained networks', () => {
  // Both networks learned the same smooth error (0.02 sin 2x) beside one of their own; a term
  // that fits the shared one lowers the loss on the second network too.
  const first = network('square(v) + square(x) + 0.02 * sin(2 * x) + 0.08 * x * v', 1);
  const second = network('square(v) + square(x) + 0.02 * sin(2 * x) - 0.08 * x * v', 2);
  const fitness = new Fitness(first, true);
  const front = paretoFront(
    [
      { text: 'v', complexity: 1 },
      { text: 'square(v) + square(x)', complexity: 5 },
      { text: 'square(v) + square(x) + 0.02 * sin(2 * x)', complexity: 11 },
    ].map(({ text, complexity }) => ({ tree: parse(text), complexity, loss: fitness.fullLoss(parse(text)) })),
  );
  const pickWith = async (rule: Partial<typeof NETWORK_PICK_RULE>) => {
    const { best, front: priced } = await polishFront(
      front,
      first,
      { ...defaultSearchOptions, ...rule },
      undefined,
      second,
    );
    return { pick: best && toInfix(best.tree, names), priced };
  };

  it('reaches past the terms that fit the error the networks share', async () => {
    const { pick, priced } = await pickWith(NETWORK_PICK_RULE);
    const [concept, fitted] = [priced[1]!.validationLoss!, priced[2]!.validationLoss!];
    // The premise: on the second network the concept is well outside PySR's 1.5x window...
    expect(concept / fitted).toBeGreaterThan(1.5);
    expect((await pickWith({ pickLossFactor: 1.5 })).pick).toBe('square(v) + square(x) + 0.02 * sin(2 * x)');
    // ...and the concept's own terms drop the loss far more steeply than the fitted term does.
    expect(pick).toBe('square(v) + square(x)');
  });

  it('passes over a simpler candidate that misses a term, which only the fitted points see', async () => {
    // The concept v^2 + 2 sin x; the small second set leans towards cos v (an error of its own),
    // which the look-alike cos v - sin x follows.
    const fitted = network('square(v) + 2 * sin(x) + 0.02 * sin(2 * x * v)', 3);
    const small = network('square(v) + 2 * sin(x) + 0.2 * cos(v)', 4, 40);
    const onFitted = new Fitness(fitted, true);
    const candidates = paretoFront(
      [
        { text: 'v', complexity: 1 },
        { text: 'cos(v) - sin(x)', complexity: 5 },
        { text: 'square(v) + 2 * sin(x)', complexity: 7 },
        { text: 'square(v) + 2 * sin(x) + 0.05 * x * v', complexity: 13 },
      ].map(({ text, complexity }) => ({
        tree: parse(text),
        complexity,
        loss: onFitted.fullLoss(parse(text)),
      })),
    );
    const pick = async (pickWindowOnFitted: boolean) => {
      // Every operator costs 1, as the complexities above count them: the look-alike is the simpler.
      const options = {
        ...defaultSearchOptions,
        ...NETWORK_PICK_RULE,
        operatorComplexity: {},
        pickWindowOnFitted,
      };
      const { best, front: priced } = await polishFront(candidates, fitted, options, undefined, small);
      return { pick: best && toInfix(best.tree, names), priced };
    };
    const { pick: chosen, priced } = await pick(true);
    // The premise: the look-alike is within the window on the small set, far out of it on the fitted.
    const [lookAlike, lowestFitted, lowestSmall] = [
      priced[1]!,
      Math.min(...priced.map((e) => e.loss)),
      Math.min(...priced.map((e) => e.validationLoss!)),
    ];
    expect(lookAlike.validationLoss! / lowestSmall).toBeLessThan(NETWORK_PICK_RULE.pickLossFactor);
    expect(lookAlike.loss / lowestFitted).toBeGreaterThan(2 * NETWORK_PICK_RULE.pickLossFactor);
    expect((await pick(false)).pick).toBe('cos(v) - sin(x)');
    expect(chosen).toBe('square(v) + 2 * sin(x)');
  });
});
