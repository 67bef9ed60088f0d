/**
 * One instance per process of what must be shared between the custom server (loaded by tsx) and
 * the Next.js bundle (which has its own copy of every module): the pool, the logger, the metrics.
 */
export function processSingleton<T>(name: string, create: () => T): T {
  const key = Symbol.for(`museum.${name}`);
  const store = globalThis as unknown as Record<symbol, T | undefined>;
  return (store[key] ??= create());
}
