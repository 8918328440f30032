// What a run is given: its source (an experiment of the catalogue, a user's table or points), its
// plan (the settings resolved into network, training, gradient and search options) and its
// environment (what its driver supplies: the backend, the islands, progress, pause and stop).

import type { IslandRunner, SearchProgress } from '../core/search/search.ts';
import type { SearchOptions } from '../core/search/options.ts';
import type { SearchData } from '../core/search/fitness.ts';
import type { Experiment, NegativeRule } from '../experiments/types.ts';
import type { ModelSettings, NeuronRef } from '../model/options.ts';
import type { TrainingData } from '../model/trainingData.ts';
import { experimentData } from './dataStage.ts';
import { gradientPoints } from './gradientStage.ts';
import type { ResultJson } from './report.ts';
import { modelSettingsOf, searchOptionsOf, type RunSettings } from './runSettings.ts';
import type { TrainProgress } from './trainStage.ts';

/** What a run works on: an experiment of the catalogue, or a user's labelled table. */
export interface RunSource {
  variables: string[];
  kind: 'latent' | 'classifier';
  input: ResultJson['input'];
  /** The experiment, where the truth is known (then the run is checked against it). */
  experiment: Experiment | null;
  /** The training examples drawn from `seed` (a page draws them in a worker). */
  data(train: ModelSettings['train'], seed: number): TrainingData | Promise<TrainingData>;
  /** About `count` points whose gradients are taken, for the network trained on `data`. */
  points(seed: number, data: TrainingData | null, count: number): Float64Array[];
}

/** A catalogue experiment as a run's source, its negatives drawn by `negatives`. */
export function experimentSource(experiment: Experiment, negatives: NegativeRule = 'fresh'): RunSource {
  return {
    variables: [...experiment.variables],
    kind: experiment.kind,
    input: { experiment: experiment.id },
    experiment,
    data: (train, seed) =>
      experimentData(
        experiment,
        { examples: train.examples, validationFraction: train.validationFraction, negatives },
        seed,
      ),
    points: (seed, _, count) => gradientPoints(experiment, count, seed),
  };
}

/** Everything a run needs to know, resolved: the network, the gradients, the search. */
export interface RunPlan {
  seed: number;
  model: ModelSettings;
  neuron: NeuronRef;
  points: number;
  band: number;
  /** Make the pick on gradients the search did not fit (`crossCheckSet`). */
  crossCheck: boolean;
  search: SearchOptions;
  /** The result JSON's settings, as a link or the command line gave them. */
  settings: Partial<RunSettings>;
}

/** The plan of a run from its settings (a link's, the page's, a benchmark's) on `source`. */
export function runPlanOf(s: RunSettings, source: Pick<RunSource, 'kind'>): RunPlan {
  return {
    seed: s.seed,
    model: modelSettingsOf(s, source.kind),
    neuron: s.neuron,
    points: s.points,
    band: s.band,
    crossCheck: s.crossCheck === 'on',
    search: searchOptionsOf(s),
    settings: s,
  };
}

/** What a run's driver supplies: the backend in use, the islands, progress, pause and stop. */
export interface RunEnvironment {
  /** The tfjs backend the networks train on (named in the result). */
  backend: string;
  /** Where the search's islands run: a pool of workers, or this thread. */
  islands(data: SearchData, options: SearchOptions): Promise<IslandRunner & { terminate?(): void }>;
  /** Stops the stage under way, keeping what it found. */
  signal?: AbortSignal;
  /** Awaited between steps: a pause holds it unresolved. */
  gate?: () => Promise<void>;
  onEpoch?(network: 'first' | 'second', progress: TrainProgress): void | Promise<void>;
  /** After every round; the next waits for what it returns (a page draws meanwhile). */
  onRound?(progress: SearchProgress): void | Promise<void>;
  /** Workers of the command line's search (named in the result). */
  workers?: number;
}
