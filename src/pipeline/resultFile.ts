// Reads a result JSON back (the page's import): every field checked against the schema (sizes
// bounded, numbers finite, names plain), every expression parsed again and its LaTeX and SymPy
// written afresh from the parsed tree, never taken from the file. The check is not read at all:
// whoever shows the result checks it again. A file that does not fit is refused with the field
// that is wrong.

import { z } from 'zod';
import { parseExpression } from '../core/expr/parse.ts';
import { MAX_LATENT_SIZE } from '../model/options.ts';
import { describeEntry, RESULT_SCHEMA, type ResultEntry, type ResultJson } from './report.ts';

/** Larger files are refused before they are parsed. */
export const MAX_RESULT_BYTES = 20 * 1024 * 1024;

const count = z.number().int().min(0).max(1e15);
/** A search's pick changes at most once a round; a file of 20 MiB holds fewer rounds than this. */
const MAX_PICK_CHANGES = 5_000_000;
/** A figure that may have been NaN when written (JSON writes it as null, read back as NaN). */
const figure = z
  .number()
  .nullable()
  .transform((v) => v ?? NaN);
const name = z.string().regex(/^[A-Za-z_][A-Za-z0-9_]{0,31}$/, 'a plain name of at most 32 characters');
const shortText = z.string().max(200);

const entrySchema = z.object({
  complexity: z.number().int().min(1).max(10_000),
  loss: z.number().min(0),
  // A front's first entry, or one whose loss is 0, has no finite score (written as null).
  score: figure,
  validationLoss: z.number().min(0).exactOptional(),
  expr: z.string().min(1).max(10_000),
});

const trainingSchema = z.object({
  backend: shortText,
  epochs: count,
  bestEpoch: count,
  stopReason: shortText,
  trainLoss: figure,
  validationLoss: figure,
  examplesPerSecond: figure,
  pearson: figure.exactOptional(),
  spearman: figure.exactOptional(),
});

const knownFollowedSchema = z.object({
  concepts: z.array(z.object({ name: shortText, quality: figure })).max(16),
  span: figure,
});

const gradientsSchema = z.object({
  points: count,
  outsideBand: count,
  zeroGradient: count,
  flatDirections: count,
  quality: figure.exactOptional(),
  known: knownFollowedSchema.exactOptional(),
  boundaryPoints: count.exactOptional(),
  latent: z
    .object({
      size: z.number().int().min(1).max(MAX_LATENT_SIZE),
      singularValues: z.array(figure).max(MAX_LATENT_SIZE),
      rank: z.number().int().min(0).max(MAX_LATENT_SIZE),
      known: z
        .array(z.object({ name: shortText, share: figure }))
        .max(16)
        .exactOptional(),
    })
    .exactOptional(),
});

const resultSchema = z.object({
  schema: z.union([z.literal(1), z.literal(RESULT_SCHEMA)], `a result of schema 1 or ${RESULT_SCHEMA}`),
  variables: z.array(name).min(1).max(64),
  input: z.record(shortText, z.union([z.string().max(1000), z.number()])),
  seed: z
    .number()
    .int()
    .min(0)
    .max(2 ** 31 - 1),
  settings: z.record(shortText, z.unknown()),
  timings: z.record(shortText, figure),
  search: z.object({
    evaluations: count,
    evaluationsPerSecond: figure,
    skippedRows: count,
    rounds: count,
    stopReason: z.enum(['threshold', 'patience', 'maxRounds', 'timeLimit', 'cancelled', 'workersFailed']),
    pickChanges: z.array(count).max(MAX_PICK_CHANGES).exactOptional(),
  }),
  pareto: z.array(entrySchema).max(1000),
  best: entrySchema.nullable(),
  training: trainingSchema.exactOptional(),
  gradients: gradientsSchema.exactOptional(),
  secondNetwork: z
    .object({ seed: count, training: trainingSchema, gradients: gradientsSchema })
    .exactOptional(),
  concepts: z.array(entrySchema).max(MAX_LATENT_SIZE).exactOptional(),
});

export type ReadResult = { ok: true; result: ResultJson } | { ok: false; error: string };

/** `pareto[3].loss`: where in the file a problem is. */
function pathText(path: readonly PropertyKey[]): string {
  return path
    .map((key, i) => (typeof key === 'number' ? `[${key}]` : `${i === 0 ? '' : '.'}${String(key)}`))
    .join('');
}

/** The result in `text`, checked, or what is wrong with it and where. */
export function readResultJson(text: string): ReadResult {
  if (text.length > MAX_RESULT_BYTES)
    return { ok: false, error: `larger than ${MAX_RESULT_BYTES / 1024 / 1024} MB` };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { ok: false, error: `not JSON (${(error as Error).message})` };
  }
  const parsed = resultSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const where = pathText(issue.path);
    return { ok: false, error: where ? `${where}: ${issue.message}` : issue.message };
  }
  const file = parsed.data;
  const entryOf = (entry: z.infer<typeof entrySchema>, where: string): ResultEntry | string => {
    const tree = parseExpression(entry.expr, file.variables);
    if (!tree.ok) return `${where}.expr: ${tree.error.message}`;
    const { complexity, loss, score, validationLoss } = entry;
    const front = { tree: tree.expr, complexity, loss, score };
    return describeEntry(validationLoss === undefined ? front : { ...front, validationLoss }, file.variables);
  };
  const pareto: ResultEntry[] = [];
  for (const [i, entry] of file.pareto.entries()) {
    const read = entryOf(entry, `pareto[${i}]`);
    if (typeof read === 'string') return { ok: false, error: read };
    pareto.push(read);
  }
  const best = file.best && entryOf(file.best, 'best');
  if (typeof best === 'string') return { ok: false, error: best };
  const { concepts: conceptsRead, ...rest } = file;
  const concepts: ResultEntry[] = [];
  for (const [i, entry] of (conceptsRead ?? []).entries()) {
    const read = entryOf(entry, `concepts[${i}]`);
    if (typeof read === 'string') return { ok: false, error: read };
    concepts.push(read);
  }
  return { ok: true, result: { ...rest, pareto, best, ...(conceptsRead ? { concepts } : {}) } };
}
