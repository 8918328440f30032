// Column names that become variable names of equations must be identifiers the expression
// parser reads, and distinct.

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Why `names[j]` cannot be a variable name, or null when it can. */
export function variableNameProblem(names: readonly string[], j: number): string | null {
  const name = names[j] as string;
  if (!IDENTIFIER.test(name))
    return `column name "${name}" must be letters, digits and _ (not starting with a digit)`;
  if (names.indexOf(name) !== j) return `column name "${name}" appears twice`;
  return null;
}
