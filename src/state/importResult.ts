// Shows a result JSON read back into the page (`readResultJson` has checked it): its Pareto front,
// its pick and, for an experiment of the catalogue, the verification, made afresh. Nothing of the
// run that was on the page survives. A row picked by hand in such a run is verified the same way.

import { parseExpression } from '../core/expr/parse.ts';
import { experimentOfInput, withoutConcept } from '../pipeline/experimentOf.ts';
import type { Experiment } from '../experiments/types.ts';
import type { ResultJson } from '../pipeline/report.ts';
import type { RunSettings } from '../pipeline/runSettings.ts';
import { verifyStage } from '../pipeline/verify.ts';
import { appStore, emptyRun, STAGES, type RunView, type StageId, type StageStatus } from './store.ts';
import { verifyView } from './verifyView.ts';
import { latentView } from './latentView.ts';

/** The experiment a result was run on (the catalogue's or a typed concept), if its inputs are that experiment's. */
function experimentOf(result: ResultJson): Experiment | undefined {
  const read = experimentOfInput(result.input);
  return read.ok && read.experiment.variables.join(',') === result.variables.join(',')
    ? read.experiment
    : undefined;
}

/**
 * The verification of the front entry of `complexity` (the pick when null), checked afresh: a
 * file's own check may come from an older rule, or from nowhere. Null where there is no truth.
 */
function verified(result: ResultJson, complexity: number | null): Pick<RunView, 'verify' | 'result'> | null {
  const experiment = experimentOf(result);
  const chosen = result.pareto.find((e) => e.complexity === complexity) ?? result.best;
  const parsed = chosen && parseExpression(chosen.expr, result.variables);
  if (!experiment || !parsed?.ok) return null;
  const front = result.pareto.flatMap((e) => {
    const entry = parseExpression(e.expr, result.variables);
    return entry.ok ? [{ tree: entry.expr, complexity: e.complexity }] : [];
  });
  const check = verifyStage({ front, best: { tree: parsed.expr } }, experiment, result.seed);
  return {
    verify: verifyView({ tree: parsed.expr }, experiment, check, result.seed),
    result: { ...result, check },
  };
}

/**
 * The run view of a finished `result` as `readResultJson` gives it (a check the file carried is
 * not read): every stage done, its pick verified afresh where it can be.
 */
export function resultRunView(result: ResultJson): RunView {
  const stages = Object.fromEntries(STAGES.map((s) => [s, 'done'])) as Record<StageId, StageStatus>;
  const run: RunView = { ...emptyRun(), stages, result };
  run.search = {
    round: result.search.rounds,
    elapsedSeconds: result.timings['search_s'] ?? 0,
    evaluations: result.search.evaluations,
    front: result.pareto,
    ...(result.best ? { pickComplexity: result.best.complexity } : {}),
    ...(result.search.pickChanges?.length ? { pickSince: result.search.pickChanges.at(-1)! } : {}),
  };
  const latent = result.gradients?.latent;
  if (latent)
    run.latent = latentView(
      latent,
      result.concepts ?? [],
      result.variables,
      experimentOf(result),
      result.seed,
    );
  return { ...run, ...verified(result, null) };
}

/** `settings` naming the experiment of a result's input: the catalogue's, or its typed concept. */
function settingsOfInput(settings: RunSettings, input: ResultJson['input']): RunSettings {
  const rest = withoutConcept(settings);
  const typed = Object.fromEntries(
    (['concept', 'box', 'threshold'] as const).flatMap((key) =>
      input[key] === undefined ? [] : [[key, input[key]]],
    ),
  );
  return {
    ...rest,
    ...typed,
    experiment: typeof input['experiment'] === 'string' ? input['experiment'] : rest.experiment,
  };
}

/** Shows `result` as the run on the page, in place of whatever was there. */
export function showImportedResult(result: ResultJson): void {
  const run = resultRunView(result);
  const experiment = experimentOf(result);
  appStore.setState((s) => ({
    run,
    selected: null,
    settings: experiment ? { ...settingsOfInput(s.settings, result.input), seed: result.seed } : s.settings,
  }));
}

/**
 * Verifies the row of `complexity` of a run shown from a file or from storage (one with no
 * artefacts to recompute from); returns whether there was such a run to verify.
 */
export function verifyShownRow(complexity: number | null): boolean {
  const result = appStore.getState().run.result;
  if (!result) return false;
  const view = verified(result, complexity);
  if (view) appStore.setState((s) => ({ run: { ...s.run, ...view } }));
  return true;
}
