// A user's tables as a run's source. A labelled table: a classifier trained on a seeded 80/20
// split of its rows, its gradients taken at the held-out rows (at every row, for a network loaded
// instead of trained). Points for a network of the user's own: its gradients at every row. There
// is no truth, so nothing is checked.

import type { LabelledTable, PointsTable } from '../core/io/labelledCsv.ts';
import type { GradientSet } from '../core/io/gradientFile.ts';
import { labelledData } from './dataStage.ts';
import type { RunSource } from './runInputs.ts';

export function labelledTableSource(table: LabelledTable, input: Record<string, string>): RunSource {
  return {
    variables: table.variables,
    kind: 'classifier',
    input,
    experiment: null,
    data: (train, seed) => labelledData(table.x, table.y, train.validationFraction, seed),
    points: (_, data) => {
      if (!data || data.kind !== 'classifier') return table.x;
      const { values, count, width } = data.validation.x;
      return Array.from({ length: width }, (_, j) =>
        Float64Array.from({ length: count }, (_, i) => values[i * width + j] as number),
      );
    },
  };
}

/**
 * Points of a network of the user's own as a run's source: its gradients are taken at every row;
 * nothing is trained (the network is given to the run), and there is no truth.
 */
export function pointsSource(
  points: PointsTable,
  kind: RunSource['kind'],
  input: Record<string, string>,
): RunSource {
  return {
    variables: points.variables,
    kind,
    input,
    experiment: null,
    data: () => {
      throw new Error('a network of your own is not trained here');
    },
    points: () => points.x,
  };
}

/** A user's gradient file as a run's source: searched as it is; no data, no network, no truth. */
export function gradientFileSource(gradients: GradientSet, file: string): RunSource {
  const none = (): never => {
    throw new Error('a gradient file is searched as it is: there is no data to draw or network to read');
  };
  return {
    variables: gradients.variables,
    kind: 'latent',
    input: { gradients: file },
    experiment: null,
    data: none,
    points: none,
  };
}
