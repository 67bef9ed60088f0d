// Loaded into an app process under test (NODE_OPTIONS=--import): its host's clock runs
// CLOCK_AHEAD_MS ahead of everyone else's, as a host with a wrong clock would.
const ahead = Number(process.env.CLOCK_AHEAD_MS ?? 0);
const RealDate = globalThis.Date;
const skewedNow = () => RealDate.now() + ahead;

globalThis.Date = new Proxy(RealDate, {
  construct: (target, args, newTarget) => Reflect.construct(target, args.length === 0 ? [skewedNow()] : args, newTarget),
  apply: () => new RealDate(skewedNow()).toString(),
  get: (target, key, receiver) => (key === "now" ? skewedNow : Reflect.get(target, key, receiver)),
});
