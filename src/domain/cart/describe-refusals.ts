import { and, eq, inArray } from "drizzle-orm";
import type { Executor } from "../../db/client";
import { exhibitions, ticketTypes, timeSlots } from "../../db/schema";
import type { Refusal, RefusedLine } from "./merge-carts";

/** Refused lines with what a visitor recognises them by: the exhibition, the time and the ticket. */
export async function describeRefusals(db: Executor, refusals: Refusal[]): Promise<RefusedLine[]> {
  if (refusals.length === 0) return [];
  const rows = await db
    .select({ slotId: timeSlots.id, startsAt: timeSlots.startsAt, slug: exhibitions.slug, title: exhibitions.title, ticketTypeId: ticketTypes.id, ticketTypeName: ticketTypes.name })
    .from(timeSlots)
    .innerJoin(exhibitions, eq(exhibitions.id, timeSlots.exhibitionId))
    .innerJoin(ticketTypes, and(eq(ticketTypes.exhibitionId, exhibitions.id), inArray(ticketTypes.id, refusals.map((refusal) => refusal.ticketTypeId))))
    .where(inArray(timeSlots.id, refusals.map((refusal) => refusal.slotId)));
  return refusals.map((refusal) => {
    const row = rows.find((candidate) => candidate.slotId === refusal.slotId && candidate.ticketTypeId === refusal.ticketTypeId)!;
    return { ...refusal, startsAt: row.startsAt.toISOString(), exhibition: { slug: row.slug, title: row.title }, ticketType: { name: row.ticketTypeName } };
  });
}
