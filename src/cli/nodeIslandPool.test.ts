import { describe, expect, it } from 'vitest';
import { Rng } from '../core/rng.ts';
import { exactGradients, normalizeGradients } from '../core/eval/gradients.ts';
import { parseExpression } from '../core/expr/parse.ts';
import { defaultSearchOptions, type SearchOptions } from '../core/search/options.ts';
import { runSearch } from '../core/search/search.ts';
import { createLocalRunner, type IslandWorkerHandle } from '../core/search/runners.ts';
import type { SearchData } from '../core/search/fitness.ts';
import { createNodeIslandWorker, startNodeIslandPool } from './nodeIslandPool.ts';

function data(): SearchData {
  const names = ['a', 'b', 'c'];
  const parsed = parseExpression('a * b + sin(c)', names);
  if (!parsed.ok) throw new Error(parsed.error.message);
  const rng = new Rng(11);
  const x = names.map(() => Float64Array.from({ length: 200 }, () => rng.uniform(-1, 1)));
  const unit = normalizeGradients(x, exactGradients(parsed.expr, x));
  return { variables: names, x: unit.x, target: { kind: 'gradient', t: unit.t } };
}

describe('island pool on worker threads', () => {
  it('gives exactly the front of the in-process search, whatever the worker count', async () => {
    // No early stop: the comparison covers a fixed number of rounds with migration between them.
    const options: SearchOptions = { ...defaultSearchOptions, islands: 5, maxRounds: 6, lossThreshold: -1 };
    const searchData = data();
    const local = await runSearch(options, createLocalRunner(searchData, options));
    for (const workers of [1, 2, 3]) {
      const pool = await startNodeIslandPool(workers, searchData, options);
      try {
        const pooled = await runSearch(options, pool);
        expect(pooled.front).toEqual(local.front);
        expect(pooled.evaluations).toBe(local.evaluations);
      } finally {
        pool.terminate();
      }
    }
  });

  it('restarts a worker killed in the middle of a search, which then finds the undisturbed front', async () => {
    const options: SearchOptions = { ...defaultSearchOptions, islands: 3, maxRounds: 5, lossThreshold: -1 };
    const searchData = data();
    const local = await runSearch(options, createLocalRunner(searchData, options));
    let created = 0;
    // The first worker thread is killed during its third round.
    const create = (): IslandWorkerHandle => {
      const handle = createNodeIslandWorker();
      if (created++ > 0) return handle;
      let rounds = 0;
      return {
        ...handle,
        evolve: (request) => {
          const result = handle.evolve(request);
          if (++rounds === 3) handle.terminate();
          return result;
        },
      };
    };
    const pool = await startNodeIslandPool(2, searchData, options, create);
    try {
      const result = await runSearch(options, pool);
      expect(created).toBe(3);
      expect(result.stopReason).toBe('maxRounds');
      expect(result.front).toEqual(local.front);
    } finally {
      pool.terminate();
    }
  });

  it('stops a search in the middle of a round and keeps the front found so far', async () => {
    const options: SearchOptions = { ...defaultSearchOptions, lossThreshold: -1, stepsPerRound: 3000 };
    const pool = await startNodeIslandPool(2, data(), options);
    const controller = new AbortController();
    try {
      const result = await runSearch(options, pool, {
        signal: controller.signal,
        onRound: (p) => {
          if (p.round === 1) setTimeout(() => controller.abort(), 10);
        },
      });
      expect(result.stopReason).toBe('cancelled');
      expect(result.round).toBeGreaterThanOrEqual(1);
      expect(result.front.length).toBeGreaterThan(0);
    } finally {
      pool.terminate();
    }
  });
});
