// Laws no setting was tuned on (./unknown/laws.ts), run as a user with a gradient file would run
// them: their exact (then noisy) gradients at the product's default number of points written to a
// gradient file, `search --gradients FILE` with every setting at its default, and then, apart
// from the search, the pick and its front checked against the law by the tiered check.

import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseCommandLine } from '../src/cli/options.ts';
import { searchCommand } from '../src/cli/searchCommand.ts';
import { formatGradientCsv } from '../src/core/io/gradientFile.ts';
import { parseExpression } from '../src/core/expr/parse.ts';
import type { Expr } from '../src/core/expr/types.ts';
import { truthGradientSet } from '../src/pipeline/truthGradients.ts';
import { verifyStage } from '../src/pipeline/verify.ts';
import { defaultRunSettings } from '../src/pipeline/runSettings.ts';
import type { ResultEntry, ResultJson } from '../src/pipeline/report.ts';
import { boxExperiment } from './boxExperiment.ts';
import { checkFigures, type CheckFigures } from './recovery.ts';
import type { UnknownLaw } from './unknown/laws.ts';

/** The passes: exact gradients, then gradients with this much noise (as the Feynman suite's). */
export const UNKNOWN_NOISE = [0, 0.05] as const;

export interface UnknownRun extends CheckFigures {
  id: string;
  noise: number;
  seed: number;
  searchSeconds: number;
  stopReason: string;
  truth: string;
}

/** An equation of the result JSON as a tree over its variables (the JSON's text reads back exactly). */
function treeOf(entry: ResultEntry, variables: readonly string[]): Expr {
  const parsed = parseExpression(entry.expr, variables);
  if (!parsed.ok)
    throw new Error(`the result's equation ${entry.expr} does not read back: ${parsed.error.message}`);
  return parsed.expr;
}

/** The result with the check of its pick and front against `law`, made here, not by the search. */
function checked(result: ResultJson, law: UnknownLaw, seed: number): ResultJson {
  const experiment = boxExperiment(`unknown-${law.id}`, law.what, law);
  const front = result.pareto.map((entry) => ({
    complexity: entry.complexity,
    tree: treeOf(entry, result.variables),
  }));
  const best = result.best ? { tree: treeOf(result.best, result.variables) } : undefined;
  return { ...result, check: verifyStage({ front, best }, experiment, seed) };
}

export async function runUnknown(
  laws: readonly UnknownLaw[],
  seeds: readonly number[],
  log: (line: string) => void,
): Promise<UnknownRun[]> {
  const folder = await mkdtemp(join(tmpdir(), 'unknown-laws-'));
  const runs: UnknownRun[] = [];
  try {
    for (const noise of UNKNOWN_NOISE) {
      for (const law of laws) {
        const experiment = boxExperiment(`unknown-${law.id}`, law.what, law);
        for (const seed of seeds) {
          const file = join(folder, `${law.id}-${noise}-${seed}.csv`);
          const gradients = truthGradientSet(experiment, defaultRunSettings.points, noise, seed);
          await writeFile(file, formatGradientCsv(gradients));
          const result = await searchCommand(parseCommandLine(['--gradients', file]).values);
          const run: UnknownRun = {
            id: law.id,
            noise,
            seed,
            searchSeconds: result.timings['search_s'] ?? NaN,
            stopReason: result.search.stopReason,
            truth: law.formula,
            ...checkFigures(checked(result, law, seed)),
          };
          runs.push(run);
          log(
            `unknown ${law.id} ${noise > 0 ? `noise ${noise}` : 'exact'} seed ${seed}: ${run.verdict} (${run.tier}${run.simplestForm ? ', simplest form' : ''}, mean |cos| ${run.meanAbsCos.toFixed(6)}) in ${run.searchSeconds.toFixed(2)} s (${run.stopReason}) ${run.pick}`,
          );
        }
      }
    }
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
  return runs;
}
