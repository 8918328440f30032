// Every setting of the symbolic search, as one plain, documented object that includes the seed.
// Operators are referred to by name so options cross worker boundaries and URLs unchanged.

import {
  BINARY_OPS,
  UNARY_OPS,
  isBinaryOp,
  isUnaryOp,
  type BinaryOp,
  type Operator,
  type UnaryOp,
} from '../expr/types.ts';
import type { NestingLimits } from './nesting.ts';

/** Relative weights of the mutations; each step draws one in proportion to its weight. */
export interface MutationWeights {
  mutateConstant: number;
  mutateOperator: number;
  mutateFeature: number;
  swapOperands: number;
  rotate: number;
  insertNode: number;
  deleteNode: number;
  prependOrAppend: number;
  replaceSubtree: number;
  simplify: number;
  randomize: number;
  optimizeConstants: number;
  doNothing: number;
}

export interface SearchOptions {
  /** Seed of every random draw: the same seed and options give the same result. */
  seed: number;
  /** What is fitted: the direction of the gradient (the papers' method) or plain values. */
  loss: 'gradient' | 'value';
  /** Gradient loss only: a candidate may point opposite to the target (a decreasing map of it). */
  signInvariant: boolean;
  binaryOperators: BinaryOp[];
  unaryOperators: UnaryOp[];
  /** Complexity of each operator; operators not listed count 1. */
  operatorComplexity: Partial<Record<Operator, number>>;
  /** Complexity of a constant and of a variable. */
  constantComplexity: number;
  variableComplexity: number;
  /** Largest complexity a candidate may have. */
  maxSize: number;
  /** Deepest tree a candidate may have (a leaf has depth 1). */
  maxDepth: number;
  /**
   * Operators not allowed inside others (PySR's `nested_constraints`): for an outer operator, the
   * most occurrences of each inner one along any path below it.
   */
  nestingLimits: NestingLimits;
  /** Require a binary operator at the root, as the papers' search did. */
  rootBinary: boolean;
  /**
   * Before the first round, offer the hall of fame the sums of simple terms and the products of
   * powers whose gradients fit the target best, found by linear algebra (`linearSeeds.ts`).
   */
  seedFromGradients: boolean;
  /** Independent populations; islands exchange their best at the end of every round. */
  islands: number;
  populationSize: number;
  tournamentSize: number;
  /** Probability that a tournament picks its fittest member (then the next, and so on). */
  tournamentWinProbability: number;
  /** Evolution steps of each island per round. */
  stepsPerRound: number;
  /** Upper bound on rounds (Infinity: none); the search usually stops earlier. */
  maxRounds: number;
  /** Points per mini-batch; each island draws a new batch every round. */
  batchSize: number;
  crossoverProbability: number;
  mutationWeights: MutationWeights;
  /** Share of an island's members whose constants are optimised at the end of each round. */
  optimizeProbability: number;
  /** Iterations of the constant optimiser (BFGS) per optimisation. */
  optimizerIterations: number;
  /** Penalty on log-loss per unit frequency of a complexity in the population: keeps every size explored. */
  parsimonyScaling: number;
  /** Annealing: a worse child is accepted with probability exp(-Δlog(loss) / (alpha · temperature)). */
  annealingAlpha: number;
  /** Share of each island's members replaced each round by members of the Pareto front. */
  migrationFromFront: number;
  /** Share of each island's members replaced each round by the best of other islands. */
  migrationFromIslands: number;
  /** Stop once the lowest loss on all points is at or below this... */
  lossThreshold: number;
  /** ...and this many more rounds have run, in which simpler equivalent forms often turn up, the last of them without a new pick. */
  graceRounds: number;
  /** Stop when the picked equation (its form; constants aside) has not changed for this many rounds. */
  patienceRounds: number;
  /** Stop after this many seconds (checked between rounds). */
  timeLimitSeconds: number;
  /**
   * The pick is the highest score among front entries whose loss is within this factor of the
   * lowest: PySR's 1.5 by default. Gradients of a network carry a systematic error that larger
   * candidates learn to fit, which can call for a wider window (see `NETWORK_PICK_RULE`).
   */
  pickLossFactor: number;
  /**
   * The final pick also passes over entries whose loss exceeds the lowest by more than this many
   * standard errors, compared point by point: a real misfit rather than scatter. Noise in the
   * target squeezes loss ratios until an approximation fits inside the loss window; this test
   * still sees its misfit. A large value leaves PySR's rule alone.
   */
  pickStandardErrors: number;
  /**
   * Where the pick is made on a second set, also pass over entries whose loss on the points the
   * search fitted exceeds the lowest there by more than `pickLossFactor`. A second set that is
   * small and shares its source's error can favour a simpler candidate that misses a term of the
   * concept; the fitted points, several times as many, see that misfit (see `NETWORK_PICK_RULE`).
   */
  pickWindowOnFitted: boolean;
}

export const defaultMutationWeights: MutationWeights = {
  mutateConstant: 0.35,
  mutateOperator: 0.5,
  mutateFeature: 0.5,
  swapOperands: 0.15,
  rotate: 1,
  insertNode: 2.5,
  deleteNode: 1.5,
  prependOrAppend: 1.5,
  replaceSubtree: 0.3,
  simplify: 0.05,
  randomize: 0.02,
  optimizeConstants: 0.05,
  doNothing: 0.2,
};

/** The transcendental functions: none may be nested inside another by default. */
const TRANSCENDENTAL = ['sin', 'cos', 'exp', 'log'] as const;

/**
 * No transcendental function inside another (sin(sin(x)), exp(sin(x)), log(exp(x))). Such nests
 * bend a curve to fit almost anything within a sampled box, so without this limit they are the
 * search's favourite look-alikes; laws that need them are rare (none of the catalogue's or the AI
 * Feynman list's does). A user who wants them sets `nestingLimits` to `{}`.
 */
export const defaultNestingLimits: NestingLimits = Object.fromEntries(
  TRANSCENDENTAL.map((outer) => [outer, Object.fromEntries(TRANSCENDENTAL.map((inner) => [inner, 0]))]),
);

/**
 * The transcendental functions cost three, as a constant and its operator cost two: a prior that
 * a law rarely needs one, and a bend of one fitted to the sampled box (1.667 cos x standing in
 * for x^2 - x^4/12) costs what it is, so the pick prefers polynomials and quotients that fit as
 * well. A law that does need one still wins, by its lower loss. Tuned on seed 2 of the AI Feynman
 * list (exact gradients, 30 s each): costs 3, 2 and 1 gave 83, 82 and 81 of 99 exact, 92, 83 and
 * 84 in simplest form; 12 equations changed verdict between them, both ways.
 */
export const defaultOperatorComplexity: Partial<Record<Operator, number>> = Object.fromEntries(
  TRANSCENDENTAL.map((name) => [name, 3]),
);

/**
 * The one general configuration every search starts from, whatever its input (a catalogue
 * experiment, a user's file, the page): chosen for a concept nobody knows, never per experiment.
 * Operators: the papers' set (+ - * / square sqrt sin exp) with cos and log added, the functions
 * the AI Feynman list's laws are written in, weighted as `defaultOperatorComplexity` says; size
 * up to 25, as the papers searched. A user can narrow or widen both (CLI, page, link).
 */
export const defaultSearchOptions: SearchOptions = {
  seed: 1,
  loss: 'gradient',
  signInvariant: true,
  binaryOperators: ['+', '-', '*', '/'],
  unaryOperators: ['square', 'sqrt', 'sin', 'cos', 'exp', 'log'],
  operatorComplexity: defaultOperatorComplexity,
  constantComplexity: 1,
  variableComplexity: 1,
  maxSize: 25,
  maxDepth: 10,
  nestingLimits: defaultNestingLimits,
  rootBinary: false,
  seedFromGradients: true,
  islands: 8,
  populationSize: 60,
  tournamentSize: 10,
  tournamentWinProbability: 0.86,
  stepsPerRound: 300,
  // No fixed cap: the time limit and the patience decide, so a hard search uses the time it has.
  maxRounds: Infinity,
  batchSize: 50,
  crossoverProbability: 0.06,
  mutationWeights: defaultMutationWeights,
  optimizeProbability: 0.1,
  optimizerIterations: 20,
  parsimonyScaling: 10,
  annealingAlpha: 0.2,
  migrationFromFront: 0.04,
  migrationFromIslands: 0.02,
  lossThreshold: 1e-9,
  graceRounds: 5,
  patienceRounds: 200,
  timeLimitSeconds: 60,
  pickLossFactor: 1.5,
  pickStandardErrors: 2,
  pickWindowOnFitted: false,
};

/**
 * Reads an operator list such as `+,-,*,/,sin,exp`. Returns the operators split by arity, or a
 * message naming the first unknown one.
 */
export function parseOperatorList(
  text: string,
): { ok: true; binary: BinaryOp[]; unary: UnaryOp[] } | { ok: false; message: string } {
  const binary: BinaryOp[] = [];
  const unary: UnaryOp[] = [];
  const names = text
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name !== '');
  for (const name of names) {
    const canonical = name === '**' ? '^' : name;
    if (isBinaryOp(canonical)) {
      if (!binary.includes(canonical)) binary.push(canonical);
    } else if (isUnaryOp(canonical)) {
      if (!unary.includes(canonical)) unary.push(canonical);
    } else {
      return {
        ok: false,
        message: `unknown operator "${name}" (known: ${[...BINARY_OPS, ...UNARY_OPS].join(' ')})`,
      };
    }
  }
  if (binary.length === 0)
    return { ok: false, message: 'the operator list needs at least one binary operator' };
  return { ok: true, binary, unary };
}
