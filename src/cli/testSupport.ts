// Runs the real command line as a user would (a child process through tsx), in a scratch folder
// that is removed after the test file.

import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, expect } from 'vitest';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const scratch = mkdtempSync(join(tmpdir(), 'sg-cli-test-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

export interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function cli(...args: string[]): Run {
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], {
    cwd: root,
    encoding: 'utf8',
    timeout: 120_000,
  });
  if (run.error) throw run.error;
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

export function scratchFile(name: string, text: string): string {
  const path = join(scratch, name);
  writeFileSync(path, text);
  return path;
}

/** Exit code 2, nothing on standard output, and one line on standard error that contains `parts`. */
export function expectUsageError(run: Run, ...parts: string[]): void {
  expect(run.status, run.stderr).toBe(2);
  expect(run.stdout).toBe('');
  const lines = run.stderr.trimEnd().split('\n');
  expect(lines, run.stderr).toHaveLength(1);
  const line = lines[0] as string;
  expect(line).toMatch(/^error: /);
  for (const part of parts) expect(line).toContain(part);
}
