// How a front's entries read in the candidate table. A live front that reads the same as the one
// shown keeps the shown array, so the table and the Pareto chart are not redrawn for nothing.
import type { ResultEntry } from '../pipeline/report.ts';

export const lossText = (loss: number): string => loss.toExponential(2);
export const scoreText = (score: number): string => score.toFixed(3);

/** Whether `next` reads the same as `shown`: the same equations, losses and scores as printed. */
export function readsTheSame(shown: readonly ResultEntry[], next: readonly ResultEntry[]): boolean {
  return (
    shown.length === next.length &&
    shown.every((entry, i) => {
      const other = next[i]!;
      return (
        entry.complexity === other.complexity &&
        entry.latex === other.latex &&
        lossText(entry.loss) === lossText(other.loss) &&
        scoreText(entry.score) === scoreText(other.score)
      );
    })
  );
}
