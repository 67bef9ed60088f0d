import type { outbox } from "@/db/schema";

/** The order a job is about: every kind but a "find my booking" look-up names one. */
export function orderIdOf(job: typeof outbox.$inferSelect): string {
  if (!job.orderId) throw new Error(`outbox job ${job.id} (${job.kind}) names no order`);
  return job.orderId;
}
