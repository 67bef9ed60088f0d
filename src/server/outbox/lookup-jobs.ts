import { eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { orderLookups, type outbox } from "@/db/schema";
import { ordersOfEmail } from "@/domain/lookup/orders-of-email";
import { ORDER_LOOKUP_JOB } from "@/domain/lookup/request-order-lookup";
import { sendMail } from "../mail/mailer";
import { localeOf } from "../visit-info";
import { lookupMail } from "./order-mails";

type Job = typeof outbox.$inferSelect;

/**
 * A "find my booking" request: the links to the address's orders, or no mail at all when it has
 * none (we do not write to addresses that never booked). The request's row is deleted once done:
 * the address is kept no longer than the job needs it; a retry after that finds nothing to do.
 */
async function orderLookup(db: Database, job: Job): Promise<void> {
  if (!job.subjectId) throw new Error(`outbox job ${job.id} (${job.kind}) names no look-up`);
  const [lookup] = await db.select().from(orderLookups).where(eq(orderLookups.id, job.subjectId));
  if (!lookup) return;
  const found = await ordersOfEmail(db, lookup.email);
  if (found.length > 0) await sendMail(lookupMail(lookup.email, localeOf(lookup.locale), found, lookup.id));
  await db.delete(orderLookups).where(eq(orderLookups.id, lookup.id));
}

/** The outbox jobs about no one order, by kind. */
export const LOOKUP_JOBS: Record<string, (db: Database, job: Job) => Promise<void>> = { [ORDER_LOOKUP_JOB]: orderLookup };
