// A Python script that runs PySR on an exported gradient file with the explorer's loss and search
// settings: the path for a search larger than a browser can run, since PySR spreads its islands
// over many cores and, through its cluster managers, over many machines. The gradients ride along
// as extra columns of PySR's X, which the Julia loss reads and an equation may not use (one that
// does is priced at infinity), so the data reaches every worker with the dataset itself.

import type { SearchOptions } from '../core/search/options.ts';
import { pythonNames } from './exports.ts';
import type { ResultJson } from './report.ts';

/** The PySR release the script was written for (its `loss_function` takes Julia source). */
export const PYSR_VERSION = '1.5';

/** Points whose variance along a direction is below this share of the largest lie on a flat subspace (as `flatDirections`). */
const FLAT_VARIANCE = 1e-12;

export interface PysrScriptInput {
  variables: readonly string[];
  options: SearchOptions;
  /** The gradient file the script reads unless told another. */
  gradientFile: string;
  /** One line: the run the gradients come from. */
  description: string;
}

/** A Python string literal of `text` (JSON's escapes are Python's for these characters). */
const pyString = (text: string): string => JSON.stringify(text);

/** PySR's `nested_constraints` from the search's nesting limits. */
function nestedConstraints(options: SearchOptions): string {
  const allowed = new Set<string>([...options.binaryOperators, ...options.unaryOperators]);
  const outer = Object.entries(options.nestingLimits).flatMap(([op, inner]) => {
    if (!allowed.has(op) || !inner) return [];
    const limits = Object.entries(inner).filter(([name]) => allowed.has(name));
    return limits.length === 0
      ? []
      : [`${pyString(op)}: {${limits.map(([name, n]) => `${pyString(name)}: ${n}`).join(', ')}}`];
  });
  return `{${outer.join(', ')}}`;
}

/** The Julia loss: the explorer's gradient loss (`lossFromCosines`) over PySR's X = [inputs; unit gradients]. */
function juliaLoss(dimensions: number, signInvariant: boolean): string {
  return `
function gradient_loss(tree, dataset::Dataset{T,L}, options)::L where {T,L}
    d = ${dimensions}
    NORMALS = __NORMALS__
    _, g, complete = eval_grad_tree_array(tree, dataset.X, options; variable=true)
    complete || return L(Inf)
    n = size(g, 2)
    cos_sum = zero(T)
    zero_points = 0
    for i in 1:n
        # An equation may not read the target's columns.
        for j in (d + 1):(2 * d)
            iszero(g[j, i]) || return L(Inf)
        end
        # Compared along the flat subspace the points lie on, as the explorer compares them.
        gi = g[1:d, i]
        for k in axes(NORMALS, 1)
            along = sum(gi[j] * NORMALS[k, j] for j in 1:d)
            gi .-= along .* NORMALS[k, :]
        end
        dot = sum(gi[j] * dataset.X[d + j, i] for j in 1:d)
        norm2 = sum(abs2, gi)
        if norm2 > 0 && isfinite(norm2)
            cos_sum += dot / sqrt(norm2)
        else
            zero_points += 1
        end
    end
    agreement = ${signInvariant ? 'abs(cos_sum)' : 'cos_sum'}
    return L(max(0, 2 * (n - zero_points) - 2 * agreement + 4 * zero_points) / (n * d))
end
`;
}

/** The script's text. */
export function pysrScript({ variables, options, gradientFile, description }: PysrScriptInput): string {
  const names = pythonNames(variables);
  const unary = options.unaryOperators.map(pyString).join(', ');
  const binary = options.binaryOperators.map((op) => pyString(op === '^' ? '^' : op)).join(', ');
  const operatorComplexity = Object.entries(options.operatorComplexity)
    .map(([op, c]) => `${pyString(op)}: ${c}`)
    .join(', ');
  return `"""A PySR search on the normalised input gradients of a run of the Symbolic Gradients Explorer.

${description.replace(/\\/g, '\\\\').replace(/"""/g, "'''")}

Written for PySR ${PYSR_VERSION} (pip install "pysr==${PYSR_VERSION}.*"; PySR installs Julia on first use).
The loss is the explorer's: the mean squared difference between an equation's normalised gradient
and the file's${options.signInvariant ? ', either orientation of the equation counting alike' : ''}, compared along the flat subspace the points lie
on; the operators, size limit, nesting limits and seed are the run's.

    python THIS_FILE [GRADIENT_FILE]                      # this machine, every core
    python THIS_FILE --procs 256 --cluster-manager slurm  # a cluster: PySR starts the workers
"""
import argparse
import os

import numpy as np

VARIABLES = [${variables.map(pyString).join(', ')}]
NAMES = [${names.map(pyString).join(', ')}]  # the same, as Python names
GRADIENT_FILE = ${pyString(gradientFile)}  # beside this script, unless another is given
SEED = ${options.seed}
FLAT_VARIANCE = ${FLAT_VARIANCE}

LOSS = """${juliaLoss(variables.length, options.signInvariant)}"""


def read_gradients(path):
    """The points and their unit gradients from a gradient file (header x,...,grad_x,...)."""
    with open(path) as f:
        header = f.readline().strip().split(",")
    table = np.loadtxt(path, delimiter=",", skiprows=1, ndmin=2)
    x = table[:, [header.index(v) for v in VARIABLES]]
    g = table[:, [header.index("grad_" + v) for v in VARIABLES]]
    keep = np.all(np.isfinite(table), axis=1) & (np.linalg.norm(g, axis=1) > 0)
    x, g = x[keep], g[keep]
    return x, g / np.linalg.norm(g, axis=1, keepdims=True)


def flat_directions(x):
    """Unit directions along which the points do not vary (rows), as the explorer finds them."""
    values, vectors = np.linalg.eigh(np.cov(x, rowvar=False, bias=True))
    return vectors[:, values < FLAT_VARIANCE * values.max()].T


def pysr_data(x, g, normals):
    """PySR's X (the inputs, then the unit gradients along the subspace) and a placeholder y."""
    g = g - (g @ normals.T) @ normals
    g = g / np.linalg.norm(g, axis=1, keepdims=True)
    return np.hstack([x, g]), np.zeros(len(x))


def julia_matrix(rows, width):
    """A Julia matrix literal of the flat directions (none: an empty one)."""
    if len(rows) == 0:
        return "zeros(0, %d)" % width
    return "[" + "; ".join(" ".join(repr(float(v)) for v in row) for row in rows) + "]"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    here = os.path.dirname(os.path.abspath(__file__))
    parser.add_argument("gradient_file", nargs="?", default=os.path.join(here, GRADIENT_FILE))
    parser.add_argument("--procs", type=int, default=None, help="worker processes (default: every core)")
    parser.add_argument("--cluster-manager", default=None, help="slurm, pbs, lsf, sge, qrsh, scyld or htc")
    parser.add_argument("--niterations", type=int, default=1000)
    parser.add_argument("--timeout", type=float, default=None, help="seconds")
    args = parser.parse_args()

    from pysr import PySRRegressor

    x, g = read_gradients(args.gradient_file)
    normals = flat_directions(x)
    X, y = pysr_data(x, g, normals)
    loss = LOSS.replace("__NORMALS__", julia_matrix(normals, len(VARIABLES)))
    model = PySRRegressor(
        binary_operators=[${binary}],
        unary_operators=[${unary}],
        maxsize=${options.maxSize},
        maxdepth=${options.maxDepth},
        nested_constraints=${nestedConstraints(options)},
        complexity_of_operators={${operatorComplexity}},
        complexity_of_constants=${options.constantComplexity},
        complexity_of_variables=${options.variableComplexity},
        loss_function=loss,
        populations=max(${options.islands}, 3 * (args.procs or 1)),
        population_size=${options.populationSize},
        niterations=args.niterations,
        timeout_in_seconds=args.timeout,
        parallelism="multiprocessing" if args.procs or args.cluster_manager else "multithreading",
        procs=args.procs,
        cluster_manager=args.cluster_manager,
        random_state=SEED,
        model_selection="best",
    )
    model.fit(X, y, variable_names=NAMES + ["target_" + name for name in NAMES])
    print(model.equations_[["complexity", "loss", "equation"]].to_string())
    print("best:", model.sympy())


if __name__ == "__main__":
    main()
`;
}

/** The PySR script for the run of `result`, reading `gradientFile` (the gradients its search ran on). */
export function pysrExport(result: ResultJson, gradientFile: string): string {
  const resolved = (result.settings['resolved'] as { search?: SearchOptions } | undefined)?.search;
  if (!resolved) throw new Error('the result names no search settings (schema 1): export from a new run');
  const source = Object.entries(result.input)
    .map(([key, value]) => `${key} ${value}`)
    .join(', ');
  return pysrScript({
    variables: result.variables,
    options: resolved,
    gradientFile,
    description: `Gradients from ${source}, seed ${result.seed}; the explorer's pick: ${result.best?.expr ?? 'none'}.`,
  });
}
