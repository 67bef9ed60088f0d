/**
 * A mark that says "this object is one of ours", and holds across module copies.
 *
 * The custom server and each layer of Next's bundle load their own copy of a module, so a class
 * exists several times in one process and `instanceof` across copies is false at random
 * (decision 11). A brand is a property keyed by a registry symbol: `Symbol.for` gives every copy
 * the same key, so every copy recognises every other copy's instances.
 */
export function brand<T extends object>(name: string): { mark: (instance: T) => void; is: (value: unknown) => value is T } {
  const key = Symbol.for(`museum.brand.${name}`);
  return {
    mark: (instance) => Object.defineProperty(instance, key, { value: true }),
    is: (value): value is T => typeof value === "object" && value !== null && (value as Record<symbol, unknown>)[key] === true,
  };
}
