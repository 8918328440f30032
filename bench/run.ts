// `npm run bench [-- SUITE...] [--seeds N] [--only ID,ID] [--workers K]`: runs the benchmark
// suites (eval, recovery, noise, training, pipeline, page; all by default; page needs `npm run build`), stores their figures in bench/results/ and
// rewrites bench/README.md from every stored result.

import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { cpus, totalmem } from 'node:os';
import { experiments } from '../src/experiments/index.ts';
import { runThroughput } from './throughput.ts';
import { runRecovery } from './recovery.ts';
import { renderReadme, type StoredResult } from './render.ts';
import { runPipeline } from './pipeline.ts';
import { runTrainingThroughput } from './training.ts';
import { runPageBench } from './page.ts';

const resultsDir = new URL('./results/', import.meta.url);
const SUITES = ['eval', 'recovery', 'noise', 'training', 'pipeline', 'page'] as const;
type Suite = (typeof SUITES)[number];

function machine(): StoredResult['machine'] {
  return {
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    date: new Date().toISOString().slice(0, 10),
  };
}

async function store(suite: Suite, data: unknown, settings: Record<string, unknown>): Promise<void> {
  const result: StoredResult = { suite, machine: machine(), settings, data };
  await mkdir(resultsDir, { recursive: true });
  await writeFile(new URL(`${suite}.json`, resultsDir), `${JSON.stringify(result, null, 2)}\n`);
}

async function loadStored(): Promise<StoredResult[]> {
  const found: StoredResult[] = [];
  for (const suite of SUITES) {
    try {
      found.push(JSON.parse(await readFile(new URL(`${suite}.json`, resultsDir), 'utf8')) as StoredResult);
    } catch {
      // Not run yet.
    }
  }
  return found;
}

/** New runs replace the stored runs of the same experiments, so `--only` refreshes part of a table. */
async function mergedRuns<T extends { experiment: string; seed: number }>(
  suite: Suite,
  runs: T[],
): Promise<T[]> {
  const stored = (await loadStored()).find((r) => r.suite === suite);
  const rerun = new Set(runs.map((r) => r.experiment));
  const kept = ((stored?.data ?? []) as T[]).filter((r) => !rerun.has(r.experiment));
  const order = experiments.map((e) => e.id);
  return [...kept, ...runs].sort(
    (a, b) => order.indexOf(a.experiment) - order.indexOf(b.experiment) || a.seed - b.seed,
  );
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    options: { seeds: { type: 'string' }, only: { type: 'string' }, workers: { type: 'string' } },
    allowPositionals: true,
  });
  const unknown = positionals.find((p) => !(SUITES as readonly string[]).includes(p));
  if (unknown) throw new Error(`unknown suite "${unknown}" (suites: ${SUITES.join(', ')})`);
  const suites = positionals.length > 0 ? (positionals as Suite[]) : [...SUITES];
  const seeds = Array.from({ length: Number(values.seeds ?? 10) }, (_, i) => i + 1);
  const workers = Number(values.workers ?? 2);
  const only = values.only?.split(',');
  const chosen = experiments.filter((e) => !only || only.includes(e.id));
  const log = (line: string): void => console.log(line);

  if (suites.includes('eval')) {
    console.log('eval: evaluation throughput');
    await store('eval', runThroughput(), { points: 1000 });
  }
  if (suites.includes('recovery')) {
    const runs = await runRecovery(chosen, seeds, workers, 0, log);
    await store('recovery', await mergedRuns('recovery', runs), { seeds: seeds.length, workers });
  }
  if (suites.includes('noise')) {
    const latent = chosen.filter((e) => e.kind === 'latent');
    const runs = await runRecovery(latent, seeds, workers, 0.1, log);
    await store('noise', await mergedRuns('noise', runs), { seeds: seeds.length, workers, noise: 0.1 });
  }
  if (suites.includes('training')) {
    await store('training', await runTrainingThroughput(log), { examples: 4000, epochs: 3 });
  }
  if (suites.includes('pipeline')) {
    const pipelineSeeds = seeds.slice(0, Number(values.seeds ?? 5));
    const runs = await runPipeline(chosen, pipelineSeeds, workers, log);
    await store('pipeline', await mergedRuns('pipeline', runs), {
      seeds: pipelineSeeds.length,
      workers,
      preset: 'fast',
    });
  }
  if (suites.includes('page')) {
    await store('page', await runPageBench(log), { experiments: 3, settings: 'defaults (fast preset)' });
  }
  await writeFile(new URL('./README.md', import.meta.url), renderReadme(await loadStored()));
  console.log('wrote bench/README.md');
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
