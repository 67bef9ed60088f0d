import { eq } from "drizzle-orm";
import { ticketTypes } from "../../db/schema";
import { withTransaction, type Ctx } from "../context";
import { DomainError } from "../errors";
import { parseInput } from "../parse-input";
import { audit } from "../staff/audit";
import { authorize } from "../staff/authorize";
import { toStaffTicketType, type StaffTicketType } from "./staff-exhibition-view";
import { checkCurrency, ticketTypeChanges } from "./ticket-type-input";
import { activeTicketTypes, lockExhibition } from "./update-exhibition";

const notFound = () => new DomainError("not_found", "There is no such ticket type.");

/**
 * Renames, re-prices, takes off sale or puts back on sale a ticket type (admin). A new price is
 * for holds taken from now on: lines already held, orders and tickets keep the price they have.
 * Off sale, visitors can no longer add it; what they hold stays theirs. A published exhibition
 * keeps at least one ticket type on sale (422 no_active_ticket_type).
 */
export async function updateTicketType({ ctx, input }: { ctx: Ctx; input: { id: string; changes: unknown } }): Promise<StaffTicketType> {
  const actor = authorize(ctx, "admin");
  const changes = parseInput(ticketTypeChanges, input.changes);
  checkCurrency(changes.price, ctx.settings.currency);
  return withTransaction(ctx, async ({ db }) => {
    const [owner] = await db.select({ exhibitionId: ticketTypes.exhibitionId }).from(ticketTypes).where(eq(ticketTypes.id, input.id));
    if (!owner) throw notFound();
    const exhibition = await lockExhibition(db, { id: owner.exhibitionId });
    const [row] = await db.select().from(ticketTypes).where(eq(ticketTypes.id, input.id)).for("update");
    if (!row) throw notFound();
    if (changes.active === false && row.active && exhibition.status === "published" && (await activeTicketTypes(db, exhibition.id)) === 1) {
      throw new DomainError("no_active_ticket_type", "This is the exhibition's last ticket type on sale: add another, or unpublish the exhibition, first.");
    }
    const values = Object.fromEntries(Object.entries({ name: changes.name, description: changes.description, priceMinor: changes.price?.amount, active: changes.active, requiresCompanion: changes.requiresCompanion }).filter(([, value]) => value !== undefined));
    const [updated] = Object.keys(values).length > 0 ? await db.update(ticketTypes).set(values).where(eq(ticketTypes.id, input.id)).returning() : [row];
    const before = toStaffTicketType(row, ctx.settings.currency);
    const after = toStaffTicketType(updated!, ctx.settings.currency);
    await audit({ ...ctx, db }, actor, { action: "ticket_type.update", entityType: "ticket_type", entityId: row.id, before, after });
    return after;
  });
}
