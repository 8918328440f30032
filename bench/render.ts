// Writes bench/README.md from the stored results: the machine, the date, and one table a suite.

import type { ThroughputRow } from './throughput.ts';
import type { RecoveryRun } from './recovery.ts';
import type { TrainingFigures, TrainingThroughputRow } from './training.ts';
import type { PipelineRun } from './pipeline.ts';
import { MIXTURE, type LatentRun } from './latent.ts';
import { independentKnownConcepts } from '../src/pipeline/verify.ts';
import { frameText, type PageFigures, type PageRun } from './page.ts';
import type { FeynmanRun } from './feynman.ts';
import type { UnknownRun } from './unknown.ts';
import { knownInSpanText, type KnownFollowed, type Tier, type Verdict } from '../src/pipeline/report.ts';
import { defaultSearchOptions } from '../src/core/search/options.ts';
import { defaultRunSettings } from '../src/pipeline/runSettings.ts';
import { FEYNMAN_EQUATIONS } from './feynman/equations.ts';
import { UNKNOWN_LAWS } from './unknown/laws.ts';
import { findExperiment } from '../src/experiments/index.ts';

/** The suites, in the order `npm run bench` runs them and this page shows them. */
export const SUITES = [
  'eval',
  'recovery',
  'noise',
  'feynman',
  'unknown',
  'training',
  'pipeline',
  'latent',
  'page',
] as const;
export type Suite = (typeof SUITES)[number];

/**
 * The revisions of the search, check and pick that suites' stored figures were made with, each
 * with the suites whose figures it can move. Add one with any change that can move a suite's
 * figures: figures stored under an older revision than their suite's latest render as stale, so
 * that a table is never read as the current search's until its suite is re-run whole. A revision
 * that moves only some experiments' data names them: only their rows render as stale.
 */
const REVISIONS: readonly {
  revision: number;
  what: string;
  suites: readonly Suite[];
  experiments?: readonly string[];
}[] = [
  { revision: 2, what: 'the general configuration and the tiered check', suites: SUITES },
  {
    revision: 3,
    what: 'the pick made on held-out points, the seeds learnt factors such as c − v and merged inputs that enter as a difference, and the check spread positive inputs on a log scale',
    suites: SUITES,
  },
  {
    revision: 4,
    what: "a network's pick takes the highest score within 10x of the lowest loss on both the second set and the fitted points, not PySR's 1.5x on the second set",
    suites: ['pipeline', 'page'],
  },
  {
    revision: 5,
    what: 'the seeds read off the gradients take a squared length in three dimensions (x² + y² + z²) as a factor of a product',
    suites: ['recovery', 'noise', 'feynman', 'unknown', 'pipeline', 'page'],
  },
  {
    revision: 6,
    what: "a latent experiment's negatives are fresh draws, as the papers drew them (central-potential and field-strength drew negatives sharing their other invariant), and a pick that recovers another quantity the system keeps is named and counted as recovering it",
    // Only a network's gradients can hold the other invariant: the other suites search the truth's own.
    suites: ['pipeline', 'page'],
  },
  {
    revision: 7,
    what: "a confusion case's labels carry both its rules' noise alike (before: its first rule's alone, which marked that rule's boundary and favoured it)",
    suites: ['pipeline', 'latent', 'page'],
    experiments: ['classifier-f', 'classifier-g'],
  },
  {
    revision: 8,
    what: "the seeds read off the gradients take the lengths of two or three inputs, and their reciprocals, as terms of a sum (an orbit's energy, |v|²/2 − 1/|x|); central-potential's fresh negatives are states of other orbits drawn as its anchors are, at a random time along their orbit (before: the orbits' starting states); a pick that is a function of the data's known concepts together, and of none alone, is named a mixture of them",
    suites: ['recovery', 'noise', 'feynman', 'unknown', 'pipeline', 'latent', 'page'],
  },
  {
    revision: 9,
    what: "central-potential's known quantities take the Laplace–Runge–Lenz vector's two components (the orbit's third independent invariant is its direction), so a pick that recovers one is named, and a function of all of them together is a mixture; where the data hold several known concepts, the run records how closely the network's gradients follow each and their span",
    suites: ['pipeline', 'latent'],
    experiments: ['central-potential'],
  },
  {
    revision: 10,
    what: "an approximate pick in its simplest form recovers only when its constants, refitted to the truth's gradients, make it exact (the law with fitted constants); a form no constants make the law, such as x0² − 4.25 cos x1 for the ellipse x0² + 2 x1², is a look-alike. The search is unchanged, and an exact pick's verdict too: recovery's 210 picks were all exact",
    suites: ['noise', 'feynman', 'unknown', 'pipeline', 'latent', 'page'],
  },
  {
    revision: 11,
    what: "training on WASM about 2.8 times as fast (the network's layers carry their own gradient, with explicit transposes, and a triplet's three members pass through the network together), and the fast preset trains on 32,000 fresh examples for at most 15 epochs, not 8,000 for 60, at the same cost; the search, check and pick are unchanged",
    // Only a trained network's figures can move: the other suites search the truth's own gradients.
    // The training suite times fixed examples and epochs, so the preset's new sizes leave it alone.
    suites: ['training', 'pipeline', 'latent', 'page'],
  },
  {
    revision: 12,
    what: "sin, cos, exp and log cost 3 in a candidate's complexity, not 1 (a prior that a law rarely needs one, so a transcendental bend fitted to the box costs what it is), and an approximate pick in its simplest form recovers only when its refitted constants make its gradients agree within 1e-9, a law's do to rounding (1.667 cos x + 0.159 v² + x², standing in for v²/2 + x²/2 + x⁴/4, refits to 1 − 1.5e-6 and passed before)",
    suites: ['recovery', 'noise', 'feynman', 'unknown', 'pipeline', 'latent', 'page'],
  },
];

/** The latest revision: stored with every suite's figures. */
export const SEARCH_REVISION = Math.max(...REVISIONS.map((r) => r.revision));

/** The latest revision that can move a suite's figures (all of them: not one named experiment's). */
function suiteRevision(suite: Suite): number {
  return Math.max(
    0,
    ...REVISIONS.filter((r) => r.suites.includes(suite) && !r.experiments).map((r) => r.revision),
  );
}

/** The revisions since `r` was stored that moved the data of experiment `id` alone. */
function rowRevisions(r: StoredResult, id: string) {
  return REVISIONS.filter(
    (v) => v.revision > (r.revision ?? 0) && v.suites.includes(r.suite) && v.experiments?.includes(id),
  );
}

/** An experiment's name in a table, marked where a later revision moved its data alone. */
function rowName(r: StoredResult, id: string): string {
  return rowRevisions(r, id).length > 0 ? `${id} (stale)` : id;
}

/** The sentence under a table that has rows marked stale, saying why; empty for none. */
function staleRowsText(r: StoredResult, ids: readonly string[]): string {
  const stale = ids.filter((id) => rowRevisions(r, id).length > 0);
  if (stale.length === 0) return '';
  const why = [...new Set(stale.flatMap((id) => rowRevisions(r, id).map((v) => v.what)))].join('; ');
  return ` Rows marked "(stale)" (${stale.join(', ')}) were stored before a later revision changed their data (${why}); they await a re-run of the suite.`;
}

export interface StoredResult {
  suite: Suite;
  /** `SEARCH_REVISION` when stored; absent before revisions were recorded. */
  revision?: number;
  machine: { cpu: string; cores: number; memoryGiB: number; node: string; date: string };
  settings: Record<string, unknown>;
  data: unknown;
}

/** The check's fields of a run; results stored before the tiers lack some of them. */
type CheckFields = 'tier' | 'simplestForm' | 'verdict' | 'complexity' | 'orientedCos';
type Stored<T> = Omit<T, CheckFields> & Partial<Pick<T, Extract<keyof T, CheckFields>>>;
type StoredRecoveryRun = Stored<RecoveryRun>;
type StoredPipelineRun = Stored<Omit<PipelineRun, 'evaluationsPerSecond'>> & {
  evaluationsPerSecond?: number;
};

const DASH = '–';
const giga = (rate: number): string => `${(rate / 1e9).toFixed(2)} G`;
const seconds = (s: number): string => (Number.isFinite(s) ? `${s.toFixed(2)} s` : DASH);
const whole = (v: number): string => (Number.isFinite(v) ? Math.round(v).toLocaleString('en-US') : DASH);
const fixed = (v: number | undefined, digits: number): string =>
  v !== undefined && Number.isFinite(v) ? v.toFixed(digits) : DASH;
/** An expression in a table cell: code, with any `|` escaped. */
const code = (text: string): string => (text === '' ? DASH : `\`${text.replaceAll('|', '\\|')}\``);

/** The median; NaN for none. */
function median(values: number[]): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** The largest; NaN for none. */
const worst = (values: number[]): number => (values.length === 0 ? NaN : Math.max(...values));

/** How many runs pass `test`; undefined when some run lacks the field (stored before it existed). */
function count<T>(runs: readonly T[], test: (run: T) => boolean | undefined): number | undefined {
  let n = 0;
  for (const run of runs) {
    const passed = test(run);
    if (passed === undefined) return undefined;
    if (passed) n++;
  }
  return n;
}

/** `n/N`, or '–' where the runs lack the field. */
function fraction<T>(runs: readonly T[], test: (run: T) => boolean | undefined): string {
  const n = count(runs, test);
  return n === undefined ? DASH : `${n}/${runs.length}`;
}

/** `n (p %)`, or '–' where the runs lack the field. */
function share<T>(runs: readonly T[], test: (run: T) => boolean | undefined): string {
  const n = count(runs, test);
  return n === undefined || runs.length === 0 ? DASH : `${n} (${Math.round((100 * n) / runs.length)} %)`;
}

interface Checked {
  tier?: Tier | undefined;
  simplestForm?: boolean | undefined;
  verdict?: Verdict | undefined;
  frontRecovered?: boolean | undefined;
}
const tierIs =
  (tier: Tier) =>
  (run: Checked): boolean | undefined =>
    run.tier === undefined ? undefined : run.tier === tier;
const verdictIs =
  (verdict: Verdict) =>
  (run: Checked): boolean | undefined =>
    run.verdict === undefined ? undefined : run.verdict === verdict;
const inSimplestForm = (run: Checked): boolean | undefined => run.simplestForm;
/** Results stored before the verdict judged the front by the old test: shown as missing. */
const frontRecovers = (run: Checked): boolean | undefined =>
  run.verdict === undefined ? undefined : run.frontRecovered;

/** The seeds a suite ran, from its settings: a list now, a count (seeds 1 to N) in older results. */
function seedsText(settings: Record<string, unknown>): string {
  const seeds = settings['seeds'];
  if (typeof seeds === 'number') return `seeds 1 to ${seeds}`;
  if (!Array.isArray(seeds) || seeds.length === 0 || !seeds.every((s) => typeof s === 'number'))
    return `seeds ${DASH}`;
  const list = seeds as number[];
  if (list.length === 1) return `seed ${list[0]}`;
  const contiguous = list.every((s, i) => s === (list[0] as number) + i);
  return contiguous ? `seeds ${list[0]} to ${list[list.length - 1]}` : `seeds ${list.join(', ')}`;
}

/** The time limit a suite ran with, where it set one. */
function timeLimitText(settings: Record<string, unknown>): string {
  const limit = settings['timeLimit'];
  return typeof limit === 'number'
    ? `a time limit of ${limit} s`
    : `the search's default time limit (${defaultSearchOptions.timeLimitSeconds} s)`;
}

const operatorText = (operators: readonly string[]): string => `\`${operators.join(' ')}\``;

/** The search every experiment shares (nothing in it is taken from an experiment). */
const GENERAL_CONFIGURATION = `General configuration: the same default search for every experiment, operators ${operatorText([...defaultSearchOptions.binaryOperators, ...defaultSearchOptions.unaryOperators])}, sin, cos, exp and log counting 3 towards a candidate's size, max size ${defaultSearchOptions.maxSize}, no transcendental function nested in another; every search, and every check, compares gradients along a flat subspace the points lie on, found from the data.`;

/** What the check's tiers, simplest-form mark and verdict mean (\`src/pipeline/verify.ts\`). */
function tiersText(classifiers: boolean): string {
  return `The check puts each automatic pick in a tier. **Exact**: mean |cos| ≥ 0.99999 between its gradients and the truth's with one global orientation, on 1,000 fresh in-range points plus 1,000 points spread 1.5x about their centre (on a log scale for an input sampled only positive, which stays positive; points where the truth's gradient is beyond 1e±100 are left out)${classifiers ? " (classifiers: on 1,000 points on the truth's decision boundary)" : ''}. **Approximate**: not exact, but mean |cos| ≥ 0.999 in range. **Simplest form**: the pick has no more nodes than the experiment's simplest known form plus 2 (one constant and its operator). **Verdict** "recovers": exact, or approximate in simplest form with constants that, refitted to the truth's gradients, make its gradients agree with the truth's within 1e-9 (the law with fitted constants: a law's refit agrees to rounding); "look-alike": approximate, but larger or of a form no constants make the law; "wrong" otherwise. "Front recovers": some member of the Pareto front, not necessarily the pick, has the verdict "recovers".`;
}

/** The columns the recovery-style tables share, and one row of them. */
const CHECK_HEADER =
  '| exact | approximate | simplest form | recovers | look-alike | front recovers | median search time | worst search time | candidate evaluations / s |';
const CHECK_RULE = '|---|---|---|---|---|---|---|---|---|';

function checkCells(
  runs: readonly (Checked & { searchSeconds: number; evaluationsPerSecond?: number | undefined })[],
): string {
  const times = runs.map((run) => run.searchSeconds);
  const rates = runs.map((run) => run.evaluationsPerSecond);
  const rate = rates.every((r) => r !== undefined) ? whole(median(rates as number[])) : DASH;
  return `${fraction(runs, tierIs('exact'))} | ${fraction(runs, tierIs('approximate'))} | ${fraction(runs, inSimplestForm)} | ${fraction(runs, verdictIs('recovers'))} | ${fraction(runs, verdictIs('look-alike'))} | ${fraction(runs, frontRecovers)} | ${seconds(median(times))} | ${seconds(worst(times))} | ${rate} |`;
}

/** The line under a table: every run together. */
function totalsLine(runs: readonly (Checked & { searchSeconds: number })[]): string {
  const n = (test: (run: Checked) => boolean | undefined): string => String(count(runs, test) ?? DASH);
  const times = runs.map((run) => run.searchSeconds);
  return `All ${runs.length} runs: exact ${n(tierIs('exact'))}, approximate ${n(tierIs('approximate'))}, wrong ${n(tierIs('wrong'))}; in simplest form ${n(inSimplestForm)}; verdict "recovers" ${n(verdictIs('recovers'))}, look-alike ${n(verdictIs('look-alike'))}, wrong ${n(verdictIs('wrong'))}; the front recovers in ${n(frontRecovers)}; median search time ${seconds(median(times))}, worst ${seconds(worst(times))}.`;
}

/** Whether a suite's figures were stored by an older search or check than the one described here. */
function isStale(r: StoredResult): boolean {
  return (r.revision ?? 0) < suiteRevision(r.suite);
}

/** The notice above stale figures: runs from before the tiers say so, as their settings differed most. */
function staleText(r: StoredResult): string {
  const rows = (Array.isArray(r.data) ? r.data : ((r.data as { runs?: unknown[] }).runs ?? [])) as object[];
  const first = rows[0];
  // Revision 2 brought the tiers; runs stored before it recorded no revision and no tier.
  const beforeTiers =
    r.revision === undefined && first !== undefined && !('tier' in first) && !('verdict' in first);
  return beforeTiers
    ? '**Stale: these runs were stored by an earlier version of the search** (operators and size limits chosen per experiment, a single mean |cos| ≥ 0.999 check), not the general configuration and tiered check described here; they await a re-run of the suite and are not comparable with the tables above.'
    : `**Stale: these runs were stored by an earlier revision of the search and check** (revision ${r.revision ?? 2}; since then: ${REVISIONS.filter(
        (v) => v.revision > (r.revision ?? 2) && v.suites.includes(r.suite),
      )
        .map((v) => v.what)
        .join('; ')}); they await a re-run of the suite and are not comparable with the tables above.`;
}

/** The general configuration's sentence, or the stale notice for runs made before it. */
function configurationText(r: StoredResult): string {
  return isStale(r) ? staleText(r) : GENERAL_CONFIGURATION;
}

function machineLine(r: StoredResult): string {
  const m = r.machine;
  return `Measured ${m.date} on ${m.cpu} (${m.cores} cores reported, about one core of CPU time available), ${m.memoryGiB} GiB, Node ${m.node}.`;
}

function evalSection(r: StoredResult): string {
  const rows = r.data as ThroughputRow[];
  const lines = rows.map(
    (row) =>
      `| \`${row.expression}\` | ${row.nodes} | ${giga(row.handValue)} | ${giga(row.compiledValue)} | ${(row.compiledValue / row.handValue).toFixed(2)} | ${giga(row.handGradient)} | ${giga(row.compiledGradient)} | ${(row.compiledGradient / row.handGradient).toFixed(2)} | ${giga(row.interpretedGradient)} |`,
  );
  return [
    '## Evaluation throughput',
    '',
    machineLine(r),
    '',
    'Node-evaluations per second on one thread, 1,000 points in `Float64Array` columns, the median of seven timed batches after a warm-up (`npm run bench -- eval`). "Value" writes the expression at every point; "gradient" computes the value, the full input gradient and its cosine with a target direction (the search loss). Hand-written: the same expression written as a plain JavaScript loop. Compiled: `compileValue` / `compileCosine` from `src/core/eval/compile.ts`. Interpreter: `gradientLoss` over `evaluateDual`, the search\'s path for fresh candidates. Ratios are compiled over hand-written, in the same run.',
    '',
    '| expression | nodes | value, hand-written | value, compiled | ratio | gradient, hand-written | gradient, compiled | ratio | gradient, interpreter |',
    '|---|---|---|---|---|---|---|---|---|',
    ...lines,
  ].join('\n');
}

function recoverySection(r: StoredResult, title: string, intro: string): string {
  const runs = r.data as StoredRecoveryRun[];
  const ids = [...new Set(runs.map((run) => run.experiment))];
  const lines = ids.map((id) => `| ${id} | ${checkCells(runs.filter((run) => run.experiment === id))}`);
  return [
    `## ${title}`,
    '',
    machineLine(r),
    '',
    intro,
    '',
    `| experiment ${CHECK_HEADER}`,
    `|---${CHECK_RULE}`,
    ...lines,
    '',
    totalsLine(runs),
  ].join('\n');
}

function trainingSection(r: StoredResult): string {
  const { networks: rows, products } = r.data as TrainingFigures;
  const ids = [...new Set(rows.map((row) => row.experiment))];
  const lines = ids.map((id) => {
    const rate = (backend: string): number =>
      rows.find((row) => row.experiment === id && row.backend === backend)?.examplesPerSecond ?? NaN;
    const first = rows.find((row) => row.experiment === id) as TrainingThroughputRow;
    return `| ${id} | ${first.hidden.join(' × ')} | ${first.batch} | ${Math.round(rate('wasm')).toLocaleString('en-US')} | ${Math.round(rate('cpu')).toLocaleString('en-US')} | ${(rate('wasm') / rate('cpu')).toFixed(1)} |`;
  });
  const productLines = products.map(
    (p) =>
      `| ${p.product} | ${p.shapes} | ${p.transposedMs.toFixed(3)} ms | ${p.explicitMs.toFixed(3)} ms | ${(p.transposedMs / p.explicitMs).toFixed(1)} |`,
  );
  return [
    '## Training throughput, WASM against CPU',
    '',
    machineLine(r),
    '',
    `The fast preset's networks in Node (\`npm run bench -- training\`): the same network, data and seed trained for ${String(r.settings['epochs'])} epochs of ${String(r.settings['examples'])} examples on each backend after a warm-up epoch, in one run. Examples are triplets for the Siamese network (its three members stacked in one forward pass) and labelled points for the classifier.`,
    '',
    '| experiment | hidden layers | batch | WASM examples / s | CPU examples / s | WASM / CPU |',
    '|---|---|---|---|---|---|',
    ...lines,
    '',
    "Why the network's layers carry their own gradient (`src/model/mlp.ts`): the two products of a hidden layer's gradient for one step's batch, on WASM in the same run, median of 41. tfjs's own gradient asks `matMul` for a transposed operand; the layers transpose it first and ask for a plain product.",
    '',
    '| product | operands | `matMul` with a transposed operand | `transpose`, then `matMul` | ratio |',
    '|---|---|---|---|---|',
    ...productLines,
  ].join('\n');
}

/** The page link's default seed: the run a lecture shows first, reported apart from the others. */
const PAGE_SEED = defaultRunSettings.seed;

/** A run's verdict and tier in one cell. */
const verdictCell = (run: Checked | undefined): string =>
  run?.verdict === undefined ? DASH : `${run.verdict} (${run.tier ?? DASH})`;

/** Training time of a run counting both networks: the second's data and gradients are a small part. */
const trainingBoth = (run: StoredPipelineRun): number => run.trainSeconds + run.secondNetworkSeconds;

function pipelineSection(r: StoredResult): string {
  const runs = r.data as StoredPipelineRun[];
  const ids = [...new Set(runs.map((run) => run.experiment))];
  const training = ids.map((id) => {
    const mine = runs.filter((run) => run.experiment === id);
    const m = (f: (run: StoredPipelineRun) => number): number => median(mine.map(f));
    const checkedOn = [...new Set(mine.map((run) => run.crossCheck))].join(', ');
    return `| ${rowName(r, id)} | ${seconds(m((run) => run.trainSeconds))} | ${seconds(m((run) => run.secondNetworkSeconds))} | ${seconds(m(trainingBoth))} | ${whole(m((run) => run.examplesPerSecond))} | ${fixed(
      m((run) => Math.abs(run.spearman)),
      4,
    )} | ${fixed(
      m((run) => run.quality),
      4,
    )} | ${seconds(m((run) => run.totalSeconds))} | ${checkedOn} |`;
  });
  // The page's seed apart, so that the counts are over seeds no setting was chosen on.
  const pageRuns = runs.filter((run) => run.seed === PAGE_SEED);
  const reportRuns = runs.filter((run) => run.seed !== PAGE_SEED);
  const apart = pageRuns.length > 0 && reportRuns.length > 0;
  const counted = apart ? reportRuns : runs;
  const checks = ids.map((id) => {
    const cells = checkCells(counted.filter((run) => run.experiment === id));
    return `| ${rowName(r, id)} | ${cells}${apart ? ` ${verdictCell(pageRuns.find((run) => run.experiment === id))} |` : ''}`;
  });
  const all = (f: (run: StoredPipelineRun) => number): string => seconds(median(runs.map(f)));
  const negatives =
    r.settings['negatives'] === 'fresh'
      ? "Negatives: fresh draws from each experiment's sampler, as the papers drew them."
      : 'Negatives: fresh draws, except central-potential and field-strength, whose negatives shared their other invariant with their anchor (the default before revision 6).';
  return [
    '## The whole pipeline, fast preset',
    '',
    machineLine(r),
    '',
    `The headless run that \`npm run cli -- run --experiment ID --seed S --workers ${String(r.settings['workers'])}\` and the page drive, with the default settings (fast preset) on the WASM backend in Node, ${seedsText(r.settings)}, ${timeLimitText(r.settings)}; medians over the seeds. ${configurationText(r)} Examples per second: triplets for latent experiments, labelled points for classifiers. Spearman: |rank correlation| between the trained neuron and the ground truth on 1,000 held-out points. Gradient quality: mean |cos| between the network's gradients (along the flat subspace of its points) and the truth's full gradients at the search's points. "Second network": its data, training and gradients, for latent experiments, whose pick is made on its gradients; a classifier's pick is made on its own gradients at the points nearest its boundary ("pick made on").`,
    '',
    '| experiment | training time | second network | training, both | examples / s | spearman | gradient quality | whole pipeline | pick made on |',
    '|---|---|---|---|---|---|---|---|---|',
    ...training,
    '',
    `The search on the network's gradients and the check of its pick against the ground truth. ${negatives} ${tiersText(true)} Where the data hold several known concepts (${severalKnownText(ids)}; a confusion case's rules label its data alike), a pick that recovers another of them is checked against it, named, and counted as recovering it.${staleRowsText(r, ids)}${apart ? ` Counts are over ${seedsText({ seeds: [...new Set(reportRuns.map((run) => run.seed))] })}; the last column is the page link's default seed (${PAGE_SEED}), the run a lecture shows first, reported apart because the pick rule for a network's gradients (the highest score within 10x of the lowest loss, both on the set the pick is made on and on the fitted points) was chosen on reading its fronts.` : ''}`,
    '',
    `| experiment ${CHECK_HEADER}${apart ? ` seed ${PAGE_SEED} (the page's) |` : ''}`,
    `|---${CHECK_RULE}${apart ? '---|' : ''}`,
    ...checks,
    ...heldTable(r, runs),
    '',
    "How to read the figures: a low Spearman or gradient quality means the network did not learn the concept, and a search on its gradients cannot do better than they are. Gradient quality compares with the truth's full gradient, so where the truth's gradient has a part across the points' flat subspace (matrix-2x2-det, whose points keep the trace pinned) it can stay well below 1 however well the network learned, while the search and the check, which compare along the subspace, do not see that part.",
    '',
    `${staleRowsText(r, ids) === '' ? '' : 'The totals below include the rows marked stale. '}Training: median ${all((run) => run.trainSeconds)} (both networks: ${all(trainingBoth)}), median whole pipeline ${all((run) => run.totalSeconds)}. ${apart ? `Over ${seedsText({ seeds: [...new Set(reportRuns.map((run) => run.seed))] })}: ${totalsLine(reportRuns)} On the page's seed ${PAGE_SEED}: ${totalsLine(pageRuns)}` : totalsLine(runs)}`,
  ].join('\n');
}

/** The experiments among `ids` whose data hold several known concepts, each with them. */
function severalKnownText(ids: readonly string[]): string {
  return ids
    .filter((id) => knownOf(id).length > 1)
    .map((id) => `${id}: ${knownOf(id).join(', ')}`)
    .join('; ');
}

/** The known quantities of a system, the one sought first. */
function knownOf(id: string): string[] {
  const experiment = findExperiment(id);
  return [
    experiment?.truthName ?? 'the ground truth',
    ...(experiment?.otherInvariants ?? []).map((o) => o.name),
  ];
}

function latentSection(r: StoredResult): string {
  const runs = r.data as LatentRun[];
  const seeds = [...new Set(runs.map((run) => run.seed))].sort((a, b) => a - b);
  const spaces = runs.filter((run) => run.latentSize > 1);
  const one = runs.filter((run) => run.latentSize === 1);
  const ids = (of: LatentRun[]) => [...new Set(of.map((run) => run.experiment))];
  const heldText = (run: LatentRun | undefined): string => {
    if (!run) return DASH;
    const concepts = (run.concepts ?? []).map((c) => c.held ?? `none (${c.verdict})`);
    const holds = run.spanHolds ? ` (span holds ${knownInSpanText(run.spanHolds, 3)})` : '';
    return `rank ${run.rank ?? DASH}${holds}: ${concepts.length > 0 ? concepts.join(', ') : 'no concept'}`;
  };
  const spaceKeys = [...new Set(spaces.map((run) => `${run.experiment} ${run.latentSize}`))];
  const spanRows = spaceKeys.map((key) => {
    const [id, size] = key.split(' ') as [string, string];
    const latentSize = Number(size);
    const mine = spaces.filter((run) => run.experiment === id && run.latentSize === latentSize);
    const known = knownOf(id);
    // As many as the space can hold of the independent ones (two neurons, three orbit invariants: two).
    const expected = Math.min(latentSize, independentKnownConcepts(findExperiment(id)!));
    const foundEnough = mine.filter(
      (run) =>
        new Set(run.concepts?.flatMap((c) => (c.held && c.held !== MIXTURE ? [c.held] : []))).size >=
        expected,
    ).length;
    const rankRight = mine.filter((run) => run.rank === expected).length;
    return `| ${rowName(r, id)} | ${latentSize} | ${known.join(', ')} (${expected}) | ${rankRight}/${mine.length} | ${foundEnough}/${mine.length} | ${seeds.map((seed) => heldText(mine.find((run) => run.seed === seed))).join(' | ')} |`;
  });
  const neuronRows = ids(one).map(
    (id) =>
      `| ${rowName(r, id)} | ${seeds
        .map((seed) => {
          const run = one.find((r) => r.experiment === id && r.seed === seed);
          if (!run) return DASH;
          const held = run.pickHeld ?? 'none';
          return run.followed ? `${held}; ${followedBrief(run.followed)}` : held;
        })
        .join(' | ')} |`,
  );
  return [
    '## Latent spaces of several neurons',
    '',
    machineLine(r),
    '',
    ...(isStale(r) ? [staleText(r), ''] : []),
    `The headless run with the default settings (fast preset, fresh negatives as the papers drew them, ${timeLimitText(r.settings)} for each search) and a latent space of two neurons${spaces.some((run) => run.latentSize > 2) ? ', and of as many as a system keeps independent known quantities where that is more (the central potential: three)' : ''}, ${seedsText(r.settings)}. The rank report counts the independent directions of the neurons' gradients (relative singular values from 0.1); then one search per counted concept on the span of the neurons' gradients, each refusing the concepts found before it. Each concept is checked against every known quantity of its system with the tiered check; a cell gives the rank, where recorded how much of each known quantity the span of the neurons' gradients holds (the mean length of its unit gradient's projection onto the span, at the search's points: 1 where the network holds it exactly; one held only in part can lose, on the span, to a look-alike that follows the network's errors more closely), then names the quantities the concepts recover, in the order found, or "none" with the verdict. Expected: as many independent known quantities as the neurons can hold (the rank of the known quantities' gradients, at most the number of neurons): an orbit in a central potential keeps three independent ones (energy, angular momentum and the direction of the Runge–Lenz vector, whose two components are listed), so two neurons hold some two of them, or functions of them, and nothing makes those energy and angular momentum. "As many found": distinct known quantities recovered by the concepts, at least that many.${staleRowsText(r, ids(runs))}`,
    '',
    `| experiment | neurons | known quantities (as many independent as the neurons can hold) | rank as expected | as many found | ${seeds.map((seed) => `seed ${seed}`).join(' | ')} |`,
    `|---|---|---|---|---|${seeds.map(() => '---|').join('')}`,
    ...spanRows,
    '',
    "With one neuron (the default latent size), the quantity the neuron's pick recovers, or none. " +
      MIXTURE_TEXT +
      ' ' +
      FOLLOWED_TEXT,
    '',
    `| experiment | ${seeds.map((seed) => `seed ${seed}`).join(' | ')} |`,
    `|---|${seeds.map(() => '---|').join('')}`,
    ...neuronRows,
  ].join('\n');
}

/** What a run's gradients followed, in a table cell: the known concept they follow most, and the span of all. */
function followedBrief(known: KnownFollowed): string {
  const most = known.concepts.reduce((a, b) => (b.quality > a.quality ? b : a));
  return `gradients follow ${most.name} most (${most.quality.toFixed(3)}), the span of all ${known.concepts.length} ${known.span.toFixed(3)}`;
}

/** What `followedBrief` says. */
const FOLLOWED_TEXT =
  "Where recorded, then how the network's gradients (those the search fitted) follow the known concepts: the one with the highest mean |cos| to them, and the mean length of the unit gradient's projection onto the span of all the known concepts' gradients. Gradients that follow that span closely but no one concept hold a function of several: a neuron with no single concept to find.";

/** What a cell naming a mixture means. */
const MIXTURE_TEXT = `"${MIXTURE}": the pick agrees with no known concept alone, not even approximately, but its gradients lie in the span of theirs (the mean length of its unit gradient's projection onto that span, at the check points, is at least 0.999): a function of them together.`;

/**
 * Where the data hold several known concepts (a system's quantities, a confusion case's rules):
 * the one each seed's pick encodes, or none.
 */
function heldTable(r: StoredResult, runs: readonly StoredPipelineRun[]): string[] {
  const several = (id: string) => (findExperiment(id)?.otherInvariants?.length ?? 0) > 0;
  const ids = [...new Set(runs.map((run) => run.experiment))].filter(several);
  if (ids.length === 0) return [];
  const seeds = [...new Set(runs.map((run) => run.seed))].sort((a, b) => a - b);
  const held = (run: StoredPipelineRun | undefined): string => {
    if (run?.verdict === undefined) return DASH;
    const pick =
      run.verdict !== 'recovers'
        ? run.mixture === undefined
          ? `none (${run.verdict})`
          : MIXTURE
        : (run.invariant ?? findExperiment(run.experiment)?.truthName ?? 'the one sought');
    return run.followed ? `${pick}; ${followedBrief(run.followed)}` : pick;
  };
  return [
    '',
    "Which known concept each seed's pick encodes, where the data hold several (the first named is the one sought; a confusion case's rules label its data alike). " +
      MIXTURE_TEXT +
      ' ' +
      FOLLOWED_TEXT,
    '',
    `| experiment | ${seeds.map((seed) => `seed ${seed}`).join(' | ')} |`,
    `|---|${seeds.map(() => '---|').join('')}`,
    ...ids.map(
      (id) =>
        `| ${rowName(r, id)} | ${seeds.map((seed) => held(runs.find((run) => run.experiment === id && run.seed === seed))).join(' | ')} |`,
    ),
  ];
}

// Why runs of the Feynman suite miss, as found on reading their picks against the laws: what the
// law has that the seeds read off the gradients cannot express (their libraries hold sums of
// one-input terms, products and squares, functions of one input or of two inputs' sum or
// difference, and products of powers of positive inputs and of sums and differences of two
// monomials, 1 among them), so that evolution had to find it and did not within the time limit.
// Keyed by equation (both passes), or `ID@NOISE` for one pass.
const FUNCTION_OF_PRODUCT =
  'a function of a product or quotient of inputs with other factors (exp(-θ²/2σ²)/σ, I₀(exp(qV/kT) - 1)): outside the seed libraries';
const THREE_INPUT_TERM = 'a sum with a term of three inputs (2√(I₁I₂) cos δ): outside the sum library';
/** A law found at revision 10 whose transcendental function costs 3 since revision 12. */
const PRICED_UP = (law: string, found: string, standIn: string): string =>
  `${law}: found at revision 10 ${found}; since revision 12 its function costs 3 in the complexity, and ${standIn} cost less: evolution held them and did not reach the law in 30 s`;
/** A miss whose front held a member with the verdict "recovers": the pick rule's, not the search's. */
const PICK_MISSED_FRONT = (noise: number): string =>
  noise > 0
    ? 'a member of the front passes the check; on the held-out points another member fitted as well, and the pick rule preferred it'
    : 'a member of the front passes the check; the pick went to another member';
/** A noisy miss of a law found on exact gradients, whose front did not hold it. */
const LOST_TO_NOISE =
  'found on exact gradients; with noise the seeds read off the gradients no longer fit exactly, and evolution did not reach it in the time limit';
const FEYNMAN_WHY: Readonly<Record<string, string>> = {
  'I.6.2': FUNCTION_OF_PRODUCT,
  'I.6.2b': FUNCTION_OF_PRODUCT,
  'I.13.12':
    'found at revision 10 in 1.5 s, and here on the noisy gradients; on the exact ones evolution settled on a look-alike with a log and roots and did not reach the law in 30 s, as in an earlier, unstored run at revision 12: not understood',
  'I.15.3t': 'a factor c²t - ux, a difference of monomials of degree 3: the factor library stops at degree 2',
  'I.30.3':
    'a quotient of squared sines of a product and of one input (sin²(nθ/2)/sin²(θ/2)): functions of a product are outside the libraries',
  'I.37.4': THREE_INPUT_TERM,
  'I.40.1': PRICED_UP(
    'log n₀ − mgx/(k_B T) under the exp',
    'in 1.6 s (exact) and 26 s (noisy)',
    'roots of n₀, which bend alike over its range,',
  ),
  'I.41.16': FUNCTION_OF_PRODUCT,
  'I.44.4': PRICED_UP(
    'n k_B T log(V₂/V₁)',
    'in 23 s (exact, as a difference of 16th roots) and 25 s (noisy)',
    'roots of V₁ and V₂, which bend alike over their range,',
  ),
  'II.6.15b': PRICED_UP(
    'sin θ cos θ / r³, or sin 2θ / r³',
    'in 1.5 s (exact) and 26 s (noisy)',
    'rational functions of θ',
  ),
  'II.11.27': 'a factor 1 - nα/3: a difference with a constant other than 1',
  'II.24.17': 'the root of a difference with the constant π² (ω²/c² - π²/d²): a constant other than 1',
  'II.35.18': FUNCTION_OF_PRODUCT,
  'II.35.21': FUNCTION_OF_PRODUCT,
  'II.36.38': 'a sum of two products of four and six inputs',
  'III.4.33': FUNCTION_OF_PRODUCT,
  'III.8.54':
    'sin² of a product, not monotone in it: the product itself matches every gradient up to sign, which the sign-blind loss of the papers cannot tell apart; the one-orientation check can',
  'III.9.52': FUNCTION_OF_PRODUCT,
};

const passName = (noise: number): string => (noise > 0 ? `noise ${noise}` : 'exact gradients');

/** A run of a suite of laws in passes of exact and noisy gradients. */
type PassRun = Checked & { id: string; noise: number; searchSeconds: number };

/** The summary table of a suite of laws, a row a pass; `what` names the laws in its header. */
function passTable(runs: readonly PassRun[], what: string): string[] {
  const passes = [...new Set(runs.map((run) => run.noise))].sort((a, b) => a - b);
  const rows = passes.map((noise) => {
    const mine = runs.filter((run) => run.noise === noise);
    const laws = new Set(mine.map((run) => run.id)).size;
    const times = mine.map((run) => run.searchSeconds);
    const counted = laws === mine.length ? String(laws) : `${laws} (${mine.length} runs)`;
    return `| ${passName(noise)} | ${counted} | ${share(mine, tierIs('exact'))} | ${share(mine, tierIs('approximate'))} | ${share(mine, inSimplestForm)} | ${share(mine, verdictIs('recovers'))} | ${share(mine, verdictIs('look-alike'))} | ${share(mine, verdictIs('wrong'))} | ${seconds(median(times))} | ${seconds(worst(times))} |`;
  });
  return [
    `| pass | ${what} | exact | approximate | simplest form | recovers | look-alike | wrong | median time | worst time |`,
    '|---|---|---|---|---|---|---|---|---|---|',
    ...rows,
  ];
}

function feynmanSection(r: StoredResult): string {
  const runs = r.data as FeynmanRun[];
  const settings = r.settings;
  const manySeeds = new Set(runs.map((run) => run.seed)).size > 1;
  const exactOnExact = new Set(
    runs
      .filter((run) => run.noise === 0 && run.tier === 'exact' && run.verdict === 'recovers')
      .map((run) => run.id),
  );
  const misses = runs
    .filter((run) => run.verdict !== 'recovers' || run.tier !== 'exact')
    .map((run) => {
      const id = manySeeds ? `${run.id} (seed ${run.seed})` : run.id;
      const why =
        FEYNMAN_WHY[`${run.id}@${run.noise}`] ??
        (run.noise === 0 ? FEYNMAN_WHY[run.id] : undefined) ??
        (run.frontRecovered ? PICK_MISSED_FRONT(run.noise) : undefined) ??
        (run.noise > 0 && exactOnExact.has(run.id) ? LOST_TO_NOISE : undefined) ??
        FEYNMAN_WHY[run.id] ??
        DASH;
      return `| ${id} | ${passName(run.noise)} | ${code(run.truth)} | ${code(run.pick)} | ${run.tier} | ${fixed(run.meanAbsCos, 6)} | ${why} |`;
    });
  const operators =
    typeof settings['operators'] === 'string' ? operatorText(settings['operators'].split(',')) : DASH;
  const noise = settings['noise'];
  const noisy = Array.isArray(noise) ? noise.filter((v) => v !== 0).join(', ') || DASH : DASH;
  const workers = Number(settings['workers']);
  return [
    '## The AI Feynman equations',
    '',
    machineLine(r),
    '',
    ...(isStale(r) ? [staleText(r), ''] : []),
    `\`npm run bench -- feynman\`: the equations of the AI Feynman list (Udrescu & Tegmark, "AI Feynman: a physics-inspired method for symbolic regression", Science Advances 6(16), eaay2631, 2020): the rows of FeynmanEquations.csv from the Feynman Symbolic Regression Database (https://space.mit.edu/home/tegmark/aifeynman.html), which SRBench also uses as its "Feynman" ground-truth problems, keeping the ${FEYNMAN_EQUATIONS.length} with two or more inputs; \`bench/feynman/equations.ts\` says where the copy came from and how formulas were rewritten into our syntax. Each equation is a latent experiment: ${String(settings['points'] ?? 500)} points sampled uniformly in the list's ranges, and a search on the exact gradients of its formula, then a second pass on the same gradients with noise ${noisy} (Gaussian noise of that standard deviation on each component of the unit gradient, which is then normalised again). Search: the same for every equation, the general configuration (operators ${operators}, written out in the suite), max size ${defaultSearchOptions.maxSize}, no transcendental function nested in another, a time limit of ${String(settings['timeLimit'])} s a search, ${workers} worker${workers === 1 ? '' : 's'}, ${seedsText(settings)} (one search per equation and pass${manySeeds ? ' and seed' : ''}). ${tiersText(false)} The simplest known form of an equation is its formula as the list writes it, which is not always the smallest way to write it, so the simplest-form mark is lenient here; an approximate pick that small still recovers only if refitting its constants makes it exact. Percentages are of the pass's runs.`,
    '',
    ...passTable(runs, 'equations'),
    '',
    '### Misses',
    '',
    `Every run whose verdict is not "recovers" or whose tier is not exact (${misses.length} of ${runs.length}). "Why" is for a person to fill in after reading the run.`,
    '',
    ...(misses.length > 0
      ? [
          '| equation | pass | truth | pick | tier | mean \\|cos\\| | why |',
          '|---|---|---|---|---|---|---|',
          ...misses,
        ]
      : ['None.']),
  ].join('\n');
}

function unknownSection(r: StoredResult): string {
  const runs = r.data as UnknownRun[];
  const rows = runs.map((run) => {
    const law = UNKNOWN_LAWS.find((l) => l.id === run.id);
    return `| ${run.id} | ${law?.what ?? DASH} | ${passName(run.noise)} | ${code(run.truth)} | ${code(run.pick)} | ${run.tier} | ${run.simplestForm ? 'yes' : 'no'} | ${run.verdict} | ${seconds(run.searchSeconds)} |`;
  });
  return [
    '## Laws no setting was tuned on',
    '',
    machineLine(r),
    '',
    ...(isStale(r) ? [staleText(r), ''] : []),
    `\`npm run bench -- unknown\`: ${UNKNOWN_LAWS.length} laws in neither the catalogue nor the AI Feynman list, written down in \`bench/unknown/laws.ts\` from textbook physics, chemistry, engineering and biology before the suite first ran; no setting was chosen by looking at their runs. Each is run as a user with a gradient file runs it: the exact gradients of the law at ${defaultRunSettings.points} points uniform in its ranges (${seedsText(r.settings)} for the points) written to a gradient file, then \`npm run cli -- search --gradients FILE\` with every setting at its default (the general configuration, the search's default time limit of ${defaultSearchOptions.timeLimitSeconds} s, the default number of workers); a second pass does the same with noise 0.05 on the unit gradients. The search is told nothing of the law: its pick and front are checked afterwards, apart from it. ${tiersText(false)} The simplest known form is the law as written in the list, which is lenient where that is not the smallest way to write it.`,
    '',
    ...passTable(runs, 'laws'),
    '',
    '| law | what | pass | truth | pick | tier | simplest form | verdict | search time |',
    '|---|---|---|---|---|---|---|---|---|',
    ...rows,
  ].join('\n');
}

/** Where each run's longest frames went, for runs that recorded them. */
function longestFramesText(runs: readonly PageRun[]): string[] {
  const recorded = runs.filter((run) => run.longestFrames !== undefined);
  if (recorded.length === 0) return [];
  return [
    `The longest frames from "Run all" to the verdict (long animation frames, longest first): the stage, the script that ran longest in the frame (what called it, and the build's chunk it is in) and the time the browser spent on style, layout and paint, its own and forced by scripts.`,
    '',
    ...recorded.map((run) => `- ${run.experiment}: ${run.longestFrames!.map(frameText).join('; ')}.`),
    '',
  ];
}

function pageSection(r: StoredResult): string {
  const figures = r.data as PageFigures;
  const lines = figures.runs.map(
    (run) =>
      `| ${run.experiment} | ${seconds(run.pickSeconds)} | ${run.verdictSeconds === undefined ? '—' : seconds(run.verdictSeconds)} | ${seconds(run.totalSeconds)} | ${run.verdict ?? (run.recovered ? 'yes (old check)' : 'no (old check)')} | \`${run.pick}\` | ${run.longestTaskMs} ms | ${run.longestBetweenMs} ms | ${run.longTasks} | ${run.longestOpeningTaskMs} ms |`,
  );
  return [
    '## The explorer in the browser',
    '',
    machineLine(r),
    '',
    ...(isStale(r) ? [staleText(r), ''] : []),
    '`npm run build && npm run bench -- page`: the production build served statically, opened in headless Chromium (the system browser, no GPU: the WASM backend trains), one fresh browser context per experiment with the default settings (fast preset), then "Run all". "Pick shown": seconds from the navigation until the form of the equation the run ends with (its constants aside, which the search goes on polishing) first shows as the pick in the candidate table; "verdict shown": until the page first shows the verdict the run ends with on that form (the page checks the pick so far of the search against the truth each time it changes, while the search goes on until its pick has held for 200 rounds; the verify stage gives the final pick the same check); "run done": until the verify stage is done. While the search runs the page redraws its panels twice a second and the search waits for each redraw to be on screen before its next round, so the tasks of the page do not share the processor with the island workers; the checks run in a worker. Long tasks: main-thread tasks over 50 ms seen by a `PerformanceObserver`, attributed to the stage running when they started (training and search; the other stages, which draw their pictures), and while the page opens (the first screen, then tfjs with its backend and plotly, loaded when the browser is idle; the benchmark clicks once the page says it is ready).',
    '',
    '| experiment | pick shown | verdict shown | run done | verdict | pick | longest task, training and search | longest task, other stages | long tasks | longest task, page opening |',
    '|---|---|---|---|---|---|---|---|---|---|',
    ...lines,
    '',
    ...longestFramesText(figures.runs),
    `What loads before the first screen: ${(figures.firstLoadBytes / 1024).toFixed(0)} KiB as served (${figures.firstLoadFiles.join(', ')}); tfjs, the training code and plotly load after it, when the browser is idle.`,
  ].join('\n');
}

export function renderReadme(results: StoredResult[]): string {
  const sections: string[] = [
    '# Benchmarks',
    `Figures from \`npm run bench\` (suites: ${SUITES.map((suite) => `\`${suite}\``).join(', ')}; \`--seeds LIST\` (such as \`11-20\` or \`1,6-10\`), \`--only ID,ID\`, \`--workers K\`, \`--time-limit SECONDS\`). Each suite stores the raw figures of its last full run in \`bench/results/SUITE.json\`, nothing merged from earlier runs; this page is rewritten from them. A run with \`--only\` is partial: it prints its figures and stores none. The default seeds, none of which any setting was tuned on: recovery and noise 11 to 20, pipeline 6 to 10 and the page link's default seed 1, reported apart, feynman 1, unknown 1 (the product's default seed), latent 1 to 5 (each section names the seeds it ran). The machine gives about one core of CPU time although it reports two, so figures are per core and two workers show no parallel speed-up here.`,
  ];
  for (const r of results) {
    if (r.suite === 'eval') sections.push(evalSection(r));
    if (r.suite === 'training') sections.push(trainingSection(r));
    if (r.suite === 'pipeline') sections.push(pipelineSection(r));
    if (r.suite === 'latent') sections.push(latentSection(r));
    if (r.suite === 'page') sections.push(pageSection(r));
    if (r.suite === 'feynman') sections.push(feynmanSection(r));
    if (r.suite === 'unknown') sections.push(unknownSection(r));
    if (r.suite === 'recovery') {
      sections.push(
        recoverySection(
          r,
          'Time to recovery, exact gradients',
          `\`npm run cli -- search --experiment ID --seed S --workers ${String(r.settings['workers'])}\`, ${seedsText(r.settings)}, ${timeLimitText(r.settings)}: 500 points from the experiment's sampler, the exact gradients of its ground truth; every fifth point is held out of the search, and the pick is made on those. ${configurationText(r)} ${tiersText(true)} Search time excludes starting the workers.`,
        ),
      );
    }
    if (r.suite === 'noise') {
      const latent = new Set((r.data as StoredRecoveryRun[]).map((run) => run.experiment)).size;
      sections.push(
        recoverySection(
          r,
          'Time to recovery, noisy gradients',
          `${isStale(r) ? `${staleText(r)} ` : ''}As above (the same general configuration and check, ${seedsText(r.settings)}, ${timeLimitText(r.settings)}) for the ${latent} latent-space experiments with \`--noise ${String(r.settings['noise'])}\`: Gaussian noise of that standard deviation added to every component of each unit gradient, which is then normalised again (an angular error of about that many radians per input, at every point), a stand-in for a network's imperfect gradients. The loss threshold is out of reach with noise, so these searches end when the pick has not changed for ${defaultSearchOptions.patienceRounds} rounds or at the time limit. The pick is made on the held-out points, where it passes over candidates more than ${defaultSearchOptions.pickStandardErrors} standard errors worse than the lowest loss, point by point (\`--pick-se\`).`,
        ),
      );
    }
  }
  return `${sections.join('\n\n')}\n`;
}
