// The command line: `npm run cli -- <command> [options]` (commands and options: README.md). Bad input exits with
// code 2 and one line naming what is wrong and where.

import { writeFile } from 'node:fs/promises';
import { toInfix } from '../core/expr/print.ts';
import { experiments } from '../experiments/index.ts';
import type { ResultJson, Verdict } from '../pipeline/report.ts';
import { parseCommandLine } from './options.ts';
import { searchCommand } from './searchCommand.ts';
import { runCommand } from './runCommand.ts';
import { UsageError } from './usageError.ts';

const USAGE = `usage: npm run cli -- <command> [options]

commands:
  list                                  the experiments: id, kind, inputs, ground truth
  search --experiment ID                search on the exact gradients of an experiment's ground truth
         [--points N] [--noise SIGMA]
  search --gradients FILE.csv           search on a gradient file (x,v,grad_x,grad_v)
  search --x X.out --grad G.out         search on the papers' header-less point and gradient files
  run --experiment ID                   the whole pipeline: data, training, gradients, search, check
  train --data FILE.csv --label COLUMN  train a classifier on a labelled table, then gradients and search

options: --seed N  --workers K  --time-limit SECONDS  --max-size N  --operators +,-,*,/,sin,...
         --pick-factor F  (the pick's loss window: 1.5 for search, 10 for run and train)
         --pick-se Z|off  (pass over candidates worse than the lowest loss by Z standard
                          errors: 2 for search, off for run and train)
         --json FILE  (- for standard output)
run and train: --preset fast|paper  --epochs N  --triplets N (latent)  --samples N (classifier)
         --hidden 64,64  --activation relu|elu|tanh|softplus|sigmoid  --dropout P  --l2 L
         --lr RATE  --batch N  --neuron output|LAYER:INDEX  --points N  --band P
         --backend auto|wasm|cpu  --save-model DIR  --load-model DIR  --export-gradients FILE.csv
         --cross-check on|off  (make the pick on gradients the search did not fit: a second
                   network's, or a classifier's nearest its boundary; on by default)`;

function listCommand(): string {
  const rows = experiments.map((e) => [e.id, e.kind, e.variables.join(','), toInfix(e.truth, e.variables)]);
  const widths = [0, 1, 2].map((c) => Math.max(...rows.map((row) => (row[c] as string).length)));
  return rows
    .map((row) => row.map((cell, c) => (c < 3 ? cell.padEnd(widths[c] as number) : cell)).join('  '))
    .join('\n');
}

const verdictText: Record<Verdict, string> = {
  recovers: 'RECOVERS the law',
  'look-alike': 'a LOOK-ALIKE: it fits, it is not the law',
  wrong: 'WRONG: not the concept',
};

function summary(result: ResultJson): string {
  const checked = result.pareto.some((e) => e.validationLoss !== undefined);
  const lines = result.pareto.map(
    (e) =>
      `${String(e.complexity).padStart(4)}  ${e.loss.toExponential(3).padStart(10)}  ${e.score.toFixed(3).padStart(8)}${checked ? `  ${(e.validationLoss ?? NaN).toExponential(3).padStart(10)}` : ''}  ${e.expr}`,
  );
  const best = result.best
    ? `pick: ${result.best.expr} (size ${result.best.complexity}, loss ${result.best.loss.toExponential(3)})`
    : 'pick: none';
  const c = result.check;
  const check = c
    ? `check against ${c.truth}: ${c.tier} (mean |cos| ${c.meanAbsCos.toFixed(6)} in range, ${c.orientedCos.toFixed(6)} with one orientation), ${c.simplestForm ? 'in' : 'NOT in'} its simplest form (${c.simplest}) -> ${verdictText[c.verdict]}`
    : 'check: none; no ground truth is known for this input, so nothing was checked';
  const stats = `${result.search.rounds} rounds, ${result.search.evaluations.toLocaleString('en-US')} evaluations, ${result.timings['search_s']?.toFixed(2)} s (${result.search.stopReason})`;
  const t = result.training;
  const training = t
    ? `training: ${t.epochs} epochs on ${t.backend} (best ${t.bestEpoch}, ${t.stopReason}), validation loss ${t.validationLoss.toFixed(4)}${t.spearman === undefined ? '' : `, spearman ${t.spearman.toFixed(4)}`}, ${result.timings['train_s']?.toFixed(1)} s`
    : '';
  const g = result.gradients;
  const gradients = g
    ? `gradients: ${g.points} points${g.outsideBand > 0 ? ` (${g.outsideBand} outside the band)` : ''}${g.quality === undefined ? '' : `, quality (mean |cos| to the truth) ${g.quality.toFixed(5)}`}${result.settings['crossCheck'] === 'boundary points' ? `; the pick is made on the ${g.boundaryPoints} points nearest the boundary` : ''}`
    : '';
  const s = result.secondNetwork;
  const second = s
    ? `second network (seed ${s.seed}): ${s.training.epochs} epochs${s.training.spearman === undefined ? '' : `, spearman ${s.training.spearman.toFixed(4)}`}${s.gradients.quality === undefined ? '' : `, gradient quality ${s.gradients.quality.toFixed(5)}`}, ${result.timings['second_network_s']?.toFixed(1)} s; the pick is made on its gradients`
    : '';
  const header = `   c        loss     score${checked ? '  check loss' : ''}  equation`;
  return [training, gradients, second, header, ...lines, best, check, stats]
    .filter((l) => l !== '')
    .join('\n');
}

async function main(argv: string[]): Promise<void> {
  const { values, positionals } = parseCommandLine(argv);
  const [command, ...extra] = positionals;
  if (values.help || command === undefined) {
    console.log(USAGE);
    return;
  }
  if (extra.length > 0) throw new UsageError(`unexpected argument "${extra[0]}"`);
  if (command === 'list') {
    console.log(listCommand());
    return;
  }
  let result: ResultJson;
  if (command === 'search') result = await searchCommand(values);
  else if (command === 'run' || command === 'train') result = await runCommand(command, values);
  else throw new UsageError(`unknown command "${command}" (commands: list, search, run, train)`);
  const text = JSON.stringify(result, null, 2);
  if (values.json === '-') {
    process.stdout.write(`${text}\n`);
    console.error(summary(result));
    return;
  }
  if (values.json !== undefined) {
    try {
      await writeFile(values.json, `${text}\n`);
    } catch (error) {
      throw new UsageError(
        `--json: cannot write ${values.json} (${(error as NodeJS.ErrnoException).code ?? 'error'})`,
      );
    }
  }
  console.log(summary(result));
}

main(process.argv.slice(2)).then(
  () => process.exit(0),
  (error: unknown) => {
    if (error instanceof UsageError) {
      console.error(`error: ${error.message}`);
      process.exit(2);
    }
    console.error(error);
    process.exit(1);
  },
);
