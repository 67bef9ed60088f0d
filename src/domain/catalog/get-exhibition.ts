import { and, asc, eq } from "drizzle-orm";
import { exhibitions, ticketTypes } from "../../db/schema";
import type { Ctx } from "../context";
import { DomainError } from "../errors";
import { money, type Money } from "../money";
import { selectPublishedExhibitions, toExhibition, type Exhibition } from "./exhibition-view";

export type TicketType = { id: string; code: string; name: string; description: string; price: Money; consumesCapacity: boolean; requiresCompanion: boolean };

export type ExhibitionDetail = Exhibition & { description: string; durationMinutes: number; ticketTypes: TicketType[] };

/** One published exhibition with its bookable ticket types; drafts and archived ones are not found. */
export async function getExhibition({ ctx, input }: { ctx: Ctx; input: { slug: string } }): Promise<ExhibitionDetail> {
  const [row] = await selectPublishedExhibitions(ctx, eq(exhibitions.slug, input.slug));
  if (!row) throw new DomainError("not_found", "There is no such exhibition.");

  const types = await ctx.db
    .select()
    .from(ticketTypes)
    .where(and(eq(ticketTypes.exhibitionId, row.id), eq(ticketTypes.active, true)))
    .orderBy(asc(ticketTypes.sortOrder), asc(ticketTypes.name));

  return {
    ...toExhibition(row, ctx.settings.currency),
    description: row.description,
    durationMinutes: row.durationMinutes,
    ticketTypes: types.map((type) => ({
      id: type.id,
      code: type.code,
      name: type.name,
      description: type.description,
      price: money(type.priceMinor, ctx.settings.currency),
      consumesCapacity: type.consumesCapacity,
      requiresCompanion: type.requiresCompanion,
    })),
  };
}
