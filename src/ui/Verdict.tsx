// The verdict on the equation being verified, in words a lecture audience reads: the law, a
// look-alike (it fits the sampled box, it is not the law) or wrong; with the tier of the gradient
// check and whether the equation is in its simplest form.
import type { Verdict as VerdictName } from '../pipeline/report.ts';
import type { VerifyView } from '../state/store.ts';
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

export function Verdict({ verify }: { verify: VerifyView }) {
  const { check } = verify;
  return (
    <div
      className={`verdict ${check.verdict}`}
      data-verdict={check.verdict}
      data-tier={check.tier}
      {...(check.invariant === undefined ? {} : { 'data-invariant': check.invariant })}
    >
      <p>
        <Equation latex={verify.latex} />{' '}
        {check.invariant === undefined
          ? sentence[check.verdict]
          : `recovers ${check.invariant}, another quantity the system keeps (the one sought is ${verify.sought ?? 'another'})`}
      </p>
      <p className="hint">
        {tierText[check.tier]} (mean |cos| {check.meanAbsCos.toFixed(5)}, oriented{' '}
        {check.orientedCos.toFixed(5)}); {check.simplestForm ? 'in' : 'not in'} its simplest form (
        <code>{verify.simplest}</code> plus at most one constant).
      </p>
    </div>
  );
}
