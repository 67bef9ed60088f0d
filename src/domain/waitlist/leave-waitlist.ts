import { sql } from "drizzle-orm";
import { lockSlots, releaseHold } from "../availability/holds";
import { withTransaction, type Ctx } from "../context";
import { hashToken } from "./tokens";

/**
 * Takes an entry off the list by the leave link of any of its e-mails, or the link of its offer:
 * an offer's places go on to the next in line (or the public) at once. Leaving twice, or by a link
 * that names nothing, answers the same: nobody learns from it who was waiting.
 */
export async function leaveWaitlist({ ctx, input }: { ctx: Ctx; input: { token: string } }): Promise<void> {
  const hash = hashToken(input.token);
  await withTransaction(ctx, async ({ db }) => {
    const { rows } = await db.execute<{ slot_id: string; quantity: number; status: string }>(sql`
      SELECT slot_id, quantity, status FROM waitlist_entries
      WHERE (leave_token_hash = ${hash} OR offer_token_hash = ${hash}) AND status IN ('waiting', 'offered')
      FOR UPDATE`);
    const entry = rows[0];
    if (!entry) return;
    if (entry.status === "offered") await lockSlots(db, [entry.slot_id]);
    await db.execute(sql`UPDATE waitlist_entries SET status = 'left' WHERE (leave_token_hash = ${hash} OR offer_token_hash = ${hash})`);
    if (entry.status === "offered") await releaseHold(db, entry.slot_id, entry.quantity);
  });
}
