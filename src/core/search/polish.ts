// A last pass over the final front. Each entry's constants are tuned on all points for longer
// than the search can afford, then written with as few significant digits as the data supports
// (`1.9999998804` becomes `2` when that costs no loss), since the loss cannot tell them apart.
// The front and the pick are then rebuilt from the polished entries.

import type { Expr, Operator } from '../expr/types.ts';
import { simplify } from '../expr/simplify.ts';
import { tidySigns } from '../expr/signs.ts';
import { complexity } from '../expr/complexity.ts';
import { constantSteps } from './constants.ts';
import { Fitness, type SearchData } from './fitness.ts';
import { LOSS_FLOOR, paretoFront, pickBest, type FrontEntry } from './hallOfFame.ts';
import { complexityWeights } from './island.ts';
import type { SearchOptions } from './options.ts';
import { significantlyWorse } from './significance.ts';
import { constantsOf, withConstants } from './tree.ts';

const POLISH_ITERATIONS = 100;
/** A rounded constant is kept when the loss grows by at most this factor (or stays round-off)... */
const ROUNDING_TOLERANCE = 1.001;
/**
 * ...or by no more than this many standard errors of its growth, point by point: with noise in
 * the gradients, -0.98 / d1 - n / d2 and -1 / d1 - n / d2 fit equally well, and the data
 * supports no more digits than that. On exact gradients every point agrees that the rounded
 * constant is worse, and this test changes nothing.
 */
const ROUNDING_STANDARD_ERRORS = 1;

interface Priced {
  tree: Expr;
  loss: number;
}

/** An entry as tuned, before any rounding, with its loss at each point (priced once, when first asked). */
interface Tuned extends Priced {
  pointLosses: () => Float64Array | null;
}

function tunedEntry(entry: Priced, fitness: Fitness): Tuned {
  let losses: Float64Array | null | undefined;
  return {
    ...entry,
    pointLosses: () => (losses === undefined ? (losses = fitness.pointLosses(entry.tree)) : losses),
  };
}

/**
 * Whether `candidate` (a rounded or simplified `current`) fits as well as the data can tell; the
 * standard errors are counted from `tuned`, the entry before any rounding, so that roundings
 * each within chance cannot add up to a real misfit.
 */
function fitsAsWell(candidate: Priced, current: Priced, tuned: Tuned, fitness: Fitness): boolean {
  if (candidate.loss <= Math.max(current.loss * ROUNDING_TOLERANCE, LOSS_FLOOR)) return true;
  if (!Number.isFinite(candidate.loss)) return false;
  const [mine, reference] = [fitness.pointLosses(candidate.tree), tuned.pointLosses()];
  return (
    mine !== null && reference !== null && !significantlyWorse(mine, reference, ROUNDING_STANDARD_ERRORS)
  );
}

/** Rounds each constant in turn to the fewest significant digits that fit as well (`fitsAsWell`). */
function roundConstants(tuned: Tuned, fitness: Fitness): Priced {
  const { tree } = tuned;
  const values = constantsOf(tree);
  let current: Priced = tuned;
  values.forEach((value, k) => {
    // Zero first: a constant the loss cannot see (x2 * (1e-10 - v1)) is then simplified away.
    for (let digits = 0; digits <= 6; digits++) {
      const rounded = digits === 0 ? 0 : Number(value.toPrecision(digits));
      if (rounded === value) break;
      const trial = current.tree === tree ? values.slice() : constantsOf(current.tree);
      trial[k] = rounded;
      const candidate = withConstants(tree, trial);
      const priced = { tree: candidate, loss: fitness.fullLoss(candidate) };
      if (fitsAsWell(priced, current, tuned, fitness)) {
        current = priced;
        break;
      }
    }
  });
  return current;
}

/**
 * `tree` simplified (rounded constants leave `1 * x`, `x + 0`; `a + -1 * b` is `a - b`), where that
 * fits as well.
 */
function simplest(current: Priced, tuned: Tuned, fitness: Fitness, allowed: ReadonlySet<Operator>): Priced {
  const tree = simplify(tidySigns(simplify(current.tree, allowed)), allowed);
  if (tree === current.tree) return current;
  const priced = { tree, loss: fitness.fullLoss(tree) };
  return fitsAsWell(priced, current, tuned, fitness) ? priced : current;
}

/**
 * Polishes every entry, then rebuilds the front and the pick. `between` is awaited after each
 * iteration of an entry's constant tuning and after each entry, so a page can draw in between
 * (the whole pass takes a few hundred milliseconds; `yieldEvery` yields once a slice is long).
 * With `validation` (the same concept's gradients at points the search did not fit: held-out
 * points, or a second, independent network's), the pick is made on the losses there: terms that
 * fit the noise of the fitted points, or one network's error, gain nothing there.
 */
export async function polishFront(
  front: readonly FrontEntry[],
  data: SearchData,
  options: SearchOptions,
  between: () => Promise<void> = () => Promise.resolve(),
  validation?: SearchData,
): Promise<{ front: FrontEntry[]; best: FrontEntry | undefined }> {
  const fitness = new Fitness(data, options.signInvariant);
  const lossOf = (tree: Expr): number => fitness.fullLoss(tree);
  const weights = complexityWeights(options);
  const allowed = new Set<Operator>([...options.binaryOperators, ...options.unaryOperators]);
  const polished: { tree: Expr; complexity: number; loss: number }[] = [];
  for (const entry of front) {
    const steps = constantSteps(entry.tree, entry.loss, lossOf, POLISH_ITERATIONS);
    let step = steps.next();
    for (; !step.done; step = steps.next()) await between();
    const tuned = tunedEntry(step.value, fitness);
    const rounded = simplest(roundConstants(tuned, fitness), tuned, fitness, allowed);
    polished.push({ tree: rounded.tree, complexity: complexity(rounded.tree, weights), loss: rounded.loss });
    await between();
  }
  const rebuilt = paretoFront(polished);
  if (validation) return pickOnValidation(rebuilt, validation, options, between);
  const plausible = notSignificantlyWorse(rebuilt, fitness, options.pickStandardErrors);
  return { front: rebuilt, best: pickBest(rebuilt, options.pickLossFactor, plausible) };
}

/**
 * Each entry priced on the validation gradients, and the pick made on the front those prices
 * give (entries undefined there drop out of it), with the same rule as on the fitted points;
 * with `pickWindowOnFitted`, among entries that are also within the window on the fitted points
 * where any is (the entry lowest on one set need not be within the window on the other).
 * `between` is awaited after each entry's price (a front's prices took 25 ms of a page's thread).
 */
async function pickOnValidation(
  front: readonly FrontEntry[],
  validation: SearchData,
  options: SearchOptions,
  between: () => Promise<void>,
): Promise<{ front: FrontEntry[]; best: FrontEntry | undefined }> {
  const fitness = new Fitness(validation, options.signInvariant);
  const priced: (FrontEntry & { validationLoss: number })[] = [];
  for (const entry of front) {
    priced.push({ ...entry, validationLoss: fitness.fullLoss(entry.tree) });
    await between();
  }
  const onValidation = paretoFront(
    priced
      .filter((entry) => Number.isFinite(entry.validationLoss))
      .map((entry) => ({ tree: entry.tree, complexity: entry.complexity, loss: entry.validationLoss })),
  );
  const plausible = notSignificantlyWorse(onValidation, fitness, options.pickStandardErrors);
  const withinOnFitted = new Set(withinWindow(front, options.pickLossFactor).map((entry) => entry.tree));
  const pick =
    (options.pickWindowOnFitted
      ? pickBest(onValidation, options.pickLossFactor, (e) => withinOnFitted.has(e.tree) && plausible(e))
      : undefined) ?? pickBest(onValidation, options.pickLossFactor, plausible);
  return { front: priced, best: priced.find((entry) => entry.tree === pick?.tree) };
}

/** The entries whose loss is within `factor` of the lowest, floored at round-off. */
function withinWindow(front: readonly FrontEntry[], factor: number): FrontEntry[] {
  const lowest = Math.max(Math.min(...front.map((e) => e.loss)), LOSS_FLOOR);
  return front.filter((e) => Math.max(e.loss, LOSS_FLOOR) <= factor * lowest);
}

/** The entries whose extra loss over the front's lowest is round-off or within chance. */
function notSignificantlyWorse(
  front: readonly FrontEntry[],
  fitness: Fitness,
  standardErrors: number,
): (entry: FrontEntry) => boolean {
  const lowest = front.reduce<FrontEntry | undefined>((a, b) => (a && a.loss <= b.loss ? a : b), undefined);
  const reference = lowest && fitness.pointLosses(lowest.tree);
  return (entry) => {
    if (!lowest || !reference || entry.loss <= lowest.loss + LOSS_FLOOR) return true;
    const losses = fitness.pointLosses(entry.tree);
    return losses !== null && !significantlyWorse(losses, reference, standardErrors);
  };
}
