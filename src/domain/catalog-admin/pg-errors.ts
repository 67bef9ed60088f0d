/** True when `error` (or what it wraps) is PostgreSQL refusing a row for the unique constraint `constraint`. */
export function violates(error: unknown, constraint: string): boolean {
  for (let cause = error as { code?: unknown; constraint?: unknown; cause?: unknown } | undefined; cause; cause = cause.cause as typeof cause) {
    if (cause.code === "23505") return cause.constraint === constraint;
  }
  return false;
}
