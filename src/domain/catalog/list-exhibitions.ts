import { asc, desc, sql } from "drizzle-orm";
import { exhibitions, ticketShowcaseConfig } from "../../db/schema";
import type { Ctx } from "../context";
import { selectPublishedExhibitions, toExhibition, type Exhibition } from "./exhibition-view";

/** Published exhibitions and shows: featured first, then by display order, then by title. */
export async function listExhibitions({ ctx }: { ctx: Ctx }): Promise<Exhibition[]> {
  const rows = await selectPublishedExhibitions(ctx).orderBy(
    desc(sql`coalesce(${ticketShowcaseConfig.isFeatured}, false)`),
    asc(sql`coalesce(${ticketShowcaseConfig.displayOrder}, 0)`),
    asc(exhibitions.title),
  );
  return rows.map((row) => toExhibition(row, ctx.settings.currency));
}
