import { eq, sql } from "drizzle-orm";
import { ticketTypes } from "../../db/schema";
import { withTransaction, type Ctx } from "../context";
import { DomainError } from "../errors";
import { parseInput } from "../parse-input";
import { audit } from "../staff/audit";
import { authorize } from "../staff/authorize";
import { toStaffTicketType, type StaffTicketType } from "./staff-exhibition-view";
import { checkCurrency, newTicketTypeInput } from "./ticket-type-input";
import { lockExhibition } from "./update-exhibition";

/** A new ticket type on sale for the exhibition of `slug`, listed after its others (admin); 409 code_taken for a code it already has. */
export async function addTicketType({ ctx, input }: { ctx: Ctx; input: { slug: string; ticketType: unknown } }): Promise<StaffTicketType> {
  const actor = authorize(ctx, "admin");
  const fields = parseInput(newTicketTypeInput, input.ticketType);
  checkCurrency(fields.price, ctx.settings.currency);
  return withTransaction(ctx, async ({ db }) => {
    const { id: exhibitionId } = await lockExhibition(db, { slug: input.slug });
    const [made] = await db
      .insert(ticketTypes)
      .values({
        exhibitionId,
        code: fields.code,
        name: fields.name,
        description: fields.description ?? "",
        priceMinor: fields.price.amount,
        consumesCapacity: fields.consumesCapacity,
        requiresCompanion: fields.requiresCompanion ?? false,
        sortOrder: sql`(SELECT coalesce(max(${ticketTypes.sortOrder}) + 1, 0) FROM ${ticketTypes} WHERE ${eq(ticketTypes.exhibitionId, exhibitionId)})`,
      })
      .onConflictDoNothing({ target: [ticketTypes.exhibitionId, ticketTypes.code] })
      .returning();
    if (!made) throw new DomainError("code_taken", `This exhibition already has a ticket type with the code ${fields.code}.`, { fields: { code: "is taken" } });
    const after = toStaffTicketType(made, ctx.settings.currency);
    await audit({ ...ctx, db }, actor, { action: "ticket_type.create", entityType: "ticket_type", entityId: made.id, after: { exhibitionId, ...after } });
    return after;
  });
}
