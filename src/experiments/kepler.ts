// Motion in the plane under the attractive central force x'' = -x / |x|^3 (GM = 1), solved in
// closed form rather than integrated. Random starts from U[0,1]^4 include near-radial orbits whose
// close passes (speed ~ 1/sqrt(r)) defeat any fixed-step integrator: RK4 there loses angular
// momentum and energy at the 1e-4 level. The universal-variable Kepler solution (Lagrange's f and
// g coefficients, one Newton solve of Kepler's equation per point) is exact to round-off for
// ellipses, parabolas and hyperbolas alike, and costs the same for every point.

/** Planar state (x1, x2, v1, v2). */
export type PlanarState = readonly [number, number, number, number];

/** Stumpff functions C(z) = (1 - cos sqrt z) / z and S(z) = (sqrt z - sin sqrt z) / sqrt(z)^3. */
export function stumpff(z: number): [number, number] {
  if (Math.abs(z) < 1) {
    // Series: the closed forms cancel catastrophically near z = 0. 12 terms: error < 1/25!.
    let c = 0;
    let s = 0;
    let term = 1;
    for (let k = 0; k < 12; k++) {
      // term = (-z)^k; divide by (2k+2)! and (2k+3)!.
      c += term / factorial(2 * k + 2);
      s += term / factorial(2 * k + 3);
      term *= -z;
    }
    return [c, s];
  }
  if (z > 0) {
    const q = Math.sqrt(z);
    return [(1 - Math.cos(q)) / z, (q - Math.sin(q)) / (z * q)];
  }
  const q = Math.sqrt(-z);
  return [(Math.cosh(q) - 1) / -z, (Math.sinh(q) - q) / (-z * q)];
}

const FACTORIALS: number[] = [1];
for (let k = 1; k <= 30; k++) FACTORIALS.push(FACTORIALS[k - 1]! * k);
const factorial = (k: number): number => FACTORIALS[k]!;

/**
 * The state a time `dt` (>= 0) after `state`. Solves the universal Kepler equation
 * F(chi) = sigma0 chi^2 C + (1 - alpha r0) chi^3 S + r0 chi - dt = 0 for chi by Newton's method
 * inside a bisection bracket (F increases, F' = r > 0, so the bracket always holds the root).
 */
export function keplerPropagate(state: PlanarState, dt: number): [number, number, number, number] {
  const [x1, x2, v1, v2] = state;
  const r0 = Math.hypot(x1, x2);
  const sigma0 = x1 * v1 + x2 * v2;
  const alpha = 2 / r0 - (v1 * v1 + v2 * v2); // 1 / semi-major axis; > 0 for a bound orbit
  // A bound orbit repeats with period 2 pi alpha^-3/2: reducing dt keeps chi within one turn.
  let t = dt;
  if (alpha > 0) t %= (2 * Math.PI) / (alpha * Math.sqrt(alpha));
  const kepler = (chi: number): { f: number; r: number; c: number; s: number } => {
    const z = alpha * chi * chi;
    const [c, s] = stumpff(z);
    const f = sigma0 * chi * chi * c + (1 - alpha * r0) * chi * chi * chi * s + r0 * chi - t;
    const r = sigma0 * chi * (1 - z * s) + (1 - alpha * r0) * chi * chi * c + r0;
    return { f, r, c, s };
  };
  let lo = 0;
  let hi = Math.max(t / r0, 1e-12);
  while (kepler(hi).f < 0) {
    lo = hi;
    hi *= 2;
  }
  let chi = (lo + hi) / 2;
  for (let iter = 0; iter < 200; iter++) {
    const { f, r } = kepler(chi);
    if (f === 0) break;
    if (f < 0) lo = chi;
    else hi = chi;
    let next = chi - f / r;
    if (!(next > lo && next < hi)) next = (lo + hi) / 2;
    if (Math.abs(next - chi) <= 1e-15 * Math.max(1, Math.abs(chi)) || hi - lo <= 1e-15 * hi) {
      chi = next;
      break;
    }
    chi = next;
  }
  const { c, s } = kepler(chi);
  const z = alpha * chi * chi;
  const f = 1 - (chi * chi * c) / r0;
  const g = t - chi * chi * chi * s;
  const y1 = f * x1 + g * v1;
  const y2 = f * x2 + g * v2;
  const r = Math.hypot(y1, y2);
  const fDot = (chi * (z * s - 1)) / (r * r0);
  const gDot = 1 - (chi * chi * c) / r;
  return [y1, y2, fDot * x1 + gDot * v1, fDot * x2 + gDot * v2];
}
