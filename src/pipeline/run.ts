// One run, headless: the stages (data, training of one network and, for the pick, a second one,
// gradients, search, check) in order over one set of artefacts, owned here and disposed here. The
// command line, the page and the benchmarks drive the same object; what differs between them (the
// backend, where the search's islands run, how progress is shown, pausing and stopping) comes in
// through the environment.

import type { SearchResult } from '../core/search/search.ts';
import type { SearchData } from '../core/search/fitness.ts';
import { deriveSeed } from '../core/rng.ts';
import type { Mlp } from '../model/mlp.ts';
import type { TrainingData } from '../model/trainingData.ts';
import { gradientFigures, gradientStage, type GradientStageResult } from './gradientStage.ts';
import { crossCheckSet } from './pickRule.ts';
import {
  buildResultJson,
  describeEntry,
  type LatentConceptEntry,
  type ResultCheck,
  type ResultJson,
  type ResultSettings,
  type TrainingFigures,
} from './report.ts';
import type { RunEnvironment, RunPlan, RunSource } from './runInputs.ts';
import { fitAndPickSets, pickMadeOn, searchDataOf, searchStage } from './searchStage.ts';
import {
  initialNetwork,
  trainingFigures,
  trainStage,
  truthProbe,
  type Probe,
  type TrainedNetwork,
} from './trainStage.ts';
import { SEED_STREAM } from './truthGradients.ts';
import type { GradientSet } from '../core/io/gradientFile.ts';
import { checkAgainstEach, checkEquation, verifyStage } from './verify.ts';
import { checkPoints, type CheckPoints } from './checkPoints.ts';
import { beyondFound, spanSearchData } from './latentConcepts.ts';
import type { FrontEntry } from '../core/search/hallOfFame.ts';

interface Network {
  /** Null where the gradients were given (a gradient file): there is no network. */
  model: Mlp | null;
  seed: number;
  data: TrainingData | null;
  training?: TrainingFigures;
  trained?: TrainedNetwork;
  gradients?: GradientStageResult;
}

/** Stage times in seconds, by key (`train_s`, `search_s`, ...); repeated keys add up. */
export type Timings = Record<string, number>;

/**
 * A run: call its stages in order (`data`, `train` or `useNetwork`, `gradients`, `search`), then
 * `result`; `dispose` frees its networks. Each stage checks that the one before it ran.
 */
export class Run {
  readonly timings: Timings = {};
  data?: TrainingData;
  probe: Probe | null = null;
  first?: Network;
  second?: Network;
  searchResult?: SearchResult;
  /** A latent space of several neurons: the concepts its span holds, in the order found. */
  concepts?: FrontEntry[];
  private checkAt?: CheckPoints;
  private trainings = 0;

  /**
   * `plan` and `environment` may be replaced between stages (the page re-reads its settings
   * before each stage, and gives each its own stop); a stage's artefacts stay valid as long as
   * no setting that shapes it changed.
   */
  constructor(
    readonly source: RunSource,
    public plan: RunPlan,
    public environment: RunEnvironment,
  ) {}

  /** Where the pick is checked: on a second network, on the boundary points, or neither. */
  get checkSet(): ReturnType<typeof crossCheckSet> {
    return crossCheckSet(this.plan.crossCheck, this.source.kind, this.plan.neuron);
  }

  /** The environment's stop and pause, as every stage takes them. */
  private stopAndPause(): { signal?: AbortSignal; gate?: () => Promise<void> } {
    const { signal, gate } = this.environment;
    return { ...(signal ? { signal } : {}), ...(gate ? { gate } : {}) };
  }

  private async timed<T>(key: string, work: () => Promise<T> | T): Promise<T> {
    const started = performance.now();
    const value = await work();
    this.timings[key] = (this.timings[key] ?? 0) + (performance.now() - started) / 1000;
    return value;
  }

  /** Stage 1: the training examples and, where the truth is known, the points that probe it. */
  async dataStage(): Promise<void> {
    const { seed, model } = this.plan;
    this.data = await this.timed('data_s', () => this.source.data(model.train, seed));
    this.probe = this.source.experiment ? truthProbe(this.source.experiment, seed) : null;
  }

  /**
   * Stage 2: the run's network and, where the pick is checked on one, the second network, from a
   * seed derived from the run's (its own data, weights and shuffling). A stop ends the training
   * under way with its best weights; no second network trains after it. Returns whether it stopped.
   */
  async train(): Promise<'done' | 'stopped'> {
    if (!this.data) throw new Error('run the data stage first');
    this.disposeNetworks();
    // A training abandoned for a newer one (a lost GPU device) must not install its networks.
    const generation = ++this.trainings;
    const installed = (network: Network): boolean => {
      if (generation === this.trainings) return true;
      network.model?.dispose();
      return false;
    };
    const first = await this.trainNetwork('first', this.plan.seed, this.data, this.probe, 'train_s');
    if (!installed(first)) return 'stopped';
    this.first = first;
    if (first.trained?.result.stopReason === 'stopped') return 'stopped';
    if (this.checkSet !== 'second network') return 'done';
    const seed = deriveSeed(this.plan.seed, SEED_STREAM.secondNetwork);
    const experiment = this.source.experiment;
    const data = await this.timed('second_network_s', () => this.source.data(this.plan.model.train, seed));
    const probe = experiment ? truthProbe(experiment, seed) : null;
    const second = await this.trainNetwork('second', seed, data, probe, 'second_network_s');
    if (!installed(second)) return 'stopped';
    this.second = second;
    return second.trained?.result.stopReason === 'stopped' ? 'stopped' : 'done';
  }

  private async trainNetwork(
    which: 'first' | 'second',
    seed: number,
    data: TrainingData,
    probe: Probe | null,
    timing: string,
  ): Promise<Network> {
    const model = initialNetwork(data, this.plan.model, seed);
    try {
      const trained = await this.timed(timing, () =>
        trainStage(model, data, this.plan.model, seed, probe, this.plan.neuron, {
          ...this.stopAndPause(),
          onEpoch: (p) => this.environment.onEpoch?.(which, p),
        }),
      );
      return { model, seed, data, trained, training: trainingFigures(this.environment.backend, trained) };
    } catch (error) {
      model.dispose();
      throw error;
    }
  }

  /** Instead of stage 2: a network trained elsewhere (a saved one); no second network. */
  useNetwork(model: Mlp): void {
    this.disposeNetworks();
    this.first = { model, seed: this.plan.seed, data: null };
  }

  /** Stage 3: the normalised gradients of the neuron, for each network. */
  async gradients(): Promise<void> {
    if (!this.first) throw new Error('train the network first');
    this.first.gradients = await this.timed('gradients_s', () => this.takeGradients(this.first!));
    if (this.second)
      this.second.gradients = await this.timed('second_network_s', () => this.takeGradients(this.second!));
  }

  /** Instead of stages 2 and 3: gradients given (a user's gradient file); no network, no second one. */
  useGradients(gradients: GradientSet): void {
    this.disposeNetworks();
    this.first = {
      model: null,
      seed: this.plan.seed,
      data: null,
      gradients: { gradients, outsideBand: 0, zeroGradient: gradients.skipped, normals: [] },
    };
  }

  private takeGradients(network: Network): Promise<GradientStageResult> {
    const { source, plan } = this;
    if (!network.model)
      throw new Error('this run was given its gradients: there is no network to take them of');
    return gradientStage(
      network.model,
      source.points(network.seed, network.data, plan.points),
      source.variables,
      {
        neuron: plan.neuron,
        points: plan.points,
        ...(source.kind === 'classifier' ? { band: plan.band } : {}),
      },
      source.experiment ?? undefined,
    );
  }

  /** The gradients the pick is made on, and what they are: a second network's or the boundary points. */
  private pickSet(): { data: SearchData; name: 'second network' | 'boundary points' } | undefined {
    const second = this.second?.gradients;
    if (second) return { data: searchDataOf(second.gradients), name: 'second network' };
    const boundary = this.checkSet === 'boundary points' ? this.first?.gradients?.boundary : undefined;
    return boundary ? { data: searchDataOf(boundary), name: 'boundary points' } : undefined;
  }

  /** Stage 4: the search on the run's gradients, its pick made on the pick set. */
  async search(): Promise<SearchResult> {
    const gradients = this.first?.gradients?.gradients;
    if (!gradients) throw new Error('take the gradients first');
    if ((gradients.x[0]?.length ?? 0) === 0)
      throw new Error('no usable gradient points: widen the band or train longer');
    const { fit, pick } = fitAndPickSets(searchDataOf(gradients), this.pickSet()?.data);
    const islands = await this.environment.islands(fit, this.plan.search);
    try {
      this.searchResult = await this.timed('search_s', () =>
        searchStage(
          fit,
          this.plan.search,
          islands,
          {
            ...this.stopAndPause(),
            ...(this.environment.onRound ? { onRound: this.environment.onRound } : {}),
          },
          pick,
        ),
      );
    } finally {
      islands.terminate?.();
    }
    return this.searchResult;
  }

  /**
   * Stage 4, for a latent space of several neurons: an equation for each concept its span holds,
   * as many as its rank, each the pick of a search of its own that refuses the concepts found
   * before it (`latentConcepts.ts`). A stop ends it, keeping those found; `onFound` hears of each.
   */
  async latentConcepts(onFound?: (found: readonly FrontEntry[]) => void): Promise<FrontEntry[]> {
    const stage = this.first?.gradients;
    if (!stage) throw new Error('take the gradients first');
    const found: FrontEntry[] = [];
    if (!stage.latent || !stage.units) return found;
    const span = spanSearchData(
      this.source.variables,
      stage.gradients.x,
      stage.units,
      stage.latent.rank,
      stage.normals,
    );
    for (let concept = 0; concept < stage.latent.rank; concept++) {
      if (this.environment.signal?.aborted) break;
      const data = beyondFound(
        span,
        found.map((entry) => entry.tree),
      );
      const { fit, pick } = fitAndPickSets(data);
      const options = {
        ...this.plan.search,
        seed: deriveSeed(this.plan.search.seed, SEED_STREAM.concepts, concept),
      };
      const islands = await this.environment.islands(fit, options);
      try {
        const result = await this.timed('concepts_s', () =>
          searchStage(fit, options, islands, this.stopAndPause(), pick),
        );
        if (!result.best || !Number.isFinite(result.best.loss)) break;
        found.push(result.best);
        onFound?.(found);
      } finally {
        islands.terminate?.();
      }
    }
    this.concepts = found;
    return found;
  }

  /** Stage 5: `entry` (the pick by default) and the front checked against the truth, where it is known. */
  check(entry?: FrontEntry): ResultCheck | undefined {
    const checked = this.checked(entry);
    return checked && verifyStage(checked.result, checked.experiment, this.plan.seed, checked.points);
  }

  private checked(entry?: FrontEntry) {
    const known = this.truthAndPoints();
    const result = this.searchResult;
    if (!known || !result) return undefined;
    return { ...known, result: { ...result, best: entry ?? result.best } };
  }

  /** The experiment, where there is one, and the points its checks are made on (drawn once). */
  private truthAndPoints() {
    const experiment = this.source.experiment;
    if (!experiment) return undefined;
    this.checkAt ??= checkPoints(experiment, this.plan.seed);
    return { experiment, points: this.checkAt };
  }

  /** The result JSON of the run so far, its pick `entry` (the search's by default), `check` its check where already made. */
  result(entry?: FrontEntry, check = this.check(entry)): ResultJson {
    const search = this.searchResult;
    const first = this.first?.gradients;
    if (!search || !first) throw new Error('search first');
    const second = this.second;
    const settings: ResultSettings = {
      ...this.plan.settings,
      resolved: {
        search: this.plan.search,
        network: this.plan.model.network,
        train: this.plan.model.train,
        pickMadeOn: pickMadeOn(this.pickSet()?.name, first.gradients.x[0]?.length ?? 0),
        ...(this.environment.workers !== undefined ? { workers: this.environment.workers } : {}),
      },
    };
    const timings = { ...this.timings };
    timings['total_s'] = Object.values(this.timings).reduce((a, b) => a + b, 0);
    return buildResultJson({
      variables: this.source.variables,
      input: this.source.input,
      seed: this.plan.seed,
      settings,
      timings,
      skippedRows: first.outsideBand + first.zeroGradient,
      result: { ...search, best: entry ?? search.best },
      ...(this.first?.training ? { training: this.first.training } : {}),
      gradients: gradientFigures(first),
      ...(second?.training && second.gradients
        ? {
            secondNetwork: {
              seed: second.seed,
              training: second.training,
              gradients: gradientFigures(second.gradients),
            },
          }
        : {}),
      ...(check ? { check } : {}),
      ...(this.concepts ? { concepts: this.conceptEntries(this.concepts) } : {}),
    });
  }

  /** The concepts found in a latent space's span, described, each checked where the truth is known. */
  private conceptEntries(concepts: readonly FrontEntry[]): LatentConceptEntry[] {
    const known = this.truthAndPoints();
    return concepts.map((entry) => ({
      ...describeEntry(entry, this.source.variables),
      ...(known
        ? {
            check: checkEquation(entry.tree, known.experiment, known.points),
            against: checkAgainstEach(entry.tree, known.experiment, known.points),
          }
        : {}),
    }));
  }

  private disposeNetworks(): void {
    this.first?.model?.dispose();
    this.second?.model?.dispose();
    delete this.first;
    delete this.second;
  }

  /** Frees the networks' memory; the run is done with. */
  dispose(): void {
    this.disposeNetworks();
  }
}
