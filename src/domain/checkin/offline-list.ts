import { sql } from "drizzle-orm";
import type { VenueDate } from "../calendar/venue-time";
import { daySheet, startingOn } from "../catalog/day-sheet";
import type { Ctx } from "../context";
import { authorize } from "../staff/authorize";

export type OfflineList = {
  date: VenueDate;
  /** Pass it back as `since` for what changed after this list. */
  cursor: string;
  /** For tokens signed before they carried their own window. */
  entryWindow: { opensMinutesBefore: number; closesMinutesAfter: number };
  slots: { id: string; exhibition: string; startsAt: string; endsAt: string; status: string }[];
  /** Ticket ids of the day's slots: voided, admitted, and (with `since`) admissions undone. */
  void: string[];
  admitted: string[];
  undone: string[];
};

// Lists are read with this much overlap before `since`: a scan whose transaction began before the
// previous list was read, and committed after, is not missed. The device merges what it gets twice.
const OVERLAP_MS = 60_000;

/** What a scanner needs to decide a day's tickets without a network, or what changed since a cursor. */
export async function offlineList({ ctx, input }: { ctx: Ctx; input: { date: VenueDate; since?: Date } }): Promise<OfflineList> {
  authorize(ctx, "door");
  const cursor = ctx.now();
  const since = input.since ? new Date(input.since.getTime() - OVERLAP_MS) : null;
  const slots = await daySheet({ ctx, input: { date: input.date } });
  const changed = await ctx.db.execute<{ id: string; kind: "void" | "admitted" | "undone" }>(sql`
    SELECT t.id, CASE WHEN t.status = 'void' THEN 'void' WHEN t.checked_in_at IS NOT NULL THEN 'admitted' ELSE 'undone' END AS kind
    FROM time_slots JOIN order_items oi ON oi.slot_id = time_slots.id JOIN tickets t ON t.order_item_id = oi.id AND t.order_id = oi.order_id
    WHERE ${startingOn(ctx, input.date, input.date)}
      AND CASE
        WHEN t.status = 'void' THEN ${since}::timestamptz IS NULL OR t.voided_at >= ${since}
        WHEN t.checked_in_at IS NOT NULL THEN ${since}::timestamptz IS NULL
          OR EXISTS (SELECT 1 FROM check_ins c WHERE c.ticket_id = t.id AND c.recorded_at >= ${since})
        ELSE ${since}::timestamptz IS NOT NULL AND EXISTS (SELECT 1 FROM check_ins c WHERE c.ticket_id = t.id AND c.undone_at >= ${since})
      END`);
  const ids = (kind: string) => changed.rows.filter((row) => row.kind === kind).map((row) => row.id);
  return {
    date: input.date,
    cursor: cursor.toISOString(),
    entryWindow: { opensMinutesBefore: ctx.settings.checkInOpensMinutesBefore, closesMinutesAfter: ctx.settings.checkInClosesMinutesAfter },
    slots: slots.map((slot) => ({ id: slot.id, exhibition: slot.exhibition.title, startsAt: slot.startsAt, endsAt: slot.endsAt, status: slot.status })),
    void: ids("void"),
    admitted: ids("admitted"),
    undone: ids("undone"),
  };
}
