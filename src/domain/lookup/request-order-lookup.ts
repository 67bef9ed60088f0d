import { z } from "zod";
import { orderLookups, outbox } from "../../db/schema";
import { withTransaction, type Ctx } from "../context";
import { parseInput } from "../parse-input";

/** The outbox job that mails a "find my booking" request's links; its subject is the order_lookups row. */
export const ORDER_LOOKUP_JOB = "order_lookup";

/** The address a visitor asks about, as checkout stores it (trimmed, lower case). */
export const lookupEmail = z.string("must be an email address").trim().toLowerCase().max(254, "must be an email address").pipe(z.email("must be an email address"));

const input = z.object({ email: lookupEmail, locale: z.string() });

/**
 * A visitor asks for the links to their orders. Nothing is looked up here: the request writes the
 * same two rows whether the address has orders or not, so neither its answer nor its time says which;
 * the outbox finds the orders and mails them (order_lookup job).
 */
export async function requestOrderLookup({ ctx, input: raw }: { ctx: Ctx; input: { email: unknown; locale: string } }): Promise<void> {
  const { email, locale } = parseInput(input, raw);
  await withTransaction(ctx, async (tx) => {
    const [lookup] = await tx.db.insert(orderLookups).values({ email, locale, createdAt: tx.now() }).returning({ id: orderLookups.id });
    await tx.db.insert(outbox).values({ kind: ORDER_LOOKUP_JOB, subjectId: lookup!.id, createdAt: tx.now() });
  });
}
