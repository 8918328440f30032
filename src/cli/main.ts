// The command line: `npm run cli -- <command> [options]` (commands and options: README.md). Bad input exits with
// code 2 and one line naming what is wrong and where.

import { writeFile } from 'node:fs/promises';
import { toInfix } from '../core/expr/print.ts';
import { experiments, findExperiment } from '../experiments/index.ts';
import {
  followedText,
  knownInSpanText,
  pickMadeOnOf,
  type ResultJson,
  type Verdict,
} from '../pipeline/report.ts';
import { EXACT_COS, otherConceptsAre } from '../pipeline/verify.ts';
import { parseCommandLine } from './options.ts';
import { SETTINGS } from '../pipeline/settings.ts';
import { searchCommand, type CommandArtefacts } from './searchCommand.ts';
import { runCommand } from './runCommand.ts';
import { UsageError } from './usageError.ts';
import { exportRequests, writeExports } from './exportOption.ts';

/** A flag and what it means, one per line, the meanings in one column. */
function optionLines(options: readonly (readonly [string, string])[]): string {
  const width = Math.max(...options.map(([flag]) => flag.length)) + 2;
  return options.map(([flag, help]) => `  ${flag.padEnd(width)}${help.replace(/`/g, '')}`).join('\n');
}

const USAGE = `usage: npm run cli -- <command> [options]

commands:
  list                                  the experiments: id, kind, inputs, ground truth
  search --experiment ID                search on the exact gradients of an experiment's ground truth
         [--points N] [--noise SIGMA]
  search --gradients FILE.csv           search on a gradient file (x,v,grad_x,grad_v)
  search --x X.out --grad G.out         search on the papers' header-less point and gradient files
  run --experiment ID                   the whole pipeline: data, training, gradients, search, check
  train --data FILE.csv --label COLUMN  train a classifier on a labelled table, then gradients and search

settings, read by the same rules and bounds as a shared link's (run and train take all of them;
search takes --seed, --points and those of the search):
${optionLines(SETTINGS.map((row) => [`--${row.flag} ${row.metavar}`, row.help]))}

other options:
${optionLines([
  ['--workers K', 'worker threads for the search (default: the CPU count; 0: in this thread)'],
  ['--json FILE', 'write the result JSON to FILE (- for standard output)'],
  [
    '--export KIND=FILE',
    'write the pick to FILE as numpy (a function), sympy (an expression), latex or infix (plain text), or pysr: a PySR script for a larger search (and FILE-gradients.csv beside it); repeatable',
  ],
  [
    '--pick-se Z|off',
    'pass over candidates worse than the lowest loss by Z standard errors: 2 for search, off for run and train',
  ],
  [
    '--triplets N, --samples N',
    'the training examples of a latent experiment, of a classifier (as --examples)',
  ],
  ['--noise SIGMA', 'search --experiment: Gaussian noise on the unit gradients'],
  ['--save-model DIR', 'run, train: write the network in the TensorFlow.js layers format'],
  ['--load-model DIR', 'run, train: take the gradients of a saved network instead of training one'],
  ['--export-gradients FILE.csv', 'run, train: write the gradient file the search ran on'],
])}`;

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

/** What the other known concepts of the result's experiment are to the one sought. */
function otherConceptsOf(result: ResultJson): string {
  const experiment = findExperiment(String(result.input['experiment']));
  return experiment ? otherConceptsAre(experiment) : 'another known concept';
}

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
    ? `check against ${c.truth}${c.invariant === undefined ? '' : ` (not found; the pick encodes ${c.invariant}, ${otherConceptsOf(result)}, and the check below is against it)`}: ${c.tier} (mean |cos| ${c.meanAbsCos.toFixed(6)} in range, ${c.orientedCos.toFixed(6)} with one orientation), ${c.simplestForm ? 'in' : 'NOT in'} its simplest form (${c.simplest})${c.refitCos === undefined ? '' : `, ${c.refitCos >= EXACT_COS ? 'exact' : 'NOT exact'} with its constants refitted to the truth (${c.refitCos.toFixed(6)} with one orientation)`} -> ${verdictText[c.verdict]}${c.mixture === undefined ? '' : `; a mixture of the known concepts (${c.invariants?.map((i) => i.name).join(', ')}): its gradients lie in the span of theirs (mean ${c.mixture.toFixed(6)}), none of them alone`}`
    : 'check: none; no ground truth is known for this input, so nothing was checked';
  const settledAt = result.search.pickChanges?.at(-1);
  const settled = settledAt === undefined ? '' : `, the pick's form unchanged since round ${settledAt}`;
  const stats = `${result.search.rounds} rounds, ${result.search.evaluations.toLocaleString('en-US')} evaluations, ${result.timings['search_s']?.toFixed(2)} s (${result.search.stopReason})${settled}`;
  const t = result.training;
  const training = t
    ? `training: ${t.epochs} epochs on ${t.backend} (best ${t.bestEpoch}, ${t.stopReason}), validation loss ${t.validationLoss.toFixed(4)}${t.spearman === undefined ? '' : `, spearman ${t.spearman.toFixed(4)}`}, ${result.timings['train_s']?.toFixed(1)} s`
    : '';
  const g = result.gradients;
  const gradients = g
    ? `gradients: ${g.points} points${g.outsideBand > 0 ? ` (${g.outsideBand} outside the band)` : ''}${g.quality === undefined ? '' : `, quality (mean |cos| to the truth) ${g.quality.toFixed(5)}`}${g.known ? `; against each known concept: ${followedText(g.known, 5)}` : ''}${pickMadeOnOf(result) === 'boundary points' ? `; the pick is made on the ${g.boundaryPoints} points nearest the boundary` : ''}`
    : '';
  const latent = g?.latent
    ? `latent space: ${g.latent.size} output units; relative singular values of their gradients ${g.latent.singularValues.map((v) => v.toFixed(3)).join(', ')} (median over the points): it holds ${g.latent.rank} independent concept${g.latent.rank === 1 ? '' : 's'}${g.latent.known ? `; how much of each known concept their span holds (mean length of its unit gradient in the span, 1 = all): ${knownInSpanText(g.latent.known, 5)}` : ''}`
    : '';
  const s = result.secondNetwork;
  const second = s
    ? `second network (seed ${s.seed}): ${s.training.epochs} epochs${s.training.spearman === undefined ? '' : `, spearman ${s.training.spearman.toFixed(4)}`}${s.gradients.quality === undefined ? '' : `, gradient quality ${s.gradients.quality.toFixed(5)}`}, ${result.timings['second_network_s']?.toFixed(1)} s; the pick is made on its gradients`
    : '';
  const concepts = (result.concepts ?? []).map(
    (concept, i) =>
      `concept ${i + 1} of the latent space: ${concept.expr} (size ${concept.complexity}, loss ${concept.loss.toExponential(3)})${concept.check ? ` -> ${concept.check.verdict === 'recovers' ? `recovers ${concept.check.invariant ?? 'the truth'}` : concept.check.verdict} (${concept.check.tier})` : ''}`,
  );
  const known = c?.invariants
    ? `known concepts of this data, found in the front or not: ${c.invariants.map((i) => `${i.name} (${i.found ? 'found' : 'not found'})`).join(', ')}`
    : '';
  const header = `   c        loss     score${checked ? '  check loss' : ''}  equation`;
  return [training, gradients, latent, second, header, ...lines, best, check, ...concepts, known, stats]
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
  const exports = exportRequests(values.export);
  let result: ResultJson;
  const artefacts: CommandArtefacts = {};
  if (command === 'search') result = await searchCommand(values, artefacts);
  else if (command === 'run' || command === 'train') result = await runCommand(command, values, artefacts);
  else throw new UsageError(`unknown command "${command}" (commands: list, search, run, train)`);
  // Every command that returns has searched, so its gradients are there.
  await writeExports(exports, result, artefacts.gradients!);
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
