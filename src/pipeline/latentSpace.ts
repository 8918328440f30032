// What a latent space of several neurons holds: at each point, the neurons' gradients span the
// directions in which the encoded concepts change. However the network mixes its concepts into
// its neurons, the number of independent concepts is the rank of that span, read off the
// singular values of the k x d matrix of the neurons' gradients at each point.

import { SingularValueDecomposition, Matrix } from 'ml-matrix';
import type { Columns } from '../core/eval/dual.ts';

/**
 * A direction counts as a concept of its own where its singular value is at least this share of
 * the largest: a neuron that only repeats another's concept, or learned noise, stays below it.
 */
export const RANK_TOLERANCE = 0.1;

/** A known concept, and how much of it a latent space's span holds (1 = all of it). */
export interface KnownInSpan {
  name: string;
  share: number;
}

export interface LatentSpace {
  /** Output units. */
  size: number;
  /** Singular values of the neurons' gradients, each relative to the largest, median over the points. */
  singularValues: number[];
  /** Independent concepts the space holds: singular values of at least `RANK_TOLERANCE`. */
  rank: number;
  /**
   * Where the experiment is known: how much of each of its known concepts the span of the
   * neurons' gradients holds (`knownInSpan`, 1 = all of it).
   */
  known?: KnownInSpan[];
}

/**
 * The rank report of a latent space from its neurons' gradients `perNeuron` (one set of columns
 * per output unit, at the same points, projected onto the data's flat subspace where it has one).
 */
export function latentSpace(perNeuron: readonly Columns[]): LatentSpace {
  const size = perNeuron.length;
  const n = perNeuron[0]?.[0]?.length ?? 0;
  const relative: number[][] = Array.from({ length: size }, () => []);
  for (let i = 0; i < n; i++) {
    const rows = perNeuron.map((g) => g.map((column) => column[i] as number));
    const values = new SingularValueDecomposition(new Matrix(rows), {
      computeLeftSingularVectors: false,
      computeRightSingularVectors: false,
      autoTranspose: true,
    }).diagonal;
    const largest = values[0] ?? 0;
    if (!(largest > 0 && Number.isFinite(largest))) continue;
    values.forEach((value, j) => relative[j]!.push(value / largest));
  }
  const singularValues = relative.map(median);
  return { size, singularValues, rank: singularValues.filter((v) => v >= RANK_TOLERANCE).length };
}

function median(values: number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
