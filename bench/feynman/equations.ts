// The AI Feynman equations (Udrescu & Tegmark, "AI Feynman: a physics-inspired method for
// symbolic regression", Science Advances 6(16), eaay2631, 2020): the 100 rows of the list
// FeynmanEquations.csv from the Feynman Symbolic Regression Database
// (https://space.mit.edu/home/tegmark/aifeynman.html), which SRBench also uses as its "Feynman"
// ground-truth problems. Kept here: the 99 with two or more input variables.
//
// Built for this project from the public list at
// florianBachinger/FeynmanEquations-Python/generate/src/FeynmanEquations.csv (commit f7d081a0),
// a copy of the database's CSV retrieved from the page above; that repository's README says it
// changed only the "# variables" column of a few rows, a column not used here (the variables are
// the named v1..v10 columns). Ids, variable names, ranges and formulas are the list's.
//
// Formulas rewritten into our parser's syntax (src/core/expr/parse.ts):
// - `x**y` written `x^y`; `ln` written `log` (natural logarithm in both).
// - `arcsin(u)` (I.26.2, I.30.5) written as its argument `u`: arcsin is monotone on its
//   domain, so the value is a monotone function of `u` and the gradient has the same direction,
//   which is all that is compared. Each such entry says so in `note`.
// - `tanh(u)` (II.35.21) written as `(exp(2*u)-1)/(exp(2*u)+1)`, an exact identity (noted).
// No variable needed renaming: every name in the list is a valid identifier and none is `pi` or
// a function name of the parser.
//
// Excluded: 1 equation with a single input variable, I.6.2a (exp(-theta**2/2)/sqrt(2*pi)), since
// a one-input function has no gradient direction to recover. No equation was left out for being
// inexpressible.
//
// Sampling note: III.9.52 has the removable singularity sin(w)^2/w^2 at omega = omega_0, which
// lies inside its ranges (both [1, 5]) and includes their midpoint; the formula there is 0/0
// (NaN), as the list's formula is. Sample off that line.

/** One equation of the AI Feynman list. */
export interface FeynmanEquation {
  /** The list's id, e.g. 'I.6.2a'. */
  readonly id: string;
  /** Input names, as the list names them (all valid identifiers; none renamed). */
  readonly variables: readonly string[];
  /** Sampling range of each variable, same order: uniform on [low, high]. */
  readonly ranges: readonly (readonly [number, number])[];
  /** The formula in our infix syntax over `variables`. */
  readonly formula: string;
  /** Present only where the formula was rewritten beyond syntax (why). */
  readonly note?: string;
}

export const FEYNMAN_EQUATIONS: readonly FeynmanEquation[] = [
  {
    id: 'I.6.2',
    variables: ['sigma', 'theta'],
    ranges: [
      [1, 3],
      [1, 3],
    ],
    formula: 'exp(-(theta/sigma)^2/2)/(sqrt(2*pi)*sigma)',
  },
  {
    id: 'I.6.2b',
    variables: ['sigma', 'theta', 'theta1'],
    ranges: [
      [1, 3],
      [1, 3],
      [1, 3],
    ],
    formula: 'exp(-((theta-theta1)/sigma)^2/2)/(sqrt(2*pi)*sigma)',
  },
  {
    id: 'I.8.14',
    variables: ['x1', 'x2', 'y1', 'y2'],
    ranges: [
      [1, 5],
      [1, 5],
      [1, 5],
      [1, 5],
    ],
    formula: 'sqrt((x2-x1)^2+(y2-y1)^2)',
  },
  {
    id: 'I.9.18',
    variables: ['m1', 'm2', 'G', 'x1', 'x2', 'y1', 'y2', 'z1', 'z2'],
    ranges: [
      [1, 2],
      [1, 2],
      [1, 2],
      [3, 4],
      [1, 2],
      [3, 4],
      [1, 2],
      [3, 4],
      [1, 2],
    ],
    formula: 'G*m1*m2/((x2-x1)^2+(y2-y1)^2+(z2-z1)^2)',
  },
  {
    id: 'I.10.7',
    variables: ['m_0', 'v', 'c'],
    ranges: [
      [1, 5],
      [1, 2],
      [3, 10],
    ],
    formula: 'm_0/sqrt(1-v^2/c^2)',
  },
  {
    id: 'I.11.19',
    variables: ['x1', 'x2', 'x3', 'y1', 'y2', 'y3'],
    ranges: [
      [1, 5],
      [1, 5],
      [1, 5],
      [1, 5],
      [1, 5],
      [1, 5],
    ],
    formula: 'x1*y1+x2*y2+x3*y3',
  },
  {
    id: 'I.12.1',
    variables: ['mu', 'Nn'],
    ranges: [
      [1, 5],
      [1, 5],
    ],
    formula: 'mu*Nn',
  },
  {
    id: 'I.12.2',
    variables: ['q1', 'q2', 'epsilon', 'r'],
    ranges: [
      [1, 5],
      [1, 5],
      [1, 5],
      [1, 5],
    ],
    formula: 'q1*q2*r/(4*pi*epsilon*r^3)',
  },
  {
    id: 'I.12.4',
    variables: ['q1', 'epsilon', 'r'],
    ranges: [
      [1, 5],
      [1, 5],
      [1, 5],
    ],
    formula: 'q1*r/(4*pi*epsilon*r^3)',
  },
  {
    id: 'I.12.5',
    variables: ['q2', 'Ef'],
    ranges: [
      [1, 5],
      [1, 5],
    ],
    formula: 'q2*Ef',
  },
  {
    id: 'I.12.11',
    variables: ['q', 'Ef', 'B', 'v', 'theta'],
    ranges: [
      [1, 5],
      [1, 5],
      [1, 5],
      [1, 5],
      [1, 5],
    ],
    formula: 'q*(Ef+B*v*sin(theta))',
  },
  {
    id: 'I.13.4',
    variables: ['m', 'v', 'u', 'w'],
    ranges: [
      [1, 5],
      [1, 5],
      [1, 5],
      [1, 5],
    ],
    formula: '1/2*m*(v^2+u^2+w^2)',
  },
  {
    id: 'I.13.12',
    variables: ['m1', 'm2', 'r1', 'r2', 'G'],
    ranges: [
      [1, 5],
      [1, 5],
      [1, 5],
      [1, 5],
      [1, 5],
    ],
    formula: 'G*m1*m2*(1/r2-1/r1)',
  },
  {
    id: 'I.14.3',
    variables: ['m', 'g', 'z'],
    ranges: [
      [1, 5],
      [1, 5],
      [1, 5],
    ],
    formula: 'm*g*z',
  },
  {
    id: 'I.14.4',
    variables: ['k_spring', 'x'],
    ranges: [
      [1, 5],
      [1, 5],
    ],
    formula: '1/2*k_spring*x^2',
  },
  {
    id: 'I.15.3x',
    variables: ['x', 'u', 'c', 't'],
    ranges: [
      [5, 10],
      [1, 2],
      [3, 20],
      [1, 2],
    ],
    formula: '(x-u*t)/sqrt(1-u^2/c^2)',
  },
  {
    id: 'I.15.3t',
    variables: ['x', 'c', 'u', 't'],
    ranges: [
      [1, 5],
      [3, 10],
      [1, 2],
      [1, 5],
    ],
    formula: '(t-u*x/c^2)/sqrt(1-u^2/c^2)',
  },
  {
    id: 'I.15.1',
    variables: ['m_0', 'v', 'c'],
    ranges: [
      [1, 5],
      [1, 2],
      [3, 10],
    ],
    formula: 'm_0*v/sqrt(1-v^2/c^2)',
  },
  {
    id: 'I.16.6',
    variables: ['c', 'v', 'u'],
    ranges: [
      [1, 5],
      [1, 5],
      [1, 5],
    ],
    formula: '(u+v)/(1+u*v/c^2)',
  },
  {
    id: 'I.18.4',
    variables: ['m1', 'm2', 'r1', 'r2'],
    ranges: [
      [1, 5],
      [1, 5],
      [1, 5],
      [1, 5],
    ],
    formula: '(m1*r1+m2*r2)/(m1+m2)',
  },
  {
    id: 'I.18.12',
    variables: ['r', 'F', 'theta'],
    ranges: [
      [1, 5],
      [1, 5],
      [0, 5],
    ],
    formula: 'r*F*sin(theta)',
  },
  {
    id: 'I.18.14',
    variables: ['m', 'r', 'v', 'theta'],
    ranges: [
      [1, 5],
      [1, 5],
      [1, 5],
      [1, 5],
    ],
    formula: 'm*r*v*sin(theta)',
  },
  {
    id: 'I.24.6',
    variables: ['m', 'omega', 'omega_0', 'x'],
    ranges: [
      [1, 3],
      [1, 3],
      [1, 3],
      [1, 3],
    ],
    formula: '1/2*m*(omega^2+omega_0^2)*1/2*x^2',
  },
  {
    id: 'I.25.13',
    variables: ['q', 'C'],
    ranges: [
      [1, 5],
      [1, 5],
    ],
    formula: 'q/C',
  },
  {
    id: 'I.26.2',
    variables: ['n', 'theta2'],
    ranges: [
      [0, 1],
      [1, 5],
    ],
    formula: 'n*sin(theta2)',
    note: "The list's formula is arcsin(n*sin(theta2)); written as its argument, which arcsin maps monotonically onto the value, so it encodes the same concept (only the gradient's direction is compared).",
  },
  {
    id: 'I.27.6',
    variables: ['d1', 'd2', 'n'],
    ranges: [
      [1, 5],
      [1, 5],
      [1, 5],
    ],
    formula: '1/(1/d1+n/d2)',
  },
  {
    id: 'I.29.4',
    variables: ['omega', 'c'],
    ranges: [
      [1, 10],
      [1, 10],
    ],
    formula: 'omega/c',
  },
  {
    id: 'I.29.16',
    variables: ['x1', 'x2', 'theta1', 'theta2'],
    ranges: [
      [1, 5],
      [1, 5],
      [1, 5],
      [1, 5],
    ],
    formula: 'sqrt(x1^2+x2^2-2*x1*x2*cos(theta1-theta2))',
  },
  {
    id: 'I.30.3',
    variables: ['Int_0', 'theta', 'n'],
    ranges: [
      [1, 5],
      [1, 5],
      [1, 5],
    ],
    formula: 'Int_0*sin(n*theta/2)^2/sin(theta/2)^2',
  },
  {
    id: 'I.30.5',
    variables: ['lambd', 'd', 'n'],
    ranges: [
      [1, 2],
      [2, 5],
      [1, 5],
    ],
    formula: 'lambd/(n*d)',
    note: "The list's formula is arcsin(lambd/(n*d)); written as its argument, which arcsin maps monotonically onto the value, so it encodes the same concept (only the gradient's direction is compared).",
  },
  {
    id: 'I.32.5',
    variables: ['q', 'a', 'epsilon', 'c'],
    ranges: [
      [1, 5],
      [1, 5],
      [1, 5],
      [1, 5],
    ],
    formula: 'q^2*a^2/(6*pi*epsilon*c^3)',
  },
  {
    id: 'I.32.17',
    variables: ['epsilon', 'c', 'Ef', 'r', 'omega', 'omega_0'],
    ranges: [
      [1, 2],
      [1, 2],
      [1, 2],
      [1, 2],
      [1, 2],
      [3, 5],
    ],
    formula: '(1/2*epsilon*c*Ef^2)*(8*pi*r^2/3)*(omega^4/(omega^2-omega_0^2)^2)',
  },
  {
    id: 'I.34.8',
    variables: ['q', 'v', 'B', 'p'],
    ranges: [
      [1, 5],
      [1, 5],
      [1, 5],
      [1, 5],
    ],
    formula: 'q*v*B/p',
  },
  {
    id: 'I.34.1',
    variables: ['c', 'v', 'omega_0'],
    ranges: [
      [3, 10],
      [1, 2],
      [1, 5],
    ],
    formula: 'omega_0/(1-v/c)',
  },
  {
    id: 'I.34.14',
    variables: ['c', 'v', 'omega_0'],
    ranges: [
      [3, 10],
      [1, 2],
      [1, 5],
    ],
    formula: '(1+v/c)/sqrt(1-v^2/c^2)*omega_0',
  },
  {
    id: 'I.34.27',
    variables: ['omega', 'h'],
    ranges: [
      [1, 5],
      [1, 5],
    ],
    formula: '(h/(2*pi))*omega',
  },
  {
    id: 'I.37.4',
    variables: ['I1', 'I2', 'delta'],
    ranges: [
      [1, 5],
      [1, 5],
      [1, 5],
    ],
    formula: 'I1+I2+2*sqrt(I1*I2)*cos(delta)',
  },
  {
    id: 'I.38.12',
    variables: ['m', 'q', 'h', 'epsilon'],
    ranges: [
      [1, 5],
      [1, 5],
      [1, 5],
      [1, 5],
    ],
    formula: '4*pi*epsilon*(h/(2*pi))^2/(m*q^2)',
  },
  {
    id: 'I.39.1',
    variables: ['pr', 'V'],
    ranges: [
      [1, 5],
      [1, 5],
    ],
    formula: '3/2*pr*V',
  },
  {
    id: 'I.39.11',
    variables: ['gamma', 'pr', 'V'],
    ranges: [
      [2, 5],
      [1, 5],
      [1, 5],
    ],
    formula: '1/(gamma-1)*pr*V',
  },
  {
    id: 'I.39.22',
    variables: ['n', 'T', 'V', 'kb'],
    ranges: [
      [1, 5],
      [1, 5],
      [1, 5],
      [1, 5],
    ],
    formula: 'n*kb*T/V',
  },
  {
    id: 'I.40.1',
    variables: ['n_0', 'm', 'x', 'T', 'g', 'kb'],
    ranges: [
      [1, 5],
      [1, 5],
      [1, 5],
      [1, 5],
      [1, 5],
      [1, 5],
    ],
    formula: 'n_0*exp(-m*g*x/(kb*T))',
  },
  {
    id: 'I.41.16',
    variables: ['omega', 'T', 'h', 'kb', 'c'],
    ranges: [
      [1, 5],
      [1, 5],
      [1, 5],
      [1, 5],
      [1, 5],
    ],
    formula: 'h/(2*pi)*omega^3/(pi^2*c^2*(exp((h/(2*pi))*omega/(kb*T))-1))',
  },
  {
    id: 'I.43.16',
    variables: ['mu_drift', 'q', 'Volt', 'd'],
    ranges: [
      [1, 5],
      [1, 5],
      [1, 5],
      [1, 5],
    ],
    formula: 'mu_drift*q*Volt/d',
  },
  {
    id: 'I.43.31',
    variables: ['mob', 'T', 'kb'],
    ranges: [
      [1, 5],
      [1, 5],
      [1, 5],
    ],
    formula: 'mob*kb*T',
  },
  {
    id: 'I.43.43',
    variables: ['gamma', 'kb', 'A', 'v'],
    ranges: [
      [2, 5],
      [1, 5],
      [1, 5],
      [1, 5],
    ],
    formula: '1/(gamma-1)*kb*v/A',
  },
  {
    id: 'I.44.4',
    variables: ['n', 'kb', 'T', 'V1', 'V2'],
    ranges: [
      [1, 5],
      [1, 5],
      [1, 5],
      [1, 5],
      [1, 5],
    ],
    formula: 'n*kb*T*log(V2/V1)',
  },
  {
    id: 'I.47.23',
    variables: ['gamma', 'pr', 'rho'],
    ranges: [
      [1, 5],
      [1, 5],
      [1, 5],
    ],
    formula: 'sqrt(gamma*pr/rho)',
  },
  {
    id: 'I.48.2',
    variables: ['m', 'v', 'c'],
    ranges: [
      [1, 5],
      [1, 2],
      [3, 10],
    ],
    formula: 'm*c^2/sqrt(1-v^2/c^2)',
  },
  {
    id: 'I.50.26',
    variables: ['x1', 'omega', 't', 'alpha'],
    ranges: [
      [1, 3],
      [1, 3],
      [1, 3],
      [1, 3],
    ],
    formula: 'x1*(cos(omega*t)+alpha*cos(omega*t)^2)',
  },
  {
    id: 'II.2.42',
    variables: ['kappa', 'T1', 'T2', 'A', 'd'],
    ranges: [
      [1, 5],
      [1, 5],
      [1, 5],
      [1, 5],
      [1, 5],
    ],
    formula: 'kappa*(T2-T1)*A/d',
  },
  {
    id: 'II.3.24',
    variables: ['Pwr', 'r'],
    ranges: [
      [1, 5],
      [1, 5],
    ],
    formula: 'Pwr/(4*pi*r^2)',
  },
  {
    id: 'II.4.23',
    variables: ['q', 'epsilon', 'r'],
    ranges: [
      [1, 5],
      [1, 5],
      [1, 5],
    ],
    formula: 'q/(4*pi*epsilon*r)',
  },
  {
    id: 'II.6.11',
    variables: ['epsilon', 'p_d', 'theta', 'r'],
    ranges: [
      [1, 3],
      [1, 3],
      [1, 3],
      [1, 3],
    ],
    formula: '1/(4*pi*epsilon)*p_d*cos(theta)/r^2',
  },
  {
    id: 'II.6.15a',
    variables: ['epsilon', 'p_d', 'r', 'x', 'y', 'z'],
    ranges: [
      [1, 3],
      [1, 3],
      [1, 3],
      [1, 3],
      [1, 3],
      [1, 3],
    ],
    formula: 'p_d/(4*pi*epsilon)*3*z/r^5*sqrt(x^2+y^2)',
  },
  {
    id: 'II.6.15b',
    variables: ['epsilon', 'p_d', 'theta', 'r'],
    ranges: [
      [1, 3],
      [1, 3],
      [1, 3],
      [1, 3],
    ],
    formula: 'p_d/(4*pi*epsilon)*3*cos(theta)*sin(theta)/r^3',
  },
  {
    id: 'II.8.7',
    variables: ['q', 'epsilon', 'd'],
    ranges: [
      [1, 5],
      [1, 5],
      [1, 5],
    ],
    formula: '3/5*q^2/(4*pi*epsilon*d)',
  },
  {
    id: 'II.8.31',
    variables: ['epsilon', 'Ef'],
    ranges: [
      [1, 5],
      [1, 5],
    ],
    formula: 'epsilon*Ef^2/2',
  },
  {
    id: 'II.10.9',
    variables: ['sigma_den', 'epsilon', 'chi'],
    ranges: [
      [1, 5],
      [1, 5],
      [1, 5],
    ],
    formula: 'sigma_den/epsilon*1/(1+chi)',
  },
  {
    id: 'II.11.3',
    variables: ['q', 'Ef', 'm', 'omega_0', 'omega'],
    ranges: [
      [1, 3],
      [1, 3],
      [1, 3],
      [3, 5],
      [1, 2],
    ],
    formula: 'q*Ef/(m*(omega_0^2-omega^2))',
  },
  {
    id: 'II.11.17',
    variables: ['n_0', 'kb', 'T', 'theta', 'p_d', 'Ef'],
    ranges: [
      [1, 3],
      [1, 3],
      [1, 3],
      [1, 3],
      [1, 3],
      [1, 3],
    ],
    formula: 'n_0*(1+p_d*Ef*cos(theta)/(kb*T))',
  },
  {
    id: 'II.11.20',
    variables: ['n_rho', 'p_d', 'Ef', 'kb', 'T'],
    ranges: [
      [1, 5],
      [1, 5],
      [1, 5],
      [1, 5],
      [1, 5],
    ],
    formula: 'n_rho*p_d^2*Ef/(3*kb*T)',
  },
  {
    id: 'II.11.27',
    variables: ['n', 'alpha', 'epsilon', 'Ef'],
    ranges: [
      [0, 1],
      [0, 1],
      [1, 2],
      [1, 2],
    ],
    formula: 'n*alpha/(1-(n*alpha/3))*epsilon*Ef',
  },
  {
    id: 'II.11.28',
    variables: ['n', 'alpha'],
    ranges: [
      [0, 1],
      [0, 1],
    ],
    formula: '1+n*alpha/(1-(n*alpha/3))',
  },
  {
    id: 'II.13.17',
    variables: ['epsilon', 'c', 'I', 'r'],
    ranges: [
      [1, 5],
      [1, 5],
      [1, 5],
      [1, 5],
    ],
    formula: '1/(4*pi*epsilon*c^2)*2*I/r',
  },
  {
    id: 'II.13.23',
    variables: ['rho_c_0', 'v', 'c'],
    ranges: [
      [1, 5],
      [1, 2],
      [3, 10],
    ],
    formula: 'rho_c_0/sqrt(1-v^2/c^2)',
  },
  {
    id: 'II.13.34',
    variables: ['rho_c_0', 'v', 'c'],
    ranges: [
      [1, 5],
      [1, 2],
      [3, 10],
    ],
    formula: 'rho_c_0*v/sqrt(1-v^2/c^2)',
  },
  {
    id: 'II.15.4',
    variables: ['mom', 'B', 'theta'],
    ranges: [
      [1, 5],
      [1, 5],
      [1, 5],
    ],
    formula: '-mom*B*cos(theta)',
  },
  {
    id: 'II.15.5',
    variables: ['p_d', 'Ef', 'theta'],
    ranges: [
      [1, 5],
      [1, 5],
      [1, 5],
    ],
    formula: '-p_d*Ef*cos(theta)',
  },
  {
    id: 'II.21.32',
    variables: ['q', 'epsilon', 'r', 'v', 'c'],
    ranges: [
      [1, 5],
      [1, 5],
      [1, 5],
      [1, 2],
      [3, 10],
    ],
    formula: 'q/(4*pi*epsilon*r*(1-v/c))',
  },
  {
    id: 'II.24.17',
    variables: ['omega', 'c', 'd'],
    ranges: [
      [4, 6],
      [1, 2],
      [2, 4],
    ],
    formula: 'sqrt(omega^2/c^2-pi^2/d^2)',
  },
  {
    id: 'II.27.16',
    variables: ['epsilon', 'c', 'Ef'],
    ranges: [
      [1, 5],
      [1, 5],
      [1, 5],
    ],
    formula: 'epsilon*c*Ef^2',
  },
  {
    id: 'II.27.18',
    variables: ['epsilon', 'Ef'],
    ranges: [
      [1, 5],
      [1, 5],
    ],
    formula: 'epsilon*Ef^2',
  },
  {
    id: 'II.34.2a',
    variables: ['q', 'v', 'r'],
    ranges: [
      [1, 5],
      [1, 5],
      [1, 5],
    ],
    formula: 'q*v/(2*pi*r)',
  },
  {
    id: 'II.34.2',
    variables: ['q', 'v', 'r'],
    ranges: [
      [1, 5],
      [1, 5],
      [1, 5],
    ],
    formula: 'q*v*r/2',
  },
  {
    id: 'II.34.11',
    variables: ['g_', 'q', 'B', 'm'],
    ranges: [
      [1, 5],
      [1, 5],
      [1, 5],
      [1, 5],
    ],
    formula: 'g_*q*B/(2*m)',
  },
  {
    id: 'II.34.29a',
    variables: ['q', 'h', 'm'],
    ranges: [
      [1, 5],
      [1, 5],
      [1, 5],
    ],
    formula: 'q*h/(4*pi*m)',
  },
  {
    id: 'II.34.29b',
    variables: ['g_', 'h', 'Jz', 'mom', 'B'],
    ranges: [
      [1, 5],
      [1, 5],
      [1, 5],
      [1, 5],
      [1, 5],
    ],
    formula: 'g_*mom*B*Jz/(h/(2*pi))',
  },
  {
    id: 'II.35.18',
    variables: ['n_0', 'kb', 'T', 'mom', 'B'],
    ranges: [
      [1, 3],
      [1, 3],
      [1, 3],
      [1, 3],
      [1, 3],
    ],
    formula: 'n_0/(exp(mom*B/(kb*T))+exp(-mom*B/(kb*T)))',
  },
  {
    id: 'II.35.21',
    variables: ['n_rho', 'mom', 'B', 'kb', 'T'],
    ranges: [
      [1, 5],
      [1, 5],
      [1, 5],
      [1, 5],
      [1, 5],
    ],
    formula: 'n_rho*mom*(exp(2*(mom*B/(kb*T)))-1)/(exp(2*(mom*B/(kb*T)))+1)',
    note: 'tanh(u) written as (exp(2*u)-1)/(exp(2*u)+1), an exact identity, since the parser has no tanh.',
  },
  {
    id: 'II.36.38',
    variables: ['mom', 'H', 'kb', 'T', 'alpha', 'epsilon', 'c', 'M'],
    ranges: [
      [1, 3],
      [1, 3],
      [1, 3],
      [1, 3],
      [1, 3],
      [1, 3],
      [1, 3],
      [1, 3],
    ],
    formula: 'mom*H/(kb*T)+(mom*alpha)/(epsilon*c^2*kb*T)*M',
  },
  {
    id: 'II.37.1',
    variables: ['mom', 'B', 'chi'],
    ranges: [
      [1, 5],
      [1, 5],
      [1, 5],
    ],
    formula: 'mom*(1+chi)*B',
  },
  {
    id: 'II.38.3',
    variables: ['Y', 'A', 'd', 'x'],
    ranges: [
      [1, 5],
      [1, 5],
      [1, 5],
      [1, 5],
    ],
    formula: 'Y*A*x/d',
  },
  {
    id: 'II.38.14',
    variables: ['Y', 'sigma'],
    ranges: [
      [1, 5],
      [1, 5],
    ],
    formula: 'Y/(2*(1+sigma))',
  },
  {
    id: 'III.4.32',
    variables: ['h', 'omega', 'kb', 'T'],
    ranges: [
      [1, 5],
      [1, 5],
      [1, 5],
      [1, 5],
    ],
    formula: '1/(exp((h/(2*pi))*omega/(kb*T))-1)',
  },
  {
    id: 'III.4.33',
    variables: ['h', 'omega', 'kb', 'T'],
    ranges: [
      [1, 5],
      [1, 5],
      [1, 5],
      [1, 5],
    ],
    formula: '(h/(2*pi))*omega/(exp((h/(2*pi))*omega/(kb*T))-1)',
  },
  {
    id: 'III.7.38',
    variables: ['mom', 'B', 'h'],
    ranges: [
      [1, 5],
      [1, 5],
      [1, 5],
    ],
    formula: '2*mom*B/(h/(2*pi))',
  },
  {
    id: 'III.8.54',
    variables: ['E_n', 't', 'h'],
    ranges: [
      [1, 2],
      [1, 2],
      [1, 4],
    ],
    formula: 'sin(E_n*t/(h/(2*pi)))^2',
  },
  {
    id: 'III.9.52',
    variables: ['p_d', 'Ef', 't', 'h', 'omega', 'omega_0'],
    ranges: [
      [1, 3],
      [1, 3],
      [1, 3],
      [1, 3],
      [1, 5],
      [1, 5],
    ],
    formula: '(p_d*Ef*t/(h/(2*pi)))*sin((omega-omega_0)*t/2)^2/((omega-omega_0)*t/2)^2',
  },
  {
    id: 'III.10.19',
    variables: ['mom', 'Bx', 'By', 'Bz'],
    ranges: [
      [1, 5],
      [1, 5],
      [1, 5],
      [1, 5],
    ],
    formula: 'mom*sqrt(Bx^2+By^2+Bz^2)',
  },
  {
    id: 'III.12.43',
    variables: ['n', 'h'],
    ranges: [
      [1, 5],
      [1, 5],
    ],
    formula: 'n*(h/(2*pi))',
  },
  {
    id: 'III.13.18',
    variables: ['E_n', 'd', 'k', 'h'],
    ranges: [
      [1, 5],
      [1, 5],
      [1, 5],
      [1, 5],
    ],
    formula: '2*E_n*d^2*k/(h/(2*pi))',
  },
  {
    id: 'III.14.14',
    variables: ['I_0', 'q', 'Volt', 'kb', 'T'],
    ranges: [
      [1, 5],
      [1, 2],
      [1, 2],
      [1, 2],
      [1, 2],
    ],
    formula: 'I_0*(exp(q*Volt/(kb*T))-1)',
  },
  {
    id: 'III.15.12',
    variables: ['U', 'k', 'd'],
    ranges: [
      [1, 5],
      [1, 5],
      [1, 5],
    ],
    formula: '2*U*(1-cos(k*d))',
  },
  {
    id: 'III.15.14',
    variables: ['h', 'E_n', 'd'],
    ranges: [
      [1, 5],
      [1, 5],
      [1, 5],
    ],
    formula: '(h/(2*pi))^2/(2*E_n*d^2)',
  },
  {
    id: 'III.15.27',
    variables: ['alpha', 'n', 'd'],
    ranges: [
      [1, 5],
      [1, 5],
      [1, 5],
    ],
    formula: '2*pi*alpha/(n*d)',
  },
  {
    id: 'III.17.37',
    variables: ['beta', 'alpha', 'theta'],
    ranges: [
      [1, 5],
      [1, 5],
      [1, 5],
    ],
    formula: 'beta*(1+alpha*cos(theta))',
  },
  {
    id: 'III.19.51',
    variables: ['m', 'q', 'h', 'n', 'epsilon'],
    ranges: [
      [1, 5],
      [1, 5],
      [1, 5],
      [1, 5],
      [1, 5],
    ],
    formula: '-m*q^4/(2*(4*pi*epsilon)^2*(h/(2*pi))^2)*(1/n^2)',
  },
  {
    id: 'III.21.20',
    variables: ['rho_c_0', 'q', 'A_vec', 'm'],
    ranges: [
      [1, 5],
      [1, 5],
      [1, 5],
      [1, 5],
    ],
    formula: '-rho_c_0*q*A_vec/m',
  },
];
