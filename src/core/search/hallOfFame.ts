// The hall of fame keeps the best candidate found at each complexity (priced on all points); the
// Pareto front is its members that beat every simpler one, and the pick follows PySR's score rule.

import type { Expr } from '../expr/types.ts';

export interface FrontEntry {
  tree: Expr;
  complexity: number;
  /** Loss on all points. */
  loss: number;
  /** PySR's score: the drop of log(loss) per unit of complexity from the previous front entry. */
  score: number;
  /** Loss on the gradients the pick was made on: held-out points, or a second set. */
  validationLoss?: number;
}

/**
 * Losses below this are round-off: a numerically exact match can land anywhere under it, so
 * differences there must not steer the pick.
 */
export const LOSS_FLOOR = 1e-12;

export class HallOfFame {
  /** Best entry by complexity. */
  private readonly best = new Map<number, { tree: Expr; loss: number }>();

  /** Keeps `tree` if it beats the entry of its complexity; returns whether it did. */
  offer(tree: Expr, complexity: number, loss: number): boolean {
    if (!Number.isFinite(loss)) return false;
    const held = this.best.get(complexity);
    if (held && held.loss <= loss) return false;
    this.best.set(complexity, { tree, loss });
    return true;
  }

  /** Entries ordered by complexity, for migration and display. */
  entries(): { tree: Expr; complexity: number; loss: number }[] {
    return [...this.best.entries()]
      .sort(([a], [b]) => a - b)
      .map(([complexity, { tree, loss }]) => ({ tree, complexity, loss }));
  }

  /** The Pareto front, scored. */
  front(): FrontEntry[] {
    return paretoFront(this.entries());
  }
}

/** Entries strictly better than every simpler one, with their scores. */
export function paretoFront(
  entries: readonly { tree: Expr; complexity: number; loss: number }[],
): FrontEntry[] {
  const sorted = [...entries].sort((a, b) => a.complexity - b.complexity);
  const front: FrontEntry[] = [];
  for (const entry of sorted) {
    const previous = front[front.length - 1];
    if (previous && entry.loss >= previous.loss) continue;
    const score = previous
      ? -(Math.log(Math.max(entry.loss, LOSS_FLOOR)) - Math.log(Math.max(previous.loss, LOSS_FLOOR))) /
        (entry.complexity - previous.complexity)
      : 0;
    front.push({ ...entry, score });
  }
  return front;
}

/**
 * PySR's "best": the highest score among entries within `lossFactor` (PySR: 1.5) of the lowest
 * loss, floored at round-off. `plausible`, where given, narrows those entries further (the final
 * pick passes the significance test of `polishFront`); none left, no pick.
 */
export function pickBest(
  front: readonly FrontEntry[],
  lossFactor: number,
  plausible: (entry: FrontEntry) => boolean = () => true,
): FrontEntry | undefined {
  if (front.length === 0) return undefined;
  const lowest = Math.max(Math.min(...front.map((e) => e.loss)), LOSS_FLOOR);
  const eligible = front.filter((e) => Math.max(e.loss, LOSS_FLOOR) <= lossFactor * lowest && plausible(e));
  if (eligible.length === 0) return undefined;
  return eligible.reduce((best, e) => (e.score > best.score ? e : best));
}
