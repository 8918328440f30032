// Data from conserved quantities of motion: points along trajectories of a dynamical system.
// An anchor is a trajectory at a random time, its positive the same trajectory at another
// random time, its negative a point of another trajectory, drawn the same way (or a state chosen
// to match the anchor in some other way). The time window is t in [0, duration].

import type { Rng } from '../core/rng.ts';
import { emptyColumns, setRow } from './types.ts';
import type { Columns, Triplets } from './types.ts';

/** A deterministic flow: the state `dt` >= 0 after `state`. */
export interface Flow {
  /** State dimension, the number of input variables. */
  readonly width: number;
  /** A random initial condition. */
  initial(rng: Rng): number[];
  /** The state after time dt; does not modify `state`. */
  advance(state: readonly number[], dt: number): number[];
}

/**
 * Where negatives come from: a point of another trajectory, or a function of the anchor (a
 * negative chosen to share some other conserved quantity with it).
 */
export type NegativeSource = 'trajectory' | ((rng: Rng, anchor: readonly number[]) => number[]);

/** A fresh trajectory at a random time in [0, duration]. */
export function pointOnTrajectory(flow: Flow, rng: Rng, duration: number): number[] {
  const start = flow.initial(rng);
  return flow.advance(start, rng.uniform(0, duration));
}

/** n points, each from a fresh trajectory at a random time. */
export function trajectorySample(flow: Flow, rng: Rng, n: number, duration: number): Columns {
  const cols = emptyColumns(flow.width, n);
  for (let i = 0; i < n; i++) setRow(cols, i, pointOnTrajectory(flow, rng, duration));
  return cols;
}

/** n triplets: anchor and positive on one trajectory at two independent random times. */
export function trajectoryTriplets(
  flow: Flow,
  rng: Rng,
  n: number,
  duration: number,
  negatives: NegativeSource,
): Triplets {
  const anchor = emptyColumns(flow.width, n);
  const positive = emptyColumns(flow.width, n);
  const negative = emptyColumns(flow.width, n);
  for (let i = 0; i < n; i++) {
    const start = flow.initial(rng);
    const t1 = rng.uniform(0, duration);
    const t2 = rng.uniform(0, duration);
    // Integrate once through both times: to the earlier, then on to the later.
    const first = flow.advance(start, Math.min(t1, t2));
    const second = flow.advance(first, Math.abs(t2 - t1));
    const a = t1 <= t2 ? first : second;
    setRow(anchor, i, a);
    setRow(positive, i, t1 <= t2 ? second : first);
    const n = negatives === 'trajectory' ? pointOnTrajectory(flow, rng, duration) : negatives(rng, a);
    setRow(negative, i, n);
  }
  return { anchor, positive, negative };
}
