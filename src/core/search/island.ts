// One island: a population evolved by regularised evolution (tournament selection, the oldest
// member replaced), with simulated annealing and adaptive parsimony as in SymbolicRegression.jl.
// A round is a pure function of (island state, data, options, island index, round number), so
// results never depend on which worker ran it or when.

import { withinNestingLimits } from './nesting.ts';
import { Rng } from '../rng.ts';
import { depth, type Expr, type Operator } from '../expr/types.ts';
import { complexity, type ComplexityWeights } from '../expr/complexity.ts';
import { simplify } from '../expr/simplify.ts';
import type { SearchOptions } from './options.ts';
import type { Fitness } from './fitness.ts';
import { crossover, drawMutationKind, mutate, type MutationContext } from './mutate.ts';
import { optimizeConstants } from './constants.ts';
import { randomTree, type Alphabet } from './tree.ts';
import { canonicalForGradients } from './equivalence.ts';

export interface Member {
  tree: Expr;
  /** Loss on the batch it was last priced on; on all points for hall-of-fame entries. */
  loss: number;
  complexity: number;
  /** Creation counter: the oldest member (smallest birth) is the one replaced. */
  birth: number;
}

export interface IslandState {
  members: Member[];
  /** Births so far: the next member's birth number. */
  births: number;
}

/** Candidates the island offers the hall of fame, priced on all points. */
export interface RoundResult {
  island: IslandState;
  candidates: Member[];
  /** Candidates priced during the round. */
  evaluations: number;
}

const LOG_FLOOR = 1e-30;
const MUTATION_ATTEMPTS = 10;

export function complexityWeights(options: SearchOptions): ComplexityWeights {
  return {
    constant: options.constantComplexity,
    variable: options.variableComplexity,
    operators: options.operatorComplexity,
  };
}

/** Checks the limits a candidate must respect. */
export function makeConstraint(options: SearchOptions): (tree: Expr, size: number) => boolean {
  return (tree, size) =>
    size <= options.maxSize &&
    depth(tree) <= options.maxDepth &&
    (!options.rootBinary || tree.kind === 'binary') &&
    withinNestingLimits(tree, options.nestingLimits);
}

class Evolution {
  private readonly rng: Rng;
  private readonly weights: ComplexityWeights;
  private readonly fits: (tree: Expr, size: number) => boolean;
  private readonly alphabet: Alphabet;
  private readonly allowed: ReadonlySet<Operator>;
  /** How many members have each complexity: the frequencies adaptive parsimony penalises. */
  private readonly sizeCounts: number[];
  private births: number;

  constructor(
    private readonly members: Member[],
    births: number,
    private readonly fitness: Fitness,
    private readonly options: SearchOptions,
    variables: number,
    rng: Rng,
  ) {
    this.rng = rng;
    this.births = births;
    this.weights = complexityWeights(options);
    this.fits = makeConstraint(options);
    this.alphabet = { binary: options.binaryOperators, unary: options.unaryOperators, variables };
    this.allowed = new Set<Operator>([...options.binaryOperators, ...options.unaryOperators]);
    this.sizeCounts = new Array<number>(options.maxSize + 2).fill(0);
    for (const m of members) this.count(m.complexity, 1);
  }

  private count(size: number, delta: number): void {
    const slot = Math.min(size, this.sizeCounts.length - 1);
    this.sizeCounts[slot] = (this.sizeCounts[slot] as number) + delta;
  }

  private frequency(size: number): number {
    const slot = Math.min(size, this.sizeCounts.length - 1);
    return ((this.sizeCounts[slot] as number) + 1) / (this.members.length + 1);
  }

  private score(m: Member): number {
    return (
      Math.log(Math.max(m.loss, LOG_FLOOR)) + this.options.parsimonyScaling * this.frequency(m.complexity)
    );
  }

  member(tree: Expr, loss: number, size: number): Member {
    return { tree, loss, complexity: size, birth: this.births++ };
  }

  /** Tournament selection: the fittest of a random sample wins with probability p, then the next... */
  tournament(): Member {
    const { rng, members } = this;
    const sample: Member[] = [];
    const size = Math.min(this.options.tournamentSize, members.length);
    for (let i = 0; i < size; i++) sample.push(members[rng.int(members.length)] as Member);
    sample.sort((a, b) => this.score(a) - this.score(b));
    const p = this.options.tournamentWinProbability;
    for (const candidate of sample) if (rng.chance(p)) return candidate;
    return sample[sample.length - 1] as Member;
  }

  private replaceOldest(child: Member): void {
    let oldest = 0;
    for (let i = 1; i < this.members.length; i++) {
      if ((this.members[i] as Member).birth < (this.members[oldest] as Member).birth) oldest = i;
    }
    this.count((this.members[oldest] as Member).complexity, -1);
    this.members[oldest] = child;
    this.count(child.complexity, 1);
  }

  /** A mutated copy of `parent` that respects the limits, or null when every attempt failed. */
  private mutant(
    parent: Member,
    temperature: number,
  ): { tree: Expr; size: number; loss: number | null } | null {
    const ctx: MutationContext = {
      rng: this.rng,
      alphabet: this.alphabet,
      allowed: this.allowed,
      temperature,
    };
    for (let attempt = 0; attempt < MUTATION_ATTEMPTS; attempt++) {
      const kind = drawMutationKind(this.rng, this.options.mutationWeights);
      if (kind === 'optimizeConstants') {
        const tuned = this.optimize(parent.tree, parent.loss);
        return { tree: tuned.tree, size: parent.complexity, loss: tuned.loss };
      }
      const tree = mutate(parent.tree, kind, ctx);
      if (!tree) continue;
      const size = complexity(tree, this.weights);
      if (this.fits(tree, size)) return { tree, size, loss: null };
    }
    return null;
  }

  optimize(tree: Expr, loss: number): { tree: Expr; loss: number } {
    return optimizeConstants(tree, loss, (t) => this.fitness.batchLoss(t), this.options.optimizerIterations);
  }

  /** One step of regularised evolution. */
  step(temperature: number): void {
    if (this.rng.chance(this.options.crossoverProbability)) return this.crossoverStep();
    const parent = this.tournament();
    const mutant = this.mutant(parent, temperature);
    if (!mutant) return this.replaceOldest(this.member(parent.tree, parent.loss, parent.complexity));
    const loss = mutant.loss ?? this.fitness.batchLoss(mutant.tree);
    if (!this.accepts(parent, loss, mutant.size, temperature)) {
      return this.replaceOldest(this.member(parent.tree, parent.loss, parent.complexity));
    }
    this.replaceOldest(this.member(mutant.tree, loss, mutant.size));
  }

  /** Simulated annealing with adaptive parsimony: worse or over-represented children may be refused. */
  private accepts(parent: Member, loss: number, size: number, temperature: number): boolean {
    if (!Number.isFinite(loss)) return false;
    const delta = Math.log(Math.max(loss, LOG_FLOOR)) - Math.log(Math.max(parent.loss, LOG_FLOOR));
    let probability =
      delta > 0 ? Math.exp(-delta / (this.options.annealingAlpha * Math.max(temperature, 1e-3))) : 1;
    probability *= this.frequency(parent.complexity) / this.frequency(size);
    return this.rng.next() < probability;
  }

  private crossoverStep(): void {
    const a = this.tournament();
    const b = this.tournament();
    const [childA, childB] = crossover(a.tree, b.tree, this.rng);
    for (const tree of [childA, childB]) {
      const size = complexity(tree, this.weights);
      if (!this.fits(tree, size)) continue;
      const loss = this.fitness.batchLoss(tree);
      if (Number.isFinite(loss)) this.replaceOldest(this.member(tree, loss, size));
    }
  }

  /** End of round: tune the constants of some members and simplify all of them. */
  polish(): void {
    for (let i = 0; i < this.members.length; i++) {
      const m = this.members[i] as Member;
      let tree = m.tree;
      let loss = m.loss;
      let size = m.complexity;
      const simplified = this.canonical(simplify(tree, this.allowed));
      const simplifiedSize = complexity(simplified, this.weights);
      if (simplified !== tree && this.fits(simplified, simplifiedSize)) {
        tree = simplified;
        size = simplifiedSize;
      }
      // Tuning constants changes values, never the size.
      if (this.rng.chance(this.options.optimizeProbability)) ({ tree, loss } = this.optimize(tree, loss));
      if (tree !== m.tree) {
        this.count(m.complexity, -1);
        const updated = { ...m, tree, loss, complexity: size };
        this.members[i] = updated;
        this.count(updated.complexity, 1);
      }
    }
  }

  /** In gradient mode, the same concept without root offsets and factors the loss cannot see. */
  canonical(tree: Expr): Expr {
    if (this.options.loss !== 'gradient') return tree;
    return canonicalForGradients(tree, this.options.signInvariant, this.options.rootBinary);
  }

  /**
   * The members on the island's own (batch-loss) Pareto front, in canonical form and priced on
   * all points: what the island offers the hall of fame.
   */
  offers(): Member[] {
    const bestBySize = new Map<number, Member>();
    for (const m of this.members) {
      const held = bestBySize.get(m.complexity);
      if (Number.isFinite(m.loss) && (!held || m.loss < held.loss)) bestBySize.set(m.complexity, m);
    }
    const front: Member[] = [];
    let bestLoss = Infinity;
    for (const size of [...bestBySize.keys()].sort((a, b) => a - b)) {
      const m = bestBySize.get(size) as Member;
      if (m.loss >= bestLoss) continue;
      bestLoss = m.loss;
      const tree = this.canonical(m.tree);
      front.push({
        ...m,
        tree,
        complexity: complexity(tree, this.weights),
        loss: this.fitness.fullLoss(tree),
      });
    }
    return front;
  }

  nextBirth(): number {
    return this.births;
  }

  /** Fills an empty island with small random trees that respect the limits. */
  populate(): void {
    while (this.members.length < this.options.populationSize) {
      const tree = randomTree(this.rng, this.alphabet, 1 + this.rng.int(3));
      const size = complexity(tree, this.weights);
      if (!this.fits(tree, size)) continue;
      this.members.push(this.member(tree, this.fitness.batchLoss(tree), size));
      this.count(size, 1);
    }
  }
}

/** Evolves one island for one round; `island` null starts a new population. */
export function evolveIsland(
  island: IslandState | null,
  fitness: Fitness,
  options: SearchOptions,
  variables: number,
  index: number,
  round: number,
): RoundResult {
  const rng = Rng.derived(options.seed, 0x15a7, index, round);
  const before = fitness.evaluations;
  fitness.drawBatch(rng, options.batchSize);
  const members = (island?.members ?? []).map((m) => ({ ...m, loss: fitness.batchLoss(m.tree) }));
  const evolution = new Evolution(members, island?.births ?? 0, fitness, options, variables, rng);
  evolution.populate();
  for (let step = 0; step < options.stepsPerRound; step++) evolution.step(1 - step / options.stepsPerRound);
  evolution.polish();
  return {
    island: { members, births: evolution.nextBirth() },
    candidates: evolution.offers(),
    evaluations: fitness.evaluations - before,
  };
}
