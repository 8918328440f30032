// A live progress line on a terminal: rewritten in place after every round, silent when the
// output is not a terminal (logs and pipes get only the final summary).

import type { SearchProgress } from '../core/search/search.ts';
import type { TrainProgress } from '../pipeline/trainStage.ts';

export function progressLine(p: SearchProgress): string {
  const lowest = p.front.length > 0 ? Math.min(...p.front.map((e) => e.loss)) : NaN;
  const rate = p.elapsedSeconds > 0 ? Math.round(p.evaluations / p.elapsedSeconds) : 0;
  return [
    `round ${p.round}`,
    `best loss ${lowest.toExponential(2)}`,
    `front ${p.front.length}`,
    `pick unchanged for ${p.round - (p.pickChanges.at(-1) ?? 0)} rounds`,
    `${rate.toLocaleString('en-US')} evals/s`,
    `${p.elapsedSeconds.toFixed(1)} s`,
  ].join(' · ');
}

export function terminalProgress(stream: NodeJS.WriteStream): {
  update(p: SearchProgress): void;
  done(): void;
} {
  if (!stream.isTTY) return { update: () => undefined, done: () => undefined };
  return {
    update: (p) => stream.write(`\r\x1b[2K${progressLine(p)}`),
    done: () => stream.write('\r\x1b[2K'),
  };
}

export function epochLine(p: TrainProgress, epochs: number): string {
  const parts = [
    `epoch ${p.epoch}/${epochs}`,
    `loss ${p.trainLoss.toFixed(4)}`,
    `validation ${p.validationLoss.toFixed(4)}`,
    `lr ${p.learningRate.toPrecision(2)}`,
  ];
  if (p.spearman !== undefined) parts.push(`spearman ${p.spearman.toFixed(4)}`);
  return parts.join(' · ');
}

/** The training's progress line after `label`, rewritten after each epoch; silent off a terminal. */
export function terminalTrainingProgress(stream: NodeJS.WriteStream, epochs: number, label = '') {
  if (!stream.isTTY) return { update: (_: TrainProgress) => undefined, done: () => undefined };
  return {
    update: (p: TrainProgress) => void stream.write(`\r\x1b[2K${label}${epochLine(p, epochs)}`),
    done: () => void stream.write('\r\x1b[2K'),
  };
}
