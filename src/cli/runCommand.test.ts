// One abort for the whole run: whenever it comes, the run ends in order and still reports.
import { describe, expect, it } from 'vitest';
import { parseCommandLine } from './options.ts';
import { runPipeline } from './runCommand.ts';

describe('a run aborted part-way (Ctrl-C)', () => {
  it('stops training, trains no second network, and still writes its result', async () => {
    const { values } = parseCommandLine([
      '--experiment',
      'matrix-2x2-trace',
      '--hidden',
      '16,16',
      '--triplets',
      '1500',
      '--epochs',
      '10000',
      '--workers',
      '0',
    ]);
    const controller = new AbortController();
    // Early: training on this tiny network may stop on its own after a second or two.
    setTimeout(() => controller.abort(), 300);
    const started = performance.now();
    const result = await runPipeline('run', values, controller.signal);
    expect(performance.now() - started).toBeLessThan(60_000);
    expect(result.training?.stopReason).toBe('stopped');
    expect(result.training?.epochs).toBeLessThan(10_000);
    expect(result.secondNetwork).toBeUndefined();
    expect(result.search.stopReason).toBe('cancelled');
  }, 120_000);
});
