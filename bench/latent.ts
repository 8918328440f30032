// Latent spaces of several neurons: the systems that keep several quantities (a central potential,
// three; a field strength and a 2x2 matrix under similarity, two) and one that keeps one (the
// harmonic oscillator), each run with the default settings (fast preset, fresh negatives) but a
// latent space of two neurons, recording the rank report and which known quantities the concepts
// read off its span recover; and, for the systems that keep several, a latent space of one
// neuron, recording which quantity its neuron holds and how its gradients follow each.

import { findExperiment } from '../src/experiments/index.ts';
import { followedText, type KnownFollowed, type ResultJson } from '../src/pipeline/report.ts';
import type { KnownInSpan } from '../src/pipeline/latentSpace.ts';
import { runOnce } from './pipeline.ts';
import { independentKnownConcepts } from '../src/pipeline/verify.ts';
import type { SearchSettings } from './recovery.ts';

/** The systems of the benchmark: those that keep several known quantities, then one that keeps one. */
export const LATENT_SYSTEMS = [
  'central-potential',
  'field-strength',
  'matrix-2x2-similarity',
  'oscillator-harmonic',
];

/** What a run held, by name: the known quantity a recovered equation encodes, a mixture of them, or null. */
type Held = string | null;

/** What `Held` says of an equation that is a function of the known quantities together, of none alone. */
export const MIXTURE = 'a mixture of them';

export interface LatentRun {
  experiment: string;
  seed: number;
  latentSize: number;
  /** k > 1: the rank report. */
  rank?: number;
  singularValues?: number[];
  /** k > 1: how much of each known quantity the neurons' span holds (mean length of its unit gradient in it). */
  spanHolds?: KnownInSpan[];
  /** k > 1: for each concept read off the span, its equation and the quantity it recovers. */
  concepts?: { expr: string; verdict: string; tier: string; held: Held }[];
  /** The chosen neuron's pick, and the quantity it recovers. */
  pick: string;
  pickHeld: Held;
  /** How closely the chosen neuron's gradients follow each known quantity, and all of them together. */
  followed?: KnownFollowed;
  totalSeconds: number;
}

/** The known quantity a checked equation recovers, by name (the one sought, or another), or null. */
function heldBy(
  check: { verdict: string; invariant?: string; mixture?: number } | undefined,
  sought: string,
): Held {
  if (check?.mixture !== undefined) return MIXTURE;
  if (check?.verdict !== 'recovers') return null;
  return check.invariant ?? sought;
}

function latentRun(id: string, seed: number, latentSize: number, result: ResultJson): LatentRun {
  const sought = findExperiment(id)?.truthName ?? 'the ground truth';
  const latent = result.gradients?.latent;
  return {
    experiment: id,
    seed,
    latentSize,
    ...(latent ? { rank: latent.rank, singularValues: latent.singularValues } : {}),
    ...(latent?.known ? { spanHolds: latent.known } : {}),
    ...(result.concepts
      ? {
          concepts: result.concepts.map((concept) => ({
            expr: concept.expr,
            verdict: concept.check?.verdict ?? 'unchecked',
            tier: concept.check?.tier ?? 'unchecked',
            held: heldBy(concept.check, sought),
          })),
        }
      : {}),
    pick: result.best?.expr ?? '',
    pickHeld: heldBy(result.check, sought),
    ...(result.gradients?.known ? { followed: result.gradients.known } : {}),
    totalSeconds: result.timings['total_s'] ?? NaN,
  };
}

export async function runLatent(
  seeds: readonly number[],
  search: SearchSettings,
  only: readonly string[] | undefined,
  log: (line: string) => void,
): Promise<LatentRun[]> {
  const runs: LatentRun[] = [];
  const systems = LATENT_SYSTEMS.filter((id) => !only || only.includes(id)).map((id) => findExperiment(id)!);
  // Two neurons for every system, and as many as it keeps independent quantities where that is
  // more; then which quantity one neuron holds, asked only of the systems that keep several.
  const plan = [
    ...systems.flatMap((experiment) => {
      const independent = independentKnownConcepts(experiment);
      return (independent > 2 ? [2, independent] : [2]).map((latentSize) => ({ experiment, latentSize }));
    }),
    ...systems.filter((e) => e.otherInvariants).map((experiment) => ({ experiment, latentSize: 1 })),
  ];
  for (const { experiment, latentSize } of plan) {
    const id = experiment.id;
    for (const seed of seeds) {
      const result = await runOnce(experiment, seed, search, { latentSize });
      const run = latentRun(id, seed, latentSize, result);
      runs.push(run);
      const concepts = (run.concepts ?? []).map((c) => `${c.expr} (${c.held ?? c.verdict})`).join('; ');
      log(
        `${id} seed ${seed}, latent size ${latentSize}: ${run.rank === undefined ? '' : `rank ${run.rank} (${run.singularValues?.map((v) => v.toFixed(3)).join(', ')}); concepts ${concepts}; `}neuron's pick ${run.pick} (${run.pickHeld ?? 'none'})${run.followed ? `, its gradients against each: ${followedText(run.followed, 3)}` : ''}, ${run.totalSeconds.toFixed(1)} s`,
      );
    }
  }
  return runs;
}
