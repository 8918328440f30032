// A user's labelled table as a run's source: a classifier trained on a seeded 80/20 split of its
// rows, its gradients taken at the held-out rows (at every row, for a network loaded instead of
// trained). There is no truth, so nothing is checked.

import type { LabelledTable } from '../core/io/labelledCsv.ts';
import { labelledData } from './dataStage.ts';
import type { RunSource } from './run.ts';

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
