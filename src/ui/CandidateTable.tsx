// The Pareto front as a table: complexity, loss, score and the equation in KaTeX. The automatic
// pick is marked; any row can be picked by hand and then drives the verification view.
import { selectRow } from '../state/driver.ts';
import { useApp } from '../state/store.ts';
import { Equation } from './Equation.tsx';

export function CandidateTable() {
  const search = useApp((s) => s.run.search);
  const selected = useApp((s) => s.selected);
  if (!search) return <p className="placeholder">The candidates appear here while the search runs.</p>;
  const chosen = selected ?? search.pickComplexity;
  return (
    <table className="candidates">
      <thead>
        <tr>
          <th>complexity</th>
          <th>loss</th>
          <th>score</th>
          <th>equation</th>
        </tr>
      </thead>
      <tbody>
        {search.front.map((entry) => (
          <tr
            key={entry.complexity}
            className={[
              entry.complexity === search.pickComplexity ? 'pick' : '',
              entry.complexity === chosen ? 'chosen' : '',
            ].join(' ')}
            onClick={() =>
              void selectRow(entry.complexity === search.pickComplexity ? null : entry.complexity)
            }
            title="pick this equation for the verification"
          >
            <td>{entry.complexity}</td>
            <td>{entry.loss.toExponential(2)}</td>
            <td>{entry.score.toFixed(3)}</td>
            <td>
              <Equation latex={entry.latex} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
