// Random Lorentz transformations (c = 1, metric diag(1,-1,-1,-1), coordinates (t, x, y, z)) and
// their action on 4-vectors and on the electromagnetic field tensor. Used to make the positives
// of the relativity experiments: the same event, or the same field, seen from another frame.

import type { Rng } from '../core/rng.ts';
import { matMul, randomRotation, transpose } from './linalg.ts';

/** Pure boost with velocity `beta` (|beta| < 1) along x, as a 4x4 matrix row by row. */
export function boostX(beta: number): Float64Array {
  const gamma = 1 / Math.sqrt(1 - beta * beta);
  // prettier-ignore
  return Float64Array.from([
    gamma, -gamma * beta, 0, 0,
    -gamma * beta, gamma, 0, 0,
    0, 0, 1, 0,
    0, 0, 0, 1,
  ]);
}

/** A 3x3 rotation embedded as the spatial block of a 4x4 Lorentz matrix. */
export function spatial(rotation: Float64Array): Float64Array {
  const l = new Float64Array(16);
  l[0] = 1;
  for (let i = 0; i < 3; i++) for (let j = 0; j < 3; j++) l[(i + 1) * 4 + (j + 1)] = rotation[i * 3 + j]!;
  return l;
}

/**
 * R2 B(beta) R1: a boost along x with beta ~ U[0,maxBeta) between two Haar-random rotations.
 * Proper (det +1) and orthochronous, so E.B keeps its sign; only a reflection would flip it.
 */
export function randomLorentz(rng: Rng, maxBeta = 1): Float64Array {
  const r1 = spatial(randomRotation(rng, 3));
  const beta = maxBeta * rng.next();
  const r2 = spatial(randomRotation(rng, 3));
  return matMul(matMul(r2, boostX(beta), 4), r1, 4);
}

/** L x for a 4-vector x = (t, x, y, z). */
export function transformVector(l: Float64Array, x: ArrayLike<number>): Float64Array {
  const y = new Float64Array(4);
  for (let i = 0; i < 4; i++) {
    let s = 0;
    for (let j = 0; j < 4; j++) s += l[i * 4 + j]! * x[j]!;
    y[i] = s;
  }
  return y;
}

/**
 * The contravariant field tensor F^{mu nu} of (Ex, Ey, Ez, Bx, By, Bz):
 * F^{0i} = -E_i, F^{ij} = -eps_ijk B_k.
 */
export function fieldTensor(eb: ArrayLike<number>): Float64Array {
  const [ex, ey, ez, bx, by, bz] = [eb[0]!, eb[1]!, eb[2]!, eb[3]!, eb[4]!, eb[5]!];
  // prettier-ignore
  return Float64Array.from([
    0, -ex, -ey, -ez,
    ex, 0, -bz, by,
    ey, bz, 0, -bx,
    ez, -by, bx, 0,
  ]);
}

/** (Ex, Ey, Ez, Bx, By, Bz) read back from F^{mu nu}; the inverse of fieldTensor on antisymmetric F. */
export function readField(f: Float64Array): Float64Array {
  return Float64Array.from([-f[1]!, -f[2]!, -f[3]!, -f[11]!, f[7]!, -f[6]!]);
}

/** The field (E, B) as seen after the transformation L: F' = L F L^T. */
export function transformField(l: Float64Array, eb: ArrayLike<number>): Float64Array {
  return readField(matMul(matMul(l, fieldTensor(eb), 4), transpose(l, 4), 4));
}
