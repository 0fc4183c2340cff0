/**
 * True when `error` is a PostgreSQL unique violation (SQLSTATE 23505) of
 * `constraint` (an index or constraint name); both engines report these.
 */
export function isUniqueViolation(error: unknown, constraint: string): boolean {
  if (typeof error !== "object" || error === null) return false;
  const { code, constraint: name, message } = error as { code?: unknown; constraint?: unknown; message?: unknown };
  if (code !== "23505") return false;
  return name === constraint || (typeof message === "string" && message.includes(`"${constraint}"`));
}
