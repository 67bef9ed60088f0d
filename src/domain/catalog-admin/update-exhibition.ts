import { and, count, eq } from "drizzle-orm";
import type { Executor } from "../../db/client";
import { exhibitions, ticketShowcaseConfig, ticketTypes } from "../../db/schema";
import { withTransaction, type Ctx } from "../context";
import { DomainError } from "../errors";
import { parseInput } from "../parse-input";
import { fillBookingWindow } from "../schedule/fill-booking-window";
import { audit } from "../staff/audit";
import { authorize } from "../staff/authorize";
import { slugTaken } from "./create-exhibition";
import { exhibitionChanges } from "./exhibition-input";
import { violates } from "./pg-errors";
import { exhibitionRecord, loadStaffExhibition, type StaffExhibition } from "./staff-exhibition-view";

/**
 * The exhibition of `slug`, locked for a change: a change to it and to its ticket types take this
 * lock first, so "published" and "has a ticket type on sale" are decided one after the other.
 */
export async function lockExhibition(db: Executor, where: { slug: string } | { id: string }): Promise<{ id: string; status: "draft" | "published" | "archived" }> {
  const [row] = await db
    .select({ id: exhibitions.id, status: exhibitions.status })
    .from(exhibitions)
    .where("slug" in where ? eq(exhibitions.slug, where.slug) : eq(exhibitions.id, where.id))
    .for("update");
  if (!row) throw new DomainError("not_found", "There is no such exhibition.");
  return row;
}

export const activeTicketTypes = async (db: Executor, exhibitionId: string) =>
  (await db.select({ n: count() }).from(ticketTypes).where(and(eq(ticketTypes.exhibitionId, exhibitionId), eq(ticketTypes.active, true))))[0]!.n;

/**
 * Changes an exhibition's fields, status and showcase settings (admin). Published means on sale:
 * it needs a ticket type on sale (422 no_active_ticket_type). The slug is its address: it may change
 * while a draft (409 slug_taken if another has it), not once it has been out in links and e-mails.
 * There is no delete: an exhibition leaves the site by being archived, its orders and tickets intact.
 */
export async function updateExhibition({ ctx, input }: { ctx: Ctx; input: { slug: string; changes: unknown } }): Promise<StaffExhibition> {
  const actor = authorize(ctx, "admin");
  const { featured, displayOrder, ...fields } = parseInput(exhibitionChanges, input.changes);
  return withTransaction(ctx, async ({ db }) => {
    const { id, status } = await lockExhibition(db, { slug: input.slug });
    const before = await loadStaffExhibition(db, ctx.settings.currency, id);
    if (fields.slug !== undefined && fields.slug !== before.slug && status !== "draft") {
      throw new DomainError("invalid_request", "The address of an exhibition that has been published cannot change: links to it are out in e-mails and tickets.", {
        fields: { slug: "can only change while the exhibition is a draft" },
      });
    }
    if (fields.status === "published" && (await activeTicketTypes(db, id)) === 0) {
      throw new DomainError("no_active_ticket_type", "Add a ticket type on sale before publishing: visitors would have nothing to buy.");
    }
    if (Object.keys(fields).length > 0) {
      try {
        await db.update(exhibitions).set({ ...fields, updatedAt: ctx.now() }).where(eq(exhibitions.id, id));
      } catch (error) {
        if (violates(error, "exhibitions_slug_unique")) throw slugTaken(fields.slug!);
        throw error;
      }
    }
    if (featured !== undefined || displayOrder !== undefined) {
      const showcase = { isFeatured: featured ?? before.featured, displayOrder: displayOrder ?? before.displayOrder };
      await db.insert(ticketShowcaseConfig).values({ exhibitionId: id, ...showcase }).onConflictDoUpdate({ target: ticketShowcaseConfig.exhibitionId, set: showcase });
    }
    // The generator skips archived exhibitions: one brought back gets its booking window now, not at the next hourly run.
    if (status === "archived" && fields.status !== undefined && fields.status !== "archived") await fillBookingWindow({ ctx: { ...ctx, db }, input: { exhibitionId: id } });
    const after = await loadStaffExhibition(db, ctx.settings.currency, id);
    await audit({ ...ctx, db }, actor, { action: "exhibition.update", entityType: "exhibition", entityId: id, before: exhibitionRecord(before), after: exhibitionRecord(after) });
    return after;
  });
}
