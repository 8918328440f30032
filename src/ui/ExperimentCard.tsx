// The chosen experiment: its title, teaching text, inputs and ground truth (hidden in lecture
// mode until revealed, so an audience can guess the law first).
import { toLatex } from '../core/expr/print.ts';
import type { Experiment } from '../experiments/types.ts';
import { Equation } from './Equation.tsx';

export function ExperimentCard({ experiment, showTruth }: { experiment: Experiment; showTruth: boolean }) {
  return (
    <section className="card experiment-card">
      <h2>{experiment.title}</h2>
      <p>{experiment.teaching}</p>
      <p className="inputs">
        Inputs:{' '}
        <Equation
          latex={experiment.variables
            .map((v) =>
              toLatex({ kind: 'var', index: experiment.variables.indexOf(v) }, experiment.variables),
            )
            .join(',\\ ')}
        />
      </p>
      <p className="truth">
        Ground truth:{' '}
        {showTruth ? (
          <Equation latex={toLatex(experiment.truth, experiment.variables)} />
        ) : (
          <span className="hidden-truth">hidden until revealed</span>
        )}
      </p>
    </section>
  );
}
