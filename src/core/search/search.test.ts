import { describe, expect, it } from 'vitest';
import { Rng } from '../rng.ts';
import { parseExpression } from '../expr/parse.ts';
import { complexity } from '../expr/complexity.ts';
import type { Expr } from '../expr/types.ts';
import { exactGradients, normalizeGradients } from '../eval/gradients.ts';
import { defaultSearchOptions, type SearchOptions } from './options.ts';
import { runSearch } from './search.ts';
import { createLocalRunner } from './runners.ts';
import type { SearchData } from './fitness.ts';
import { evaluateScalar } from '../expr/evaluate.ts';

const names = ['x', 'y', 'z'];
const parse = (text: string): Expr => {
  const r = parseExpression(text, names);
  if (!r.ok) throw new Error(r.error.message);
  return r.expr;
};

function points(seed: number, n: number): Float64Array[] {
  const rng = new Rng(seed);
  return names.map(() => Float64Array.from({ length: n }, () => rng.uniform(0.2, 2)));
}

function gradientData(truth: string, seed = 1): SearchData {
  const x = points(seed, 300);
  const unit = normalizeGradients(x, exactGradients(parse(truth), x));
  return { variables: names, x: unit.x, target: { kind: 'gradient', t: unit.t } };
}

/** Mean |cos| between gradients of two trees at fresh points. */
function agreement(a: Expr, b: Expr): number {
  const x = points(99, 400);
  const ga = exactGradients(a, x);
  const gb = exactGradients(b, x);
  let sum = 0;
  for (let i = 0; i < 400; i++) {
    let dot = 0,
      na = 0,
      nb = 0;
    for (let j = 0; j < names.length; j++) {
      dot += ga[j]![i]! * gb[j]![i]!;
      na += ga[j]![i]! ** 2;
      nb += gb[j]![i]! ** 2;
    }
    sum += Math.abs(dot) / Math.sqrt(na * nb) || 0;
  }
  return sum / 400;
}

const quick: SearchOptions = {
  ...defaultSearchOptions,
  islands: 4,
  populationSize: 40,
  stepsPerRound: 200,
  maxRounds: 150,
  timeLimitSeconds: 30,
  unaryOperators: ['square', 'sin', 'exp'],
};

describe('symbolic search on normalised gradients', () => {
  it('recovers a concept that is not in the catalogue, up to its equivalence class', async () => {
    const truth = 'x * exp(y) + square(z)';
    const options = { ...defaultSearchOptions, unaryOperators: quick.unaryOperators };
    const result = await runSearch(options, createLocalRunner(gradientData(truth), options));
    expect(result.stopReason).toBe('threshold');
    expect(result.best).toBeDefined();
    expect(agreement(result.best!.tree, parse(truth))).toBeGreaterThan(0.999);
  });

  it('gives the same front for the same seed and settings', async () => {
    const data = gradientData('x * y - z');
    const options = { ...quick, maxRounds: 6, lossThreshold: -1 };
    const first = await runSearch(options, createLocalRunner(data, options));
    const second = await runSearch(options, createLocalRunner(data, options));
    expect(second.front).toEqual(first.front);
    const other = await runSearch({ ...options, seed: 2 }, createLocalRunner(data, { ...options, seed: 2 }));
    expect(other.front).not.toEqual(first.front);
  });

  it('respects max size and a binary root on every front entry', async () => {
    const options = { ...quick, maxSize: 7, rootBinary: true, maxRounds: 8, lossThreshold: -1 };
    const result = await runSearch(options, createLocalRunner(gradientData('x * y + sin(z)'), options));
    expect(result.front.length).toBeGreaterThan(0);
    for (const entry of result.front) {
      expect(complexity(entry.tree)).toBeLessThanOrEqual(7);
      expect(entry.tree.kind).toBe('binary');
    }
  });

  it('keeps what it found when cancelled, and reports each round', async () => {
    const controller = new AbortController();
    const rounds: number[] = [];
    const options = { ...quick, lossThreshold: -1 };
    const result = await runSearch(options, createLocalRunner(gradientData('x * y / z'), options), {
      signal: controller.signal,
      onRound: (p) => {
        rounds.push(p.round);
        if (p.round === 3) controller.abort();
      },
    });
    expect(result.stopReason).toBe('cancelled');
    expect(rounds).toEqual([1, 2, 3]);
    expect(result.front.length).toBeGreaterThan(0);
    expect(result.best).toBeDefined();
  });

  it('records the rounds after which the pick changed, and stops once it has held for the patience', async () => {
    const options = { ...quick, lossThreshold: -1, patienceRounds: 4, maxRounds: 60 };
    const picks: string[] = [];
    const result = await runSearch(options, createLocalRunner(gradientData('x * y / z'), options), {
      onRound: (p) => {
        picks.push(JSON.stringify(p.best?.tree, (k, v: unknown) => (k === 'value' ? 0 : v)));
      },
    });
    const changedAfter = picks.flatMap((pick, i) => (i === 0 || pick !== picks[i - 1] ? [i + 1] : []));
    expect(result.pickChanges).toEqual(changedAfter);
    expect(result.stopReason).toBe('patience');
    expect(result.round - result.pickChanges.at(-1)!).toBe(4);
  });

  it('starts no round before what the last round’s hook returned has resolved', async () => {
    const options = { ...quick, lossThreshold: -1, maxRounds: 3 };
    const local = createLocalRunner(gradientData('x * y'), options);
    let evolving = 0;
    const seenWhileWaiting: number[] = [];
    const runner = {
      ...local,
      evolve: (request: Parameters<typeof local.evolve>[0]) => (evolving++, local.evolve(request)),
    };
    const result = await runSearch(options, runner, {
      onRound: async () => {
        const before = evolving;
        await new Promise((resolve) => setTimeout(resolve, 20));
        seenWhileWaiting.push(evolving - before);
      },
    });
    expect(result.round).toBe(3);
    expect(seenWhileWaiting).toEqual([0, 0, 0]);
    expect(evolving).toBe(3 * options.islands);
  });

  it('stops at the time limit', async () => {
    const options = {
      ...quick,
      lossThreshold: -1,
      timeLimitSeconds: 0.2,
      maxRounds: 10_000,
      patienceRounds: 10_000,
    };
    const result = await runSearch(options, createLocalRunner(gradientData('x * y / z'), options));
    expect(result.stopReason).toBe('timeLimit');
  });

  it('fits values with the value loss (ordinary regression)', async () => {
    const x = points(5, 200);
    const truth = parse('x * y + 2.5');
    const y = Float64Array.from({ length: 200 }, (_, i) =>
      evaluateScalar(truth, [x[0]![i]!, x[1]![i]!, x[2]![i]!]),
    );
    const options: SearchOptions = { ...quick, loss: 'value', lossThreshold: 1e-12 };
    const result = await runSearch(
      options,
      createLocalRunner({ variables: names, x, target: { kind: 'value', y } }, options),
    );
    expect(result.stopReason).toBe('threshold');
    const best = result.best!.tree;
    for (let i = 0; i < 20; i++) {
      const p = [x[0]![i]!, x[1]![i]!, x[2]![i]!];
      expect(evaluateScalar(best, p)).toBeCloseTo(evaluateScalar(truth, p), 5);
    }
  });
});
