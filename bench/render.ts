// Writes bench/README.md from the stored results: the machine, the date, and one table a suite.

import type { ThroughputRow } from './throughput.ts';
import type { RecoveryRun } from './recovery.ts';

export interface StoredResult {
  suite: 'eval' | 'recovery' | 'noise';
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

export function renderReadme(results: StoredResult[]): string {
  const sections: string[] = [
    '# Benchmarks',
    'Figures from `npm run bench` (suites: `eval`, `recovery`, `noise`; `--seeds N`, `--only ID,ID`, `--workers K`). Each suite stores its raw figures in `bench/results/SUITE.json`; this page is rewritten from them. The machine gives about one core of CPU time although it reports two, so figures are per core and two workers show no parallel speed-up here.',
  ];
  for (const r of results) {
    if (r.suite === 'eval') sections.push(evalSection(r));
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
          `As above for the twelve latent-space experiments with \`--noise ${String(r.settings['noise'])}\`: Gaussian noise of that standard deviation added to every component of each unit gradient, which is then normalised again (an angular error of about that many radians per input, at every point), a stand-in for a network's imperfect gradients. The loss threshold is out of reach with noise, so these searches end when the pick has not changed for 200 rounds, after 400 rounds, or at the time limit.`,
        ),
      );
    }
  }
  return `${sections.join('\n\n')}\n`;
}
