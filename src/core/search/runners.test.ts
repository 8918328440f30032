import { describe, expect, it } from 'vitest';
import { Rng } from '../rng.ts';
import { exactGradients, normalizeGradients } from '../eval/gradients.ts';
import { parseExpression } from '../expr/parse.ts';
import { defaultSearchOptions, type SearchOptions } from './options.ts';
import { runSearch } from './search.ts';
import { createIslandWorkerApi, createLocalRunner, IslandPool, type IslandWorkerHandle } from './runners.ts';
import type { SearchData } from './fitness.ts';
import { pricedSeeds } from './linearSeeds.ts';

function data(): SearchData {
  const names = ['a', 'b'];
  const parsed = parseExpression('a * b + sin(a)', names);
  if (!parsed.ok) throw new Error(parsed.error.message);
  const rng = new Rng(5);
  const x = names.map(() => Float64Array.from({ length: 100 }, () => rng.uniform(-1, 1)));
  const unit = normalizeGradients(x, exactGradients(parsed.expr, x));
  return { variables: names, x: unit.x, target: { kind: 'gradient', t: unit.t } };
}

const options: SearchOptions = {
  ...defaultSearchOptions,
  islands: 3,
  populationSize: 30,
  stepsPerRound: 100,
  maxRounds: 6,
  lossThreshold: -1,
};

type Fault = 'crash' | 'hang' | 'none';

/**
 * An in-process worker whose `fault(call)` says what happens on its call-th round: it runs, it
 * crashes (its `died` rejects and the round never answers), or it hangs (nothing ever answers).
 */
function fakeWorker(fault: (call: number) => Fault): IslandWorkerHandle {
  const api = createIslandWorkerApi();
  let calls = 0;
  let die: (error: Error) => void = () => undefined;
  const died = new Promise<never>((_, reject) => (die = reject));
  died.catch(() => undefined);
  /** The call's work, or its fault. */
  const call = <T>(work: () => T): Promise<T> => {
    const what = fault(calls++);
    if (what === 'none') return Promise.resolve(work());
    if (what === 'crash') die(new Error('worker crashed on purpose'));
    return new Promise(() => undefined);
  };
  return {
    setup: async (d, o) => api.setup(d, o),
    seeds: () => call(() => api.seeds()),
    evolve: (request) => call(() => api.evolve(request)),
    died,
    terminate: () => undefined,
  };
}

const limits = { roundDeadlineMs: 200, maxRestarts: 3 };

describe('an island pool whose workers fail', () => {
  const searchData = data();
  const undisturbed = runSearch(options, createLocalRunner(searchData, options));

  it.each<Fault>(['none', 'crash', 'hang'])(
    'reads the seeds off the gradients on a worker, as in this thread (worker: %s)',
    async (fault) => {
      let created = 0;
      const create = () => {
        const first = created++ === 0;
        return fakeWorker((call) => (first && call === 0 ? fault : 'none'));
      };
      const pool = await IslandPool.start(create, 1, searchData, options, limits);
      expect(await pool.seeds()).toEqual(pricedSeeds(searchData, options));
      expect(created).toBe(fault === 'none' ? 1 : 2);
    },
  );

  it.each<Fault>(['crash', 'hang'])(
    'replaces a worker that fails mid-search (%s) and finds exactly the undisturbed front',
    async (fault) => {
      let created = 0;
      // The first worker fails on its fourth round; every worker after it is sound.
      const create = () => {
        const first = created++ === 0;
        return fakeWorker((call) => (first && call === 3 ? fault : 'none'));
      };
      const pool = await IslandPool.start(create, 2, searchData, options, limits);
      const result = await runSearch(options, pool);
      expect(created).toBe(3);
      expect(result.stopReason).toBe('maxRounds');
      expect(result.front).toEqual((await undisturbed).front);
    },
  );

  it('gives up after too many failures, and the search keeps what it found', async () => {
    let created = 0;
    // The first worker runs two rounds of three islands, then it and every replacement crash.
    const create = () => {
      const first = created++ === 0;
      return fakeWorker((call) => (first && call < 6 ? 'none' : 'crash'));
    };
    const pool = await IslandPool.start(create, 1, searchData, options, limits);
    const result = await runSearch(options, pool);
    expect(result.stopReason).toBe('workersFailed');
    expect(result.failure).toMatch(/island workers failed 4 times \(last: worker crashed on purpose\)/);
    expect(result.front.length).toBeGreaterThan(0);
    expect(created).toBe(1 + limits.maxRestarts);
  });
});
