// The verdict on the equation being verified, in words a lecture audience reads: the law, a
// look-alike (it fits the sampled box, it is not the law) or wrong; with the tier of the gradient
// check and whether the equation is in its simplest form.
import type { Verdict as VerdictName } from '../pipeline/report.ts';
import type { LiveCheck, VerifyView } from '../state/store.ts';
import { EXACT_COS } from '../pipeline/verify.ts';
import { Equation } from './Equation.tsx';

const sentence: Record<VerdictName, string> = {
  recovers: 'recovers the ground truth',
  'look-alike': 'is a look-alike: it fits the data, but it is not the law',
  wrong: 'does not recover the ground truth',
};

const tierText = {
  exact:
    'exact: its gradients agree with the truth’s to mean |cos| ≥ 0.99999, with one orientation, in and beyond the sampled range',
  approximate: 'approximate: mean |cos| ≥ 0.999 within the sampled range, but not exact',
  wrong: 'wrong: mean |cos| below 0.999',
};

/** Whether refitting an approximate pick's constants to the truth makes it the law, in words. */
function refitText(refitCos: number): string {
  return refitCos >= EXACT_COS
    ? `with its constants refitted to the truth it is exact (oriented ${refitCos.toFixed(5)}): the law with fitted constants`
    : `no constants make it exact (refitted to the truth, oriented ${refitCos.toFixed(5)}): its form is not the law's`;
}

/** The verdict in words; where the data holds several known concepts, which one the equation encodes. */
function verdictSentence({ check, sought, others, othersAre }: VerifyView): string {
  if (check.invariant !== undefined)
    return `recovers ${check.invariant}, ${othersAre ?? 'another known concept'} (the one sought is ${sought ?? 'another'})`;
  if (sought === undefined || others === undefined) return sentence[check.verdict];
  if (check.verdict === 'recovers') return `recovers ${sought}, the one sought`;
  if (check.mixture !== undefined)
    return `${sentence[check.verdict]}: it is a mixture of the known ones, a function of ${[sought, ...others].join(' and ')} together (its gradients lie in the span of theirs, mean ${check.mixture.toFixed(5)}), none of them alone`;
  return `${sentence[check.verdict]}: none of the known ones (${[sought, ...others].join('; ')})`;
}

export function Verdict({ verify }: { verify: VerifyView }) {
  const { check } = verify;
  return (
    <div
      className={`verdict ${check.verdict}`}
      data-verdict={check.verdict}
      data-tier={check.tier}
      {...(check.invariant === undefined ? {} : { 'data-invariant': check.invariant })}
      {...(check.mixture === undefined ? {} : { 'data-mixture': check.mixture.toFixed(5) })}
    >
      <p>
        <Equation latex={verify.latex} /> {verdictSentence(verify)}
      </p>
      <p className="hint">
        {tierText[check.tier]} (mean |cos| {check.meanAbsCos.toFixed(5)}, oriented{' '}
        {check.orientedCos.toFixed(5)}); {check.simplestForm ? 'in' : 'not in'} its simplest form (
        <code>{verify.simplest}</code> plus at most one constant)
        {check.refitCos === undefined ? '.' : `; ${refitText(check.refitCos)}.`}
      </p>
    </div>
  );
}

/** The search's pick so far and its check, while the search goes on to settle it. */
export function LiveVerdict({
  live,
  patienceRounds,
}: {
  live: LiveCheck;
  patienceRounds?: number | undefined;
}) {
  const { check } = live;
  const settles = patienceRounds === undefined ? 'settles' : `has kept its pick for ${patienceRounds} rounds`;
  return (
    <div className={`live-verdict ${check.verdict}`} data-verdict={check.verdict} data-latex={live.latex}>
      <p>
        The pick so far, <Equation latex={live.latex} />,{' '}
        {check.invariant === undefined
          ? sentence[check.verdict]
          : `recovers ${check.invariant}, another concept this data holds`}{' '}
        ({check.tier}, {check.simplestForm ? 'in' : 'not in'} its simplest form).
      </p>
      <p className="hint">
        Checked as soon as it showed. The search goes on until it {settles}; the verification then confirms
        its final pick.
      </p>
    </div>
  );
}
