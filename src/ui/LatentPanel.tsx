// A latent space of several neurons, read as a whole: how many independent concepts its neurons'
// gradients span (the rank report), and an equation for each, with its check; in lecture mode,
// the idea in one paragraph and one formula.
import type { LatentView } from '../state/store.ts';
import { useApp } from '../state/store.ts';
import { Equation } from './Equation.tsx';
import { LatentChart } from './plots/index.ts';
import { knownInSpanText, type EntryCheck } from '../pipeline/report.ts';

const SUBSPACE_TEXT =
  'However the network mixes its concepts into its neurons, at every point their gradients span ' +
  'the directions in which those concepts change. So we count the independent directions (the ' +
  'rank of the neurons’ gradients), then search for the simplest equation whose gradient lies in ' +
  'that span, then for the next whose gradient leaves the span of those found, until the span is ' +
  'explained.';

const SUBSPACE_FORMULA =
  '\\mathcal{L}(e) = \\frac{1}{N}\\sum_i \\Bigl(2 - 2\\,\\Bigl|P_i \\frac{\\nabla e(x_i)}{|\\nabla e(x_i)|}\\Bigr|\\Bigr), \\quad P_i = \\text{projection onto } \\operatorname{span}\\{\\nabla f_1(x_i), \\dots, \\nabla f_k(x_i)\\}';

/** What a concept's check says, in words. */
function checkText(check: EntryCheck | undefined, sought: string | undefined, revealTruth: boolean): string {
  if (!check) return 'not checked: no ground truth is known';
  if (!revealTruth) return 'checked when the truth is revealed';
  if (check.verdict !== 'recovers') return `${check.verdict} (${check.tier}): none of the known concepts`;
  return `recovers ${check.invariant ?? sought ?? 'the ground truth'} (${check.tier})`;
}

export function LatentPanel({ latent }: { latent: LatentView }) {
  const lecture = useApp((s) => s.lecture);
  const revealTruth = useApp((s) => s.revealTruth || !s.lecture);
  const { size, rank, singularValues, tolerance, known, concepts, searching, scatter, sought } = latent;
  return (
    <div className="latent-space" data-rank={rank}>
      <p>
        This latent space of {size} neurons holds <strong>{rank}</strong> independent concept
        {rank === 1 ? '' : 's'}.
      </p>
      <p className="hint">
        Relative singular values of the neurons’ gradients (median over the points; a concept counts from{' '}
        {tolerance}):{' '}
        <span className="singular-values">{singularValues.map((v) => v.toFixed(3)).join(', ')}</span>
      </p>
      {known && revealTruth && (
        <p className="hint span-holds">
          How much of each known concept their span holds (the mean length of its unit gradient in the span, 1
          = all of it; a concept held only in part can lose to a look-alike that follows the span more
          closely): <span className="known-in-span">{knownInSpanText(known, 4)}</span>
        </p>
      )}
      <ol className="concepts">
        {concepts.map((concept, i) => (
          <li key={i} data-verdict={concept.check?.verdict ?? 'unchecked'}>
            <Equation latex={concept.latex} />{' '}
            <span className="hint">
              (size {concept.complexity}, loss {concept.loss.toExponential(2)}):{' '}
              {checkText(concept.check, sought, revealTruth)}
            </span>
          </li>
        ))}
        {searching && <li className="hint">Searching the span for concept {concepts.length + 1}…</li>}
      </ol>
      {scatter &&
        scatter.concepts.map((values, i) => (
          <LatentChart key={i} concept={values} neurons={scatter.neurons} index={i + 1} large={lecture} />
        ))}
      {lecture && (
        <div className="lecture-note">
          <p>{SUBSPACE_TEXT}</p>
          <Equation latex={SUBSPACE_FORMULA} display />
        </div>
      )}
    </div>
  );
}
