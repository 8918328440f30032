// Writes bench/README.md from the stored results: the machine, the date, and one table a suite.

import type { ThroughputRow } from './throughput.ts';
import type { RecoveryRun } from './recovery.ts';
import type { TrainingThroughputRow } from './training.ts';
import type { PipelineRun } from './pipeline.ts';
import type { PageFigures } from './page.ts';

export interface StoredResult {
  suite: 'eval' | 'recovery' | 'noise' | 'training' | 'pipeline' | 'page';
  machine: { cpu: string; cores: number; memoryGiB: number; node: string; date: string };
  settings: Record<string, unknown>;
  data: unknown;
}

const giga = (rate: number): string => `${(rate / 1e9).toFixed(2)} G`;
const seconds = (s: number): string => `${s.toFixed(2)} s`;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
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
  const runs = r.data as RecoveryRun[];
  const ids = [...new Set(runs.map((run) => run.experiment))];
  const lines = ids.map((id) => {
    const mine = runs.filter((run) => run.experiment === id);
    const times = mine.map((run) => run.searchSeconds);
    const picks = mine.filter((run) => run.recovered).length;
    const fronts = mine.filter((run) => run.frontRecovered).length;
    const rate = median(mine.map((run) => run.evaluationsPerSecond));
    return `| ${id} | ${picks}/${mine.length} | ${fronts}/${mine.length} | ${seconds(median(times))} | ${seconds(Math.max(...times))} | ${Math.round(rate).toLocaleString('en-US')} |`;
  });
  const all = runs.map((run) => run.searchSeconds);
  const total = runs.filter((run) => run.recovered).length;
  return [
    `## ${title}`,
    '',
    machineLine(r),
    '',
    intro,
    '',
    '| experiment | pick recovered | front has it | median search time | worst search time | candidate evaluations / s |',
    '|---|---|---|---|---|---|',
    ...lines,
    '',
    `All runs: the pick recovered in ${total} of ${runs.length}; median search time ${seconds(median(all))}, worst ${seconds(Math.max(...all))}.`,
  ].join('\n');
}

function trainingSection(r: StoredResult): string {
  const rows = r.data as TrainingThroughputRow[];
  const ids = [...new Set(rows.map((row) => row.experiment))];
  const lines = ids.map((id) => {
    const rate = (backend: string): number =>
      rows.find((row) => row.experiment === id && row.backend === backend)?.examplesPerSecond ?? NaN;
    const first = rows.find((row) => row.experiment === id) as TrainingThroughputRow;
    return `| ${id} | ${first.hidden.join(' × ')} | ${first.batch} | ${Math.round(rate('wasm')).toLocaleString('en-US')} | ${Math.round(rate('cpu')).toLocaleString('en-US')} | ${(rate('wasm') / rate('cpu')).toFixed(1)} |`;
  });
  return [
    '## Training throughput, WASM against CPU',
    '',
    machineLine(r),
    '',
    `The fast preset's networks in Node (\`npm run bench -- training\`): the same network, data and seed trained for ${String(r.settings['epochs'])} epochs of ${String(r.settings['examples'])} examples on each backend after a warm-up epoch, in one run. Examples are triplets for the Siamese network (three forward passes each) and labelled points for the classifier.`,
    '',
    '| experiment | hidden layers | batch | WASM examples / s | CPU examples / s | WASM / CPU |',
    '|---|---|---|---|---|---|',
    ...lines,
  ].join('\n');
}

/** Training time of a run counting both networks: the second's data and gradients are a small part. */
const trainingBoth = (run: PipelineRun): number => run.trainSeconds + run.secondNetworkSeconds;

function pipelineSection(r: StoredResult): string {
  const runs = r.data as PipelineRun[];
  const ids = [...new Set(runs.map((run) => run.experiment))];
  const fixed = (v: number, digits: number): string => (Number.isFinite(v) ? v.toFixed(digits) : '–');
  const lines = ids.map((id) => {
    const mine = runs.filter((run) => run.experiment === id);
    const m = (f: (run: PipelineRun) => number): number => median(mine.map(f));
    const picks = mine.filter((run) => run.recovered).length;
    const fronts = mine.filter((run) => run.frontRecovered).length;
    const checkedOn = [...new Set(mine.map((run) => run.crossCheck))].join(', ');
    return `| ${id} | ${seconds(m((run) => run.trainSeconds))} | ${seconds(m((run) => run.secondNetworkSeconds))} | ${seconds(m(trainingBoth))} | ${Math.round(m((run) => run.examplesPerSecond)).toLocaleString('en-US')} | ${fixed(
      m((run) => Math.abs(run.spearman)),
      4,
    )} | ${fixed(
      m((run) => run.quality),
      4,
    )} | ${seconds(m((run) => run.searchSeconds))} | ${seconds(m((run) => run.totalSeconds))} | ${checkedOn} | ${fronts}/${mine.length} | ${picks}/${mine.length} |`;
  });
  const all = (f: (run: PipelineRun) => number): string => seconds(median(runs.map(f)));
  return [
    '## The whole pipeline, fast preset',
    '',
    machineLine(r),
    '',
    `\`npm run cli -- run --experiment ID --seed S --workers ${String(r.settings['workers'])}\` with the fast preset on the WASM backend in Node, seeds 1 to ${String(r.settings['seeds'])}; medians over the seeds. Examples per second: triplets for latent experiments, labelled points for classifiers. Spearman: |rank correlation| between the trained neuron and the ground truth on 1,000 held-out points. Gradient quality: mean |cos| between the network's gradients and the truth's at the search's points. "Second network": its data, training and gradients, for latent experiments, whose pick is made on its gradients; a classifier's pick is made on its own gradients at the points nearest its boundary ("pick made on"). "Front has it": some member of the Pareto front passes the check (mean |cos| ≥ 0.999 against the truth on fresh points); "pick": the automatic pick does.`,
    '',
    '| experiment | training time | second network | training, both | examples / s | spearman | gradient quality | search time | whole pipeline | pick made on | front has it | pick |',
    '|---|---|---|---|---|---|---|---|---|---|---|---|',
    ...lines,
    '',
    "How to read the figures: matrix-2x2-det's gradient quality of about 0.91 is its network's gradient along the pinned trace, a direction the data never varies along; the determinant compares candidates along the data's subspace only, so it does not matter there. A low Spearman or gradient quality means the network did not learn the concept: central-potential's networks learn angular momentum least well (quality 0.58 in seed 5, where the front misses too), and both of a run's networks share that error, so its cross-checked pick window is 3x rather than 1.5x.",
    '',
    `All runs: median training ${all((run) => run.trainSeconds)} (both networks: ${all(trainingBoth)}), median whole pipeline ${all((run) => run.totalSeconds)}; the front has the truth in ${runs.filter((run) => run.frontRecovered).length} of ${runs.length} runs, the pick in ${runs.filter((run) => run.recovered).length}.`,
  ].join('\n');
}

function pageSection(r: StoredResult): string {
  const figures = r.data as PageFigures;
  const lines = figures.runs.map(
    (run) =>
      `| ${run.experiment} | ${seconds(run.pickSeconds)} | ${seconds(run.totalSeconds)} | ${run.recovered ? 'yes' : 'no'} | \`${run.pick}\` | ${run.longestTaskMs} ms | ${run.longestBetweenMs} ms | ${run.longTasks} | ${run.longestOpeningTaskMs} ms |`,
  );
  return [
    '## The explorer in the browser',
    '',
    machineLine(r),
    '',
    '`npm run build && npm run bench -- page`: the production build served statically, opened in headless Chromium (the system browser, no GPU: the WASM backend trains), one fresh browser context per experiment with the default settings (fast preset), then "Run all". "Pick shown": seconds from the navigation until the equation the run ends with first shows as the pick in the candidate table; "verified": until the verify stage is done. Long tasks: main-thread tasks over 50 ms seen by a `PerformanceObserver`, attributed to the stage running when they started (training and search; the other stages, which draw their pictures), and while the page opens (the first screen, then tfjs with its backend and plotly, loaded when the browser is idle; the benchmark clicks once the page says it is ready).',
    '',
    '| experiment | pick shown | verified | recovered | pick | longest task, training and search | longest task, other stages | long tasks | longest task, page opening |',
    '|---|---|---|---|---|---|---|---|---|',
    ...lines,
    '',
    `What loads before the first screen: ${(figures.firstLoadBytes / 1024).toFixed(0)} KiB as served (${figures.firstLoadFiles.join(', ')}); tfjs, the training code and plotly load after it, when the browser is idle.`,
  ].join('\n');
}

export function renderReadme(results: StoredResult[]): string {
  const sections: string[] = [
    '# Benchmarks',
    'Figures from `npm run bench` (suites: `eval`, `recovery`, `noise`, `training`, `pipeline`, `page`; `--seeds N`, `--only ID,ID`, `--workers K`). Each suite stores its raw figures in `bench/results/SUITE.json`; this page is rewritten from them. The machine gives about one core of CPU time although it reports two, so figures are per core and two workers show no parallel speed-up here.',
  ];
  for (const r of results) {
    if (r.suite === 'eval') sections.push(evalSection(r));
    if (r.suite === 'training') sections.push(trainingSection(r));
    if (r.suite === 'pipeline') sections.push(pipelineSection(r));
    if (r.suite === 'page') sections.push(pageSection(r));
    if (r.suite === 'recovery') {
      sections.push(
        recoverySection(
          r,
          'Time to recovery, exact gradients',
          `\`npm run cli -- search --experiment ID --seed S --workers ${String(r.settings['workers'])}\` with default settings, seeds 1 to ${String(r.settings['seeds'])}: 500 points from the experiment's sampler, the exact gradients of its ground truth. "Pick recovered": the automatic pick's gradients agree with the truth's (mean |cos| ≥ 0.999 on 1,000 fresh points). "Front has it": some member of the Pareto front does. Search time excludes starting the workers.`,
        ),
      );
    }
    if (r.suite === 'noise') {
      sections.push(
        recoverySection(
          r,
          'Time to recovery, noisy gradients',
          `As above for the twelve latent-space experiments with \`--noise ${String(r.settings['noise'])}\`: Gaussian noise of that standard deviation added to every component of each unit gradient, which is then normalised again (an angular error of about that many radians per input, at every point), a stand-in for a network's imperfect gradients. The loss threshold is out of reach with noise, so these searches end when the pick has not changed for 200 rounds, after 400 rounds, or at the time limit. The pick passes over candidates more than 2 standard errors worse than the lowest loss, point by point (\`--pick-se\`). Builds and browser tests shared the machine during the last run of this suite, so its times are upper bounds.`,
        ),
      );
    }
  }
  return `${sections.join('\n\n')}\n`;
}
