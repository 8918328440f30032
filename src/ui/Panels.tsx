// The grid of live panels under the stepper; each shows its picture once its stage has data.
import { appStore, useApp } from '../state/store.ts';
import type { Hideable } from '../state/viewUrl.ts';
import { CandidateTable } from './CandidateTable.tsx';
import { ExportButtons } from './ExportButtons.tsx';
import { PanelBoundary } from './PanelBoundary.tsx';
import { LiveVerdict, Verdict } from './Verdict.tsx';
import { LatentPanel } from './LatentPanel.tsx';
import { Equation } from './Equation.tsx';
import { LossChart, NeuronChart, ParetoChart, PlaneChart, VerifyChart } from './plots/index.ts';
import { followedText } from '../pipeline/report.ts';

/** A panel; charts carry their own caption, so only the others show `title` as a heading. */
function Panel({
  name,
  title,
  heading = false,
  wide = false,
  children,
}: {
  /** Its name in a link's `hide=`. */
  name: Hideable;
  title: string;
  heading?: boolean;
  /** Spans the whole grid (the candidate table: long equations need the room). */
  wide?: boolean;
  children: React.ReactNode;
}) {
  const hidden = useApp((s) => s.hidden.includes(name));
  const lecture = useApp((s) => s.lecture);
  const enlarged = useApp((s) => s.enlarged === name);
  if (hidden) return null;
  const classes = ['card', 'panel', ...(wide ? ['wide'] : []), ...(enlarged ? ['enlarged'] : [])];
  return (
    <section className={classes.join(' ')} aria-label={title}>
      {lecture && (
        <button
          type="button"
          className="enlarge"
          onClick={() => appStore.setState({ enlarged: enlarged ? null : name })}
        >
          {enlarged ? 'Close' : 'Show large'}
        </button>
      )}
      {heading && <h3>{title}</h3>}
      <PanelBoundary name={`the ${title.toLowerCase()}`}>{children}</PanelBoundary>
    </section>
  );
}

const Waiting = ({ stage }: { stage: string }) => (
  <p className="placeholder">Appears with the {stage} stage.</p>
);

export function Panels() {
  const run = useApp((s) => s.run);
  const large = useApp((s) => s.lecture);
  const revealTruth = useApp((s) => s.revealTruth || !s.lecture);
  const { training, neuron, plane, search, verify, gradients } = run;
  const hideExports = useApp((s) => s.hidden.includes('exports'));
  const paretoBars = useApp((s) => s.paretoBars);
  const searching = run.stages.search === 'running' || run.stages.search === 'paused';
  return (
    <div className="panels">
      <Panel name="training" title="Training loss">
        {training ? (
          <>
            <LossChart
              epochs={training.epochs}
              train={training.train}
              validation={training.validation}
              large={large}
            />
            {training.second && (
              <p className="hint">
                Second network, for checking the pick: epoch {training.second.epoch} of at most{' '}
                {training.second.epochs}
              </p>
            )}
          </>
        ) : (
          <Waiting stage="training" />
        )}
      </Panel>
      <Panel name="neuron" title="Neuron against the ground truth">
        {neuron && revealTruth ? (
          <NeuronChart
            neuron={neuron.neuron}
            truth={neuron.truth}
            {...(training?.pearson !== undefined ? { pearson: training.pearson } : {})}
            {...(training?.spearman !== undefined ? { spearman: training.spearman } : {})}
            large={large}
          />
        ) : (
          <Waiting stage="training" />
        )}
      </Panel>
      {plane && (
        <Panel name="plane" title="Input plane" wide>
          <PlaneChart {...plane} large={large} />
        </Panel>
      )}
      <Panel name="front" title="Pareto front">
        {search ? (
          <>
            <ParetoChart
              front={search.front}
              {...(search.pickComplexity !== undefined ? { pickComplexity: search.pickComplexity } : {})}
              large={large}
              style={paretoBars ? 'bars' : 'step'}
            />
            <label className="toggle hint">
              <input
                type="checkbox"
                checked={paretoBars}
                onChange={(e) => appStore.setState({ paretoBars: e.target.checked })}
              />{' '}
              As the papers drew it (a bar per complexity, the chosen equation marked)
            </label>
          </>
        ) : (
          <Waiting stage="search" />
        )}
        {gradients && (
          <p className="hint">
            {gradients.points} gradient points
            {gradients.outsideBand > 0 ? `, ${gradients.outsideBand} outside the band` : ''}
            {gradients.flatDirections > 0 ? `, ${gradients.flatDirections} flat directions removed` : ''}
            {gradients.quality !== undefined && revealTruth
              ? `, quality ${gradients.quality.toFixed(4)}`
              : ''}
            {gradients.known && revealTruth ? (
              <span data-known-followed>
                ; against each known concept: {followedText(gradients.known, 4)}
              </span>
            ) : null}
          </p>
        )}
      </Panel>
      <Panel name="candidates" title="Candidates" heading wide>
        <CandidateTable />
        {!hideExports && <ExportButtons />}
      </Panel>
      <Panel name="verification" title="Verification" heading>
        {verify && revealTruth ? (
          <>
            <Verdict verify={verify} />
            <VerifyChart
              pick={verify.pick}
              truth={verify.truth}
              meanAbsCos={verify.check.meanAbsCos}
              large={large}
            />
          </>
        ) : searching && run.liveCheck && revealTruth ? (
          <LiveVerdict live={run.liveCheck} patienceRounds={search?.patienceRounds} />
        ) : run.stages.verify === 'done' && run.result?.best && !run.result.check ? (
          <div className="verdict unchecked" data-verdict="unchecked">
            <p>
              The pick is <Equation latex={run.result.best.latex} /> (size {run.result.best.complexity}, loss{' '}
              {run.result.best.loss.toExponential(3)}).
            </p>
            <p className="hint">Nothing was checked: your data has no ground truth to check it against.</p>
          </div>
        ) : (
          <Waiting stage="verify" />
        )}
      </Panel>
      {run.latent && (
        <Panel name="latent" title="Latent space" heading wide>
          <LatentPanel latent={run.latent} />
        </Panel>
      )}
    </div>
  );
}
