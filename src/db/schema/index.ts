export * from "./auth";
export * from "./catalog";
export * from "./schedule";
export * from "./cart";
export * from "./idempotency";
export * from "./orders";
export * from "./rate-limits";
export * from "./audit";
