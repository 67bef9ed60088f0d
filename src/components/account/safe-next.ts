/** Where to go after signing in: a path on this site only, never another site (`//evil.example`, `/\evil`). */
export function safeNext(next: string | string[] | undefined, fallback = "/"): string {
  const value = Array.isArray(next) ? next[0] : next;
  return value && /^\/(?![/\\])/.test(value) ? value : fallback;
}
