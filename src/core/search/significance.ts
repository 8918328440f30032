// Whether one candidate's extra loss over another is more than the points' scatter explains. The
// losses are compared point by point on the same points, so what is shared (noise in the target,
// a network's error) cancels, and what is left is the candidate's own misfit.

import { mean, sampleStandardDeviation } from 'simple-statistics';

/**
 * True when the mean of `losses - reference` exceeds `standardErrors` standard errors of that
 * mean: the candidate misses something the reference explains, beyond what chance would give.
 */
export function significantlyWorse(
  losses: Float64Array,
  reference: Float64Array,
  standardErrors: number,
): boolean {
  const differences = Array.from(losses, (loss, i) => loss - (reference[i] as number));
  if (differences.length < 2) return false;
  const excess = mean(differences);
  const standardError = sampleStandardDeviation(differences) / Math.sqrt(differences.length);
  return excess > standardErrors * standardError;
}
