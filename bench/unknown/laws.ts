// Laws the search was never tuned on: in neither the catalogue (src/experiments) nor the AI
// Feynman list (bench/feynman/equations.ts). Written down for this suite from textbook physics,
// chemistry, engineering and biology, with ranges a person would sample, before the suite first
// ran; no setting of the search or the check was chosen by looking at their runs, and none may
// be. Each is written in its plainest textbook form, which is the simplest known form the check
// measures a pick against (lenient, as for the Feynman list: it is not always the smallest way
// to write the law).

/** A law: its inputs, a uniform range per input, and its formula in our syntax. */
export interface UnknownLaw {
  readonly id: string;
  /** Where the law comes from, in a few words. */
  readonly what: string;
  readonly variables: readonly string[];
  readonly ranges: readonly (readonly [number, number])[];
  readonly formula: string;
}

const law = (
  id: string,
  what: string,
  formula: string,
  box: Readonly<Record<string, readonly [number, number]>>,
): UnknownLaw => ({ id, what, formula, variables: Object.keys(box), ranges: Object.values(box) });

export const UNKNOWN_LAWS: readonly UnknownLaw[] = [
  law('bernoulli', "Bernoulli's total pressure", 'p + rho*v^2/2 + rho*g*h', {
    p: [1, 5],
    rho: [1, 3],
    v: [0, 3],
    g: [9, 10],
    h: [0, 2],
  }),
  law('van-der-waals', 'van der Waals pressure of a real gas', 'n*T/(V - n*b) - a*n^2/V^2', {
    n: [1, 2],
    T: [1, 5],
    V: [4, 8],
    a: [1, 3],
    b: [0.1, 0.5],
  }),
  law('drag', 'quadratic drag force', 'rho*Cd*A*v^2/2', { rho: [1, 5], Cd: [1, 5], A: [1, 5], v: [1, 5] }),
  law('projectile-range', 'range of a projectile on flat ground', 'v^2*sin(2*theta)/g', {
    v: [1, 5],
    theta: [0.1, 0.7],
    g: [9, 10],
  }),
  law('thin-lens-image', 'image distance of a thin lens', 'f*d/(d - f)', { f: [1, 2], d: [3, 6] }),
  law('parallel-resistors', 'two resistors in parallel', 'R1*R2/(R1 + R2)', { R1: [1, 5], R2: [1, 5] }),
  law('rlc-impedance', 'impedance of a series RLC circuit', 'sqrt(R^2 + (omega*L - 1/(omega*C))^2)', {
    R: [1, 5],
    omega: [1, 3],
    L: [1, 3],
    C: [0.5, 2],
  }),
  law('hanging-spring-energy', 'energy of a mass on a vertical spring', 'm*v^2/2 + k*x^2/2 + m*g*x', {
    m: [1, 3],
    v: [-2, 2],
    k: [1, 5],
    x: [-1, 1],
    g: [9, 10],
  }),
  law('three-charges', 'electrostatic energy of three charges', 'q1*q2/r12 + q1*q3/r13 + q2*q3/r23', {
    q1: [1, 3],
    q2: [1, 3],
    q3: [1, 3],
    r12: [1, 3],
    r13: [1, 3],
    r23: [1, 3],
  }),
  law('logistic', 'logistic growth', 'K/(1 + exp(-r*t))', { K: [1, 5], r: [0.5, 2], t: [-2, 2] }),
  law('michaelis-menten', 'Michaelis-Menten reaction rate', 'Vmax*S/(Km + S)', {
    Vmax: [1, 5],
    S: [1, 5],
    Km: [1, 5],
  }),
  law('arrhenius', 'Arrhenius rate (energy in units of the gas constant)', 'A*exp(-Ea/T)', {
    A: [1, 5],
    Ea: [1, 5],
    T: [1, 5],
  }),
  law('rocket', "Tsiolkovsky's rocket equation", 've*log(m0/mf)', { ve: [1, 5], m0: [5, 10], mf: [1, 4] }),
  law('compound-interest', 'compound interest', 'P*(1 + r/n)^(n*t)', {
    P: [1, 5],
    r: [0.01, 0.2],
    n: [1, 12],
    t: [1, 10],
  }),
  law('quadratic-form', 'an indefinite quadratic form in three inputs', 'x^2 - x*y + 3*y^2 + y*z', {
    x: [-2, 2],
    y: [-2, 2],
    z: [-2, 2],
  }),
  law('triangle-area', 'area of a triangle from two sides and their angle', 'a*b*sin(C)/2', {
    a: [1, 5],
    b: [1, 5],
    C: [0.2, 2.8],
  }),
  law('norm-4d', 'length of a vector in four dimensions', 'sqrt(x^2 + y^2 + z^2 + w^2)', {
    x: [-2, 2],
    y: [-2, 2],
    z: [-2, 2],
    w: [-2, 2],
  }),
  law('doppler-both-moving', 'Doppler shift, source and receiver moving', 'f*(c + vr)/(c - vs)', {
    f: [1, 5],
    c: [10, 20],
    vr: [1, 5],
    vs: [1, 5],
  }),
  law('kepler-energy', 'energy of a body in an inverse-square field', 'p^2/(2*m) - k/r', {
    p: [1, 3],
    m: [1, 3],
    k: [1, 3],
    r: [1, 3],
  }),
  law('finite-wire-field', 'magnetic field of a finite straight wire', 'I/d*(cos(a1) - cos(a2))', {
    I: [1, 5],
    d: [1, 5],
    a1: [0.1, 1],
    a2: [2, 3],
  }),
  law('heated-resistor-power', 'power in a resistor that warms', 'V^2/(R0*(1 + alpha*(T - T0)))', {
    V: [1, 5],
    R0: [1, 5],
    alpha: [0.01, 0.05],
    T: [20, 100],
    T0: [0, 20],
  }),
  law('stokes-settling', "Stokes' settling velocity of a sphere", '2*(rho_p - rho_f)*g*r^2/(9*mu)', {
    rho_p: [2, 5],
    rho_f: [0.5, 1.5],
    g: [9, 10],
    r: [0.1, 1],
    mu: [1, 5],
  }),
  law('relativistic-energy', 'energy from momentum and rest mass', 'sqrt(p^2*c^2 + m^2*c^4)', {
    p: [1, 5],
    m: [1, 5],
    c: [1, 3],
  }),
  law('morse-oscillator', 'energy of an oscillator in a Morse potential', 'v^2/2 + (1 - exp(-x))^2', {
    v: [-2, 2],
    x: [-0.5, 2],
  }),
  law('radial-effective-energy', 'radial energy with the centrifugal term', 'p^2/2 + L^2/(2*r^2) - 1/r', {
    p: [-2, 2],
    L: [0.5, 2],
    r: [0.5, 3],
  }),
];
