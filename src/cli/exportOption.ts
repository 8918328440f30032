// `--export KIND=FILE` (as often as wanted): the pick written as a NumPy function, a SymPy
// expression or LaTeX. The requests are read before the run, so a typo fails at once.

import { writeFile } from 'node:fs/promises';
import { EXPORT_KINDS, resultExport, type ExportKind } from '../pipeline/exports.ts';
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
  for (const { kind, file } of requests) {
    const exported = resultExport(result, kind);
    if (!exported) throw new UsageError('--export: the search has no pick to export');
    try {
      await writeFile(file, exported.text);
    } catch (error) {
      throw new UsageError(
        `--export: cannot write ${file} (${(error as NodeJS.ErrnoException).code ?? 'error'})`,
      );
    }
  }
}
