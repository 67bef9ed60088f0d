import { eq, sql } from "drizzle-orm";
import { timeSlots } from "../../db/schema";
import { sheetSlots, type SheetSlot } from "../catalog/day-sheet";
import { withTransaction, type Ctx } from "../context";
import { DomainError } from "../errors";
import { audit } from "../staff/audit";
import { authorize } from "../staff/authorize";

/** A slot's capacity may be set from 0 (no places: nothing more sells) to this. */
export const MAX_SLOT_CAPACITY = 100_000;

export type SlotChange = { slotId: string; capacity?: number; status?: "open" | "closed" };

/**
 * Sets a slot's capacity and/or opens or closes its sales. The capacity is decided by one
 * conditional UPDATE against what is held and sold at that instant, so it can never race a
 * visitor's hold into overselling (invariant 10): under held + sold it is 409
 * capacity_below_taken with `taken`. Closing stops sales (holds need status 'open'); tickets sold
 * stay valid. A cancelled slot is final: 422 slot_closed. Audited with before and after.
 */
export async function updateSlot({ ctx, input }: { ctx: Ctx; input: SlotChange }): Promise<SheetSlot> {
  const actor = authorize(ctx, "admin");
  const { slotId, capacity, status } = input;
  if (capacity === undefined && status === undefined) throw new DomainError("invalid_request", "Give a capacity, a status, or both.", { fields: { capacity: "give a capacity or a status" } });
  if (capacity !== undefined && (!Number.isInteger(capacity) || capacity < 0 || capacity > MAX_SLOT_CAPACITY)) {
    throw new DomainError("invalid_request", `The capacity must be a whole number from 0 to ${MAX_SLOT_CAPACITY}.`, { fields: { capacity: `must be a whole number from 0 to ${MAX_SLOT_CAPACITY}` } });
  }
  return withTransaction(ctx, async (tx) => {
    const newCapacity = capacity ?? null;
    const { rows } = await tx.db.execute<{ before_capacity: number; before_status: string; capacity: number; status: string }>(sql`
      UPDATE time_slots s SET capacity = coalesce(${newCapacity}::int, s.capacity), status = coalesce(${status ?? null}::slot_status, s.status)
      FROM (SELECT id, capacity, status FROM time_slots WHERE id = ${slotId} FOR NO KEY UPDATE) old
      WHERE s.id = old.id AND s.status <> 'cancelled' AND (${newCapacity}::int IS NULL OR s.held + s.sold <= ${newCapacity}::int)
      RETURNING old.capacity AS before_capacity, old.status AS before_status, s.capacity, s.status`);
    const changed = rows[0];
    if (!changed) throw await refusal(tx, slotId, newCapacity);
    await audit(tx, actor, {
      action: "slot.update",
      entityType: "slot",
      entityId: slotId,
      before: { capacity: changed.before_capacity, status: changed.before_status },
      after: { capacity: changed.capacity, status: changed.status },
    });
    return (await sheetSlots(tx, eq(timeSlots.id, slotId)))[0]!;
  });
}

async function refusal(ctx: Ctx, slotId: string, capacity: number | null): Promise<DomainError> {
  const [slot] = await ctx.db.select({ status: timeSlots.status, held: timeSlots.held, sold: timeSlots.sold }).from(timeSlots).where(eq(timeSlots.id, slotId));
  if (!slot) return new DomainError("not_found", "There is no such time slot.");
  if (slot.status === "cancelled") return new DomainError("slot_closed", "This slot is cancelled; a cancelled slot cannot be changed or reopened.");
  const taken = slot.held + slot.sold;
  return new DomainError("capacity_below_taken", `${taken} ${taken === 1 ? "place is" : "places are"} already taken (${slot.held} held, ${slot.sold} sold): the capacity cannot go below that, not ${capacity}.`, { taken });
}
