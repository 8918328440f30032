// Training throughput of one network on the WASM and CPU backends, in one run: the fast preset's
// Siamese network on the 2x2 trace (and its classifier on classifier-a1), a few epochs each.

import * as tf from '@tensorflow/tfjs';
import { findExperiment } from '../src/experiments/index.ts';
import { useBackend } from '../src/model/backend.ts';
import type { BackendName } from '../src/model/options.ts';
import { presetSettings } from '../src/model/options.ts';
import { trainModel } from '../src/model/train.ts';
import { experimentData } from '../src/pipeline/dataStage.ts';
import { initialNetwork } from '../src/pipeline/trainStage.ts';

export interface TrainingThroughputRow {
  experiment: string;
  backend: BackendName;
  hidden: number[];
  batch: number;
  examplesPerSecond: number;
}

const EPOCHS = 3;

export async function runTrainingThroughput(log: (line: string) => void): Promise<TrainingThroughputRow[]> {
  const rows: TrainingThroughputRow[] = [];
  for (const id of ['matrix-2x2-trace', 'classifier-a1']) {
    const experiment = findExperiment(id)!;
    const settings = presetSettings('fast', experiment.kind);
    const data = experimentData(experiment, { examples: 5000, validationFraction: 0.2 }, 1);
    for (const backend of ['wasm', 'cpu'] as const) {
      await useBackend(backend);
      const model = initialNetwork(data, settings, 1);
      // One epoch to warm up kernels and memory, then the timed epochs.
      await trainModel(model, data, { ...settings.train, epochs: 1 }, 1);
      const result = await trainModel(
        model,
        data,
        { ...settings.train, epochs: EPOCHS, earlyStopPatience: EPOCHS },
        2,
      );
      model.dispose();
      const row = {
        experiment: id,
        backend,
        hidden: settings.network.hidden,
        batch: settings.train.batch,
        examplesPerSecond: Math.round(result.examplesPerSecond),
      };
      rows.push(row);
      log(
        `${id} on ${backend}: ${row.examplesPerSecond.toLocaleString('en-US')} examples/s (${tf.memory().numTensors} tensors held)`,
      );
    }
  }
  return rows;
}
