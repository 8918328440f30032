// Constant optimisation: tunes a candidate's constants with BFGS on its loss, the gradient taken by
// central differences (a tree has few constants, so that is cheap and needs no second derivatives).

import type { Expr } from '../expr/types.ts';
import { constantsOf, withConstants } from './tree.ts';

export interface OptimizedConstants {
  tree: Expr;
  loss: number;
}

/** Minimises `lossOf` over the constants of `tree`, starting from their current values. */
export function optimizeConstants(
  tree: Expr,
  startLoss: number,
  lossOf: (tree: Expr) => number,
  iterations: number,
): OptimizedConstants {
  return runToEnd(constantSteps(tree, startLoss, lossOf, iterations));
}

/**
 * `optimizeConstants` an iteration at a step, so that a caller on a page's main thread can let
 * the page draw between iterations (a polish of a front member takes tens of milliseconds).
 */
export function* constantSteps(
  tree: Expr,
  startLoss: number,
  lossOf: (tree: Expr) => number,
  iterations: number,
): Generator<void, OptimizedConstants> {
  const start = constantsOf(tree);
  if (start.length === 0 || !Number.isFinite(startLoss)) return { tree, loss: startLoss };
  const f = (c: number[]): number => lossOf(withConstants(tree, c));
  const best = yield* bfgsSteps(f, start, startLoss, iterations);
  return best.value < startLoss
    ? { tree: withConstants(tree, best.point), loss: best.value }
    : { tree, loss: startLoss };
}

/** The value a generator of steps returns, once run to its end. */
function runToEnd<T>(steps: Generator<void, T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

function numericGradient(f: (c: number[]) => number, c: number[]): number[] {
  return c.map((ci, k) => {
    const h = 1e-6 * Math.max(1, Math.abs(ci));
    const plus = c.slice();
    const minus = c.slice();
    plus[k] = ci + h;
    minus[k] = ci - h;
    return (f(plus) - f(minus)) / (2 * h);
  });
}

const dot = (a: readonly number[], b: readonly number[]): number =>
  a.reduce((s, ai, i) => s + ai * (b[i] as number), 0);

/** BFGS with a backtracking (Armijo) line search; returns the best point seen. */
export function bfgs(
  f: (c: number[]) => number,
  start: number[],
  startValue: number,
  iterations: number,
): { point: number[]; value: number } {
  return runToEnd(bfgsSteps(f, start, startValue, iterations));
}

/** `bfgs` an iteration at a step. */
function* bfgsSteps(
  f: (c: number[]) => number,
  start: number[],
  startValue: number,
  iterations: number,
): Generator<void, { point: number[]; value: number }> {
  const m = start.length;
  let x = start.slice();
  let fx = startValue;
  let g = numericGradient(f, x);
  // Inverse Hessian approximation, row-major m x m, starting from the identity.
  let h: number[] = Array.from({ length: m * m }, (_, i) => (i % (m + 1) === 0 ? 1 : 0));
  for (let iter = 0; iter < iterations; iter++) {
    if (!g.every(Number.isFinite) || dot(g, g) < 1e-30) break;
    let p = Array.from({ length: m }, (_, i) => -dot(h.slice(i * m, i * m + m), g));
    let slope = dot(p, g);
    if (!(slope < 0)) {
      // Not a descent direction: restart from steepest descent.
      h = h.map((_, i) => (i % (m + 1) === 0 ? 1 : 0));
      p = g.map((gi) => -gi);
      slope = -dot(g, g);
    }
    let step = 1;
    let next = x;
    let fNext = Infinity;
    for (let tries = 0; tries < 30; tries++) {
      next = x.map((xi, i) => xi + step * (p[i] as number));
      fNext = f(next);
      if (fNext <= fx + 1e-4 * step * slope) break;
      step *= 0.5;
    }
    if (!(fNext < fx)) break;
    const gNext = numericGradient(f, next);
    const s = next.map((ni, i) => ni - (x[i] as number));
    const y = gNext.map((gi, i) => gi - (g[i] as number));
    const sy = dot(s, y);
    if (sy > 1e-18) h = bfgsUpdate(h, s, y, sy);
    x = next;
    fx = fNext;
    g = gNext;
    yield;
  }
  return { point: x, value: fx };
}

/** H' = (I - ρ s yᵀ) H (I - ρ y sᵀ) + ρ s sᵀ with ρ = 1 / (yᵀ s). */
function bfgsUpdate(h: number[], s: number[], y: number[], sy: number): number[] {
  const m = s.length;
  const rho = 1 / sy;
  const hy = Array.from({ length: m }, (_, i) => dot(h.slice(i * m, i * m + m), y));
  const yhy = dot(y, hy);
  const out = h.slice();
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < m; j++) {
      out[i * m + j] =
        (h[i * m + j] as number) -
        rho * ((hy[i] as number) * (s[j] as number) + (s[i] as number) * (hy[j] as number)) +
        (rho * rho * yhy + rho) * (s[i] as number) * (s[j] as number);
    }
  }
  return out;
}
