import { and, eq } from "drizzle-orm";
import { exhibitions, timeSlots } from "../../db/schema";
import { daysBetween, type VenueDate } from "../calendar/venue-time";
import { sheetSlots, startingOn, type SheetSlot } from "../catalog/day-sheet";
import type { Ctx } from "../context";
import { DomainError } from "../errors";
import { authorize } from "../staff/authorize";

/** The longest range the admins' calendar asks for at once: a month. */
export const MAX_CALENDAR_DAYS = 31;

/** Admins' calendar: the slots of the venue days `from`–`to` (at most 31), of one exhibition or all, with held, sold and checked in. */
export async function listStaffSlots({ ctx, input }: { ctx: Ctx; input: { from: VenueDate; to: VenueDate; exhibition?: string } }): Promise<SheetSlot[]> {
  authorize(ctx, "admin");
  const days = daysBetween(input.from, input.to) + 1;
  if (days < 1 || days > MAX_CALENDAR_DAYS) {
    throw new DomainError("invalid_request", `Ask for 1 to ${MAX_CALENDAR_DAYS} days, from a day to the same or a later one.`, { fields: { to: `must be from \`from\` to ${MAX_CALENDAR_DAYS - 1} days after it` } });
  }
  let exhibitionId: string | undefined;
  if (input.exhibition !== undefined) {
    const [row] = await ctx.db.select({ id: exhibitions.id }).from(exhibitions).where(eq(exhibitions.slug, input.exhibition));
    if (!row) throw new DomainError("not_found", "There is no such exhibition.");
    exhibitionId = row.id;
  }
  return sheetSlots(ctx, and(startingOn(ctx, input.from, input.to), exhibitionId ? eq(timeSlots.exhibitionId, exhibitionId) : undefined));
}
