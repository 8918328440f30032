// Reads a result JSON (from this page's export or from the command line) back into the page:
// its Pareto front, its pick and, for an experiment of the catalogue, the verification. A file
// that does not fit says what is wrong; the run on the page stays as it was.

import { parseExpression } from '../core/expr/parse.ts';
import { findExperiment } from '../experiments/index.ts';
import type { ResultEntry, ResultJson } from '../pipeline/report.ts';
import { verifyStage } from '../pipeline/verify.ts';
import { appStore, emptyRun, STAGES, type StageId, type StageStatus } from './store.ts';
import { verifyView } from './verifyView.ts';

const isEntry = (e: unknown): e is ResultEntry => {
  const x = e as Partial<ResultEntry> | null;
  return (
    typeof x === 'object' &&
    x !== null &&
    typeof x.complexity === 'number' &&
    typeof x.loss === 'number' &&
    typeof x.score === 'number' &&
    typeof x.expr === 'string' &&
    typeof x.latex === 'string'
  );
};

/** Why `json` is not a result this page can show, or null. */
function problemOf(json: unknown): string | null {
  const r = json as Partial<ResultJson> | null;
  if (typeof r !== 'object' || r === null) return 'not a JSON object';
  if (r.schema !== 1) return 'not a result of schema 1';
  if (!Array.isArray(r.variables) || r.variables.some((v) => typeof v !== 'string'))
    return '"variables" is missing';
  if (!Array.isArray(r.pareto) || !r.pareto.every(isEntry)) return '"pareto" is missing or malformed';
  if (typeof r.seed !== 'number') return '"seed" is missing';
  return null;
}

/** Shows the result in `text`; returns a message saying what is wrong, or null. */
export function importResult(text: string, fileName: string): string | null {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return `${fileName}: not JSON (${(error as Error).message})`;
  }
  const problem = problemOf(json);
  if (problem) return `${fileName}: ${problem}`;
  const result = json as ResultJson;
  const experiment = findExperiment(String(result.input['experiment'] ?? ''));
  const same =
    experiment && experiment.variables.join(',') === result.variables.join(',') ? experiment : undefined;
  const stages = Object.fromEntries(STAGES.map((s) => [s, 'done'])) as Record<StageId, StageStatus>;
  const run = { ...emptyRun(), stages, result };
  run.search = {
    round: result.search?.rounds ?? 0,
    elapsedSeconds: result.timings?.['search_s'] ?? 0,
    evaluations: result.search?.evaluations ?? 0,
    front: result.pareto,
    ...(result.best ? { pickComplexity: result.best.complexity } : {}),
  };
  const parsed = result.best ? parseExpression(result.best.expr, result.variables) : null;
  if (same && parsed?.ok) {
    const front = result.pareto.flatMap((e) => {
      const entry = parseExpression(e.expr, result.variables);
      return entry.ok ? [{ tree: entry.expr, complexity: e.complexity }] : [];
    });
    // Checked afresh: a file's own check may come from an older rule, or from nowhere.
    const check = verifyStage({ front, best: { tree: parsed.expr } }, same, result.seed);
    run.verify = verifyView({ tree: parsed.expr }, same, check, result.seed);
    run.result = { ...result, check };
  }
  appStore.setState((s) => ({
    run,
    selected: null,
    settings: same ? { ...s.settings, experiment: same.id, seed: result.seed } : s.settings,
  }));
  return null;
}
