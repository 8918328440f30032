// `--export KIND=FILE` (as often as wanted): the pick written as a NumPy function, a SymPy
// expression or LaTeX, or a PySR script for a larger search on the run's gradients (written
// beside it as FILE-gradients.csv, which the script reads). The requests are read before the
// run, so a typo fails at once.

import { writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { formatGradientCsv, type GradientSet } from '../core/io/gradientFile.ts';
import { EXPORT_KINDS, resultExport, type ExportKind } from '../pipeline/exports.ts';
import { pysrExport } from '../pipeline/pysrScript.ts';
import type { ResultJson } from '../pipeline/report.ts';
import { UsageError } from './usageError.ts';

const KINDS = [...EXPORT_KINDS, 'pysr'] as const;

export interface ExportRequest {
  kind: ExportKind | 'pysr';
  file: string;
}

/** The `--export` values, each `KIND=FILE`. */
export function exportRequests(raw: readonly string[] | undefined): ExportRequest[] {
  return (raw ?? []).map((text) => {
    const at = text.indexOf('=');
    const [kind, file] = at < 0 ? [text, ''] : [text.slice(0, at), text.slice(at + 1)];
    if (!(KINDS as readonly string[]).includes(kind))
      throw new UsageError(`--export: "${kind}" is not one of ${KINDS.join(', ')} (write KIND=FILE)`);
    if (file === '') throw new UsageError(`--export: "${text}" names no file (write ${kind}=FILE)`);
    return { kind: kind as ExportRequest['kind'], file };
  });
}

/** Writes the pick of `result` (or the PySR script on `gradients`) as each request asks. */
export async function writeExports(
  requests: readonly ExportRequest[],
  result: ResultJson,
  gradients: GradientSet,
): Promise<void> {
  for (const { kind, file } of requests) {
    if (kind === 'pysr') {
      const gradientFile = `${file.replace(/\.py$/, '')}-gradients.csv`;
      await write(file, pysrExport(result, basename(gradientFile)));
      await write(gradientFile, formatGradientCsv(gradients));
      continue;
    }
    const exported = resultExport(result, kind);
    if (!exported) throw new UsageError('--export: the search has no pick to export');
    await write(file, exported.text);
  }
}

async function write(file: string, text: string): Promise<void> {
  try {
    await writeFile(file, text);
  } catch (error) {
    throw new UsageError(
      `--export: cannot write ${file} (${(error as NodeJS.ErrnoException).code ?? 'error'})`,
    );
  }
}
