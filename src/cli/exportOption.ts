// `--export KIND=FILE` (as often as wanted): the pick written as a NumPy function, a SymPy
// expression or LaTeX. The requests are read before the run, so a typo fails at once.

import { writeFile } from 'node:fs/promises';
import { parseExpression } from '../core/expr/parse.ts';
import { EXPORT_KINDS, exportFile, type ExportKind } from '../pipeline/exports.ts';
import type { ResultJson } from '../pipeline/report.ts';
import { UsageError } from './usageError.ts';

export interface ExportRequest {
  kind: ExportKind;
  file: string;
}

/** The `--export` values, each `KIND=FILE`. */
export function exportRequests(raw: readonly string[] | undefined): ExportRequest[] {
  return (raw ?? []).map((text) => {
    const at = text.indexOf('=');
    const [kind, file] = at < 0 ? [text, ''] : [text.slice(0, at), text.slice(at + 1)];
    if (!(EXPORT_KINDS as readonly string[]).includes(kind))
      throw new UsageError(`--export: "${kind}" is not one of ${EXPORT_KINDS.join(', ')} (write KIND=FILE)`);
    if (file === '') throw new UsageError(`--export: "${text}" names no file (write ${kind}=FILE)`);
    return { kind: kind as ExportKind, file };
  });
}

/** Writes the pick of `result` as each request asks. */
export async function writeExports(requests: readonly ExportRequest[], result: ResultJson): Promise<void> {
  if (requests.length === 0) return;
  const best = result.best;
  if (!best) throw new UsageError('--export: the search has no pick to export');
  // The pick's infix text reads back to the same tree (`toInfix`).
  const parsed = parseExpression(best.expr, result.variables);
  if (!parsed.ok) throw new Error(`the pick does not read back: ${parsed.error.message}`);
  const source = Object.entries(result.input)
    .map(([key, value]) => `${key} ${value}`)
    .join(', ');
  const description = `${best.expr}: the pick (complexity ${best.complexity}, loss ${best.loss.toExponential(3)}) of a run of the Symbolic Gradients Explorer on ${source}, seed ${result.seed}`;
  for (const { kind, file } of requests) {
    try {
      await writeFile(
        file,
        exportFile(kind, { tree: parsed.expr, variables: result.variables, description }),
      );
    } catch (error) {
      throw new UsageError(
        `--export: cannot write ${file} (${(error as NodeJS.ErrnoException).code ?? 'error'})`,
      );
    }
  }
}
