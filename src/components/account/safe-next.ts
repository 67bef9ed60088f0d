// Any origin would do: only whether `next` stays on it matters.
const HERE = "http://here.invalid";

/**
 * Where to go after signing in: a path on this site only. `next` is resolved as a browser would
 * resolve it (which drops tabs and newlines and reads `\` as `/`, so `/\t/evil.example` and
 * `/\evil.example` lead off-site) and refused unless it stays here. What is returned is the
 * resolved path, percent-encoded, so no control character reaches a Location header, and never
 * one starting `//` (`/.//evil.example` resolves to that path, which a browser reads as a host).
 */
export function safeNext(next: string | string[] | undefined, fallback = "/"): string {
  const value = Array.isArray(next) ? next[0] : next;
  if (!value?.startsWith("/")) return fallback;
  const url = URL.parse(value, HERE);
  if (url?.origin !== HERE || url.pathname.startsWith("//")) return fallback;
  return `${url.pathname}${url.search}${url.hash}`;
}
