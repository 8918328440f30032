// Rejection sampling with a cap: a draw that the condition keeps refusing (a degenerate anchor, a
// box with no room for the condition) ends with an error that says what could not be drawn,
// instead of a page or command line that hangs.

/** Tries before giving up; accepted draws here succeed within a handful. */
export const MAX_TRIES = 100_000;

/** The first accepted draw (`draw` returns null to refuse); throws after `maxTries` refusals. */
export function firstAccepted<T>(draw: () => T | null, what: string, maxTries = MAX_TRIES): T {
  for (let tries = 0; tries < maxTries; tries++) {
    const value = draw();
    if (value !== null) return value;
  }
  throw new Error(`could not draw ${what} in ${maxTries.toLocaleString('en-US')} tries`);
}
