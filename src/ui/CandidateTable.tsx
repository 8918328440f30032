// The Pareto front as a table: complexity, loss, score, the equation in KaTeX (long ones wrap
// inside the card) and, once verified and where the truth may be shown, each row's verdict and
// simplest-form mark. The automatic pick is marked; any row can be picked by hand and then drives
// the verification view.
import { selectRow } from '../state/driver.ts';
import { useApp } from '../state/store.ts';
import { lossText, scoreText } from '../state/frontShown.ts';
import { Equation } from './Equation.tsx';
import type { EntryCheck, Verdict } from '../pipeline/report.ts';

export function CandidateTable() {
  const search = useApp((s) => s.run.search);
  const selected = useApp((s) => s.selected);
  const checks = useApp((s) => (s.lecture && !s.revealTruth ? undefined : s.run.result?.check?.front));
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
          {checks && <th>check</th>}
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
            <td>{lossText(entry.loss)}</td>
            <td>{scoreText(entry.score)}</td>
            <td className="equation-cell">
              <Equation latex={entry.latex} />
            </td>
            {checks && <CheckCell check={checks.find((c) => c.complexity === entry.complexity)} />}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

const verdictLabel: Record<Verdict, string> = {
  recovers: 'recovers',
  'look-alike': 'look-alike',
  wrong: 'wrong',
};

function CheckCell({ check }: { check: EntryCheck | undefined }) {
  if (!check) return <td>–</td>;
  return (
    <td className={`check ${check.verdict}`} data-verdict={check.verdict}>
      {verdictLabel[check.verdict]} ({check.tier}
      {check.simplestForm ? ', simplest form' : ''}
      {check.refitCos === undefined ? '' : `, refitted ${check.refitCos.toFixed(5)}`})
    </td>
  );
}
