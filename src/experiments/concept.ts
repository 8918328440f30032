// A concept the user types: a formula over inputs they name, each sampled uniformly in a range of
// their box ("x:-2:2, v:-2:2"). Without a threshold it is a latent concept: the Siamese network
// learns from triplets whose positive shares the formula's value with its anchor (a fresh point
// moved onto the anchor's level set by Newton steps along the gradient; what does not land in the
// box is drawn again) and whose negative is a fresh point, as the papers drew them. With a
// threshold (or a formula that compares with one, `a^2 + b^2 < 1`) it is a classifier: label 1
// where the formula, with the papers' label noise, is on the threshold's named side (above it
// unless the formula says below). The formula is read by the expression parser, never evaluated as JavaScript.

import { compileValue } from '../core/eval/compile.ts';
import { exactGradients } from '../core/eval/gradients.ts';
import { parseExpression } from '../core/expr/parse.ts';
import { isUnaryOp, type Expr } from '../core/expr/types.ts';
import { Rng } from '../core/rng.ts';
import { NUMBER_PATTERN } from '../core/io/numberText.ts';
import { LABEL_NOISE } from './classifiers.ts';
import { emptyColumns, rowCount, type Columns, type Experiment, type Triplets } from './types.ts';

/** One input of a typed concept and the range it is sampled in. */
export interface BoxRange {
  readonly name: string;
  readonly low: number;
  readonly high: number;
}

/** What the user typed; `threshold` makes it a classifier. */
export interface ConceptSpec {
  readonly formula: string;
  readonly box: string;
  readonly threshold?: number | undefined;
}

/** What is wrong, in which of the three fields, and at which 0-based column of it where known. */
export interface ConceptError {
  readonly field: 'concept' | 'box' | 'threshold';
  readonly message: string;
  readonly position?: number;
}

export type ConceptRead<T> = { ok: true; value: T } | { ok: false; error: ConceptError };

/** The id a typed concept's runs and results carry in place of a catalogue id. */
export const CONCEPT_ID = 'concept';
/** A concept of one input has no direction to read back; more than this is beyond a typed box. */
export const MIN_CONCEPT_INPUTS = 2;
export const MAX_CONCEPT_INPUTS = 10;
/** Ranges beyond this size are refused: float64 loses the points' differences. */
const MAX_BOUND = 1e6;
/** Points the formula is tried at before a run, and the share of them that must be usable. */
const PROBE_POINTS = 1000;
const MIN_USABLE_SHARE = 0.5;
/** A classifier's threshold must leave at least this share of the box on each side. */
const MIN_CLASS_SHARE = 0.02;
/** Newton steps per draw, and draws of a positive (then of its anchor too) before giving up. */
const NEWTON_STEPS = 12;
const DRAWS = 12;
/** A positive has landed when its value is this close to its anchor's, relative to the concept's spread. */
const LANDING_TOLERANCE = 1e-6;

const NAME_PATTERN = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** "x:-2:2, v:-2:2": a name and a range per input, in order. */
export function parseBox(text: string): ConceptRead<BoxRange[]> {
  const ranges: BoxRange[] = [];
  let offset = 0;
  for (const raw of text.split(',')) {
    const position = offset + (raw.length - raw.trimStart().length);
    offset += raw.length + 1;
    const fail = (message: string): ConceptRead<BoxRange[]> => ({
      ok: false,
      error: { field: 'box', message, position },
    });
    const parts = raw
      .trim()
      .split(':')
      .map((part) => part.trim());
    if (parts.length !== 3) return fail(`"${raw.trim()}" is not NAME:LOW:HIGH (for example x:-2:2)`);
    const [name, lowText, highText] = parts as [string, string, string];
    if (!NAME_PATTERN.test(name))
      return fail(`"${name}" is not a name: start with a letter, then letters, digits or _`);
    if (name === 'pi' || isUnaryOp(name))
      return fail(`"${name}" is the name of a constant or function; call the input something else`);
    if (ranges.some((r) => r.name === name)) return fail(`"${name}" is named twice`);
    if (!NUMBER_PATTERN.test(lowText) || !NUMBER_PATTERN.test(highText))
      return fail(`the range of ${name}, ${lowText} to ${highText}, is not two numbers`);
    const [low, high] = [Number(lowText), Number(highText)];
    if (!(low < high))
      return fail(`the range of ${name} must run from low to high (${low} is not below ${high})`);
    if (Math.max(Math.abs(low), Math.abs(high)) > MAX_BOUND)
      return fail(`the range of ${name} goes beyond ±${MAX_BOUND.toLocaleString('en-US')}`);
    ranges.push({ name, low, high });
  }
  if (ranges.length < MIN_CONCEPT_INPUTS)
    return {
      ok: false,
      error: {
        field: 'box',
        message: `name at least ${MIN_CONCEPT_INPUTS} inputs: a concept of one input has no direction to read back`,
      },
    };
  if (ranges.length > MAX_CONCEPT_INPUTS)
    return { ok: false, error: { field: 'box', message: `at most ${MAX_CONCEPT_INPUTS} inputs` } };
  return { ok: true, value: ranges };
}

/** The box as it is written: `x:-2:2,v:-2:2`. */
export const formatBox = (ranges: readonly BoxRange[]): string =>
  ranges.map((r) => `${r.name}:${r.low}:${r.high}`).join(',');

/** Points uniform in the box, one column per input. */
function sampleBox(ranges: readonly BoxRange[], rng: Rng, n: number): Columns {
  const columns = emptyColumns(ranges.length, n);
  for (let i = 0; i < n; i++) ranges.forEach((r, j) => (columns[j]![i] = rng.uniform(r.low, r.high)));
  return columns;
}

function valuesAt(value: ReturnType<typeof compileValue>, x: Columns): Float64Array {
  const n = rowCount(x);
  const out = new Float64Array(n);
  value(x, out, n);
  return out;
}

/** The typed concept as an experiment, or what is wrong with it (the field, and the column). */
export function conceptExperiment(spec: ConceptSpec): ConceptRead<Experiment> {
  const box = parseBox(spec.box);
  if (!box.ok) return box;
  const ranges = box.value;
  const variables = ranges.map((r) => r.name);
  const rule = splitComparison(spec.formula);
  if (!rule.ok) return rule;
  const { formula, below } = rule.value;
  if (rule.value.threshold !== undefined && spec.threshold !== undefined)
    return {
      ok: false,
      error: {
        field: 'threshold',
        message: 'the formula already compares with a threshold: give it in one place',
      },
    };
  const threshold = rule.value.threshold ?? spec.threshold;
  const parsed = parseExpression(formula, variables);
  if (!parsed.ok) {
    return {
      ok: false,
      // The column is given apart from the message, as the box's are.
      error: {
        field: 'concept',
        message: parsed.error.message.replace(/ at position \d+/, ''),
        position: parsed.error.position,
      },
    };
  }
  const truth = parsed.expr;
  const value = compileValue(truth);
  const probe = sampleBox(ranges, new Rng(1), PROBE_POINTS);
  const probed = probeFormula(truth, value, probe, variables);
  if (!probed.ok) return probed;
  if (threshold !== undefined) {
    const above = probed.value.filter((v) => v > threshold).length / probed.value.length;
    if (above < MIN_CLASS_SHARE || above > 1 - MIN_CLASS_SHARE) {
      const sorted = [...probed.value].sort((a, b) => a - b);
      return {
        ok: false,
        error: {
          field: 'threshold',
          message: `${threshold} puts ${Math.round(100 * above)} % of the box above it (the formula runs from about ${sorted[0]!.toPrecision(3)} to ${sorted[sorted.length - 1]!.toPrecision(3)} there); choose one inside that range`,
        },
      };
    }
  }
  const scale = spread(probed.value);
  const sample = (rng: Rng, n: number) => sampleBox(ranges, rng, n);
  const common = {
    id: CONCEPT_ID,
    title: 'Your concept',
    variables,
    truthText: formula,
    truth,
    simplestForm: formula,
    sample,
  };
  if (threshold === undefined) {
    return {
      ok: true,
      value: {
        ...common,
        kind: 'latent',
        teaching: `The network sees points (${variables.join(', ')}) drawn uniformly in your box, in triplets: a point, a second point with the same value of your formula, and a fresh point. It learns to place points of the same value together; the search then reads back, from the network's gradients alone, what it learned.`,
        triplets: (rng, n) => levelSetTriplets(truth, value, ranges, scale, rng, n),
      },
    };
  }
  return {
    ok: true,
    value: {
      ...common,
      kind: 'classifier',
      threshold,
      teaching: `The network sees points (${variables.join(', ')}) drawn uniformly in your box, labelled 1 where your formula is ${below ? 'below' : 'above'} ${threshold} (with 1 % label noise). The search reads the decision boundary back from the network's gradients alone.`,
      labels(rng: Rng, points: Columns): Uint8Array {
        const g = valuesAt(value, points);
        return Uint8Array.from(g, (v) => {
          const noisy = v * (1 + LABEL_NOISE * rng.normal());
          return (below ? noisy < threshold : noisy > threshold) ? 1 : 0;
        });
      },
    },
  };
}

/** The formula's values at the probe points, or why it cannot be a concept over the box. */
function probeFormula(
  truth: Expr,
  value: ReturnType<typeof compileValue>,
  probe: Columns,
  variables: readonly string[],
): ConceptRead<number[]> {
  const v = valuesAt(value, probe);
  const g = exactGradients(truth, probe);
  const usable: number[] = [];
  let firstBad = -1;
  let moving = false;
  for (let i = 0; i < v.length; i++) {
    const finite = Number.isFinite(v[i]!) && g.every((column) => Number.isFinite(column[i]!));
    if (!finite) {
      if (firstBad < 0) firstBad = i;
      continue;
    }
    usable.push(v[i]!);
    if (g.some((column) => column[i] !== 0)) moving = true;
  }
  if (usable.length < MIN_USABLE_SHARE * v.length) {
    const at = variables.map((name, j) => `${name} = ${probe[j]![firstBad]!.toPrecision(3)}`).join(', ');
    return {
      ok: false,
      error: {
        field: 'concept',
        message: `the formula or its gradient is not finite at ${Math.round((100 * (v.length - usable.length)) / v.length)} % of the box (for example at ${at}); narrow the box or change the formula`,
      },
    };
  }
  if (!moving)
    return {
      ok: false,
      error: { field: 'concept', message: 'the formula does not change anywhere in the box' },
    };
  return { ok: true, value: usable };
}

/** `g < T` (or `>`, `<=`, `>=`): the formula g, the threshold T and which side is labelled 1. */
interface ClassRule {
  formula: string;
  threshold?: number;
  below: boolean;
}

/** A typed formula split at its comparison with a threshold, where it has one. */
function splitComparison(text: string): ConceptRead<ClassRule> {
  const match = /^([^<>]*)([<>])=?([^<>]*)$/.exec(text);
  if (!match) {
    const second = text.search(/[<>][^<>]*[<>]/);
    return second < 0
      ? { ok: true, value: { formula: text, below: false } }
      : {
          ok: false,
          error: {
            field: 'concept',
            message: 'compare the formula with a threshold once at most',
            position: second,
          },
        };
  }
  const [, formula, sign, right] = match as unknown as [string, string, string, string];
  const threshold = right.trim();
  if (!NUMBER_PATTERN.test(threshold))
    return {
      ok: false,
      error: {
        field: 'concept',
        message: `compare with a number, such as ${formula.trim()} ${sign} 1`,
        position: text.length - right.length,
      },
    };
  return {
    ok: true,
    value: { formula: formula.trimEnd(), threshold: Number(threshold), below: sign === '<' },
  };
}

/** The standard deviation of `values`, or 1 where they do not vary. */
function spread(values: readonly number[]): number {
  const mean = values.reduce((s, v) => s + v, 0) / values.length;
  const sd = Math.sqrt(values.reduce((s, v) => s + (v - mean) ** 2, 0) / values.length);
  return sd > 0 ? sd : 1;
}

/** Thrown when the positives cannot be placed: the concept is flat or undefined over much of the box. */
export class LevelSetError extends Error {}

/**
 * n triplets: anchors uniform in the box; positives moved onto their anchor's level set by Newton
 * steps x ← x - (g(x) - g(a)) ∇g / |∇g|², drawn again (and, after half the draws, with a new
 * anchor) until they land inside the box; negatives fresh from the box.
 */
function levelSetTriplets(
  truth: Expr,
  value: ReturnType<typeof compileValue>,
  ranges: readonly BoxRange[],
  scale: number,
  rng: Rng,
  n: number,
): Triplets {
  const d = ranges.length;
  const anchor = sampleBox(ranges, rng, n);
  const positive = sampleBox(ranges, rng, n);
  const target = valuesAt(value, anchor);
  let open = Array.from({ length: n }, (_, i) => i);
  for (let draw = 0; draw < DRAWS && open.length > 0; draw++) {
    if (draw > 0) {
      const fresh = sampleBox(ranges, rng, open.length * (draw >= DRAWS / 2 ? 2 : 1));
      open.forEach((row, k) => {
        for (let j = 0; j < d; j++) positive[j]![row] = fresh[j]![k]!;
        if (draw >= DRAWS / 2) {
          for (let j = 0; j < d; j++) anchor[j]![row] = fresh[j]![open.length + k]!;
        }
      });
      if (draw >= DRAWS / 2) {
        const moved = valuesAt(
          value,
          ranges.map((_, j) => Float64Array.from(open, (row) => anchor[j]![row]!)),
        );
        open.forEach((row, k) => (target[row] = moved[k]!));
      }
    }
    open = newtonOnto(truth, value, ranges, positive, target, open, scale * LANDING_TOLERANCE);
  }
  if (open.length > 0)
    throw new LevelSetError(
      `${open.length} of ${n} positives found no point of their anchor's value inside the box after ${DRAWS} draws: the formula may be nearly constant, or undefined, over much of the box`,
    );
  return { anchor, positive, negative: sampleBox(ranges, rng, n) };
}

/** Newton steps for the rows in `open`; the rows that did not land inside the box. */
function newtonOnto(
  truth: Expr,
  value: ReturnType<typeof compileValue>,
  ranges: readonly BoxRange[],
  positive: Columns,
  target: Float64Array,
  open: number[],
  tolerance: number,
): number[] {
  const d = ranges.length;
  const x = ranges.map((_, j) => Float64Array.from(open, (row) => positive[j]![row]!));
  const wanted = Float64Array.from(open, (row) => target[row]!);
  for (let step = 0; step < NEWTON_STEPS; step++) {
    const v = valuesAt(value, x);
    const g = exactGradients(truth, x);
    for (let k = 0; k < open.length; k++) {
      const miss = v[k]! - wanted[k]!;
      if (Math.abs(miss) <= tolerance) continue;
      let norm2 = 0;
      for (let j = 0; j < d; j++) norm2 += g[j]![k]! ** 2;
      if (!(norm2 > 0) || !Number.isFinite(norm2)) continue;
      for (let j = 0; j < d; j++) x[j]![k] = x[j]![k]! - (miss * g[j]![k]!) / norm2;
    }
  }
  const v = valuesAt(value, x);
  const stillOpen: number[] = [];
  open.forEach((row, k) => {
    const inside = ranges.every((r, j) => x[j]![k]! >= r.low && x[j]![k]! <= r.high);
    if (inside && Math.abs(v[k]! - wanted[k]!) <= tolerance) {
      for (let j = 0; j < d; j++) positive[j]![row] = x[j]![k]!;
    } else stillOpen.push(row);
  });
  return stillOpen;
}
