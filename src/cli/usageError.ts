// Bad input ends the command line with exit code 2 and one line that says what is wrong and where.

export class UsageError extends Error {
  override readonly name = 'UsageError';
}
