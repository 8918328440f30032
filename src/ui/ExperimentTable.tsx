// The experiment catalogue as a table: id, kind, inputs in the papers' order, ground truth as infix.
import { toInfix } from '../core/expr/print.ts';
import type { Experiment } from '../experiments/index.ts';

export interface ExperimentTableProps {
  readonly experiments: readonly Experiment[];
}

export function ExperimentTable({ experiments }: ExperimentTableProps) {
  return (
    <table className="catalogue">
      <thead>
        <tr>
          <th scope="col">id</th>
          <th scope="col">kind</th>
          <th scope="col">inputs</th>
          <th scope="col">ground truth</th>
        </tr>
      </thead>
      <tbody>
        {experiments.map((experiment) => (
          <tr key={experiment.id} data-experiment-id={experiment.id} title={experiment.title}>
            <td>
              <code>{experiment.id}</code>
            </td>
            <td>{experiment.kind}</td>
            <td>{experiment.variables.join(', ')}</td>
            <td>
              <code>{toInfix(experiment.truth, experiment.variables)}</code>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
