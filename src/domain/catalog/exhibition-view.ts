import { and, eq, sql, type SQL } from "drizzle-orm";
import { exhibitions, ticketShowcaseConfig } from "../../db/schema";
import type { Ctx } from "../context";
import { money, type Money } from "../money";

export type Exhibition = {
  id: string;
  slug: string;
  title: string;
  summary: string;
  imageUrl: string;
  kind: "exhibition" | "show";
  featured: boolean;
  displayOrder: number;
  priceFrom: Money;
};

// The cheapest paid ticket is the honest "from" price; free tickets (infants) only count when nothing is paid.
const priceFromMinor = sql<number>`(
  SELECT coalesce(min(t.price_minor) FILTER (WHERE t.price_minor > 0), min(t.price_minor), 0)::int
  FROM ticket_types t WHERE t.exhibition_id = ${exhibitions.id} AND t.active
)`;

/** Published exhibitions with their showcase settings, ready to map with `toExhibition`. */
export function selectPublishedExhibitions(ctx: Ctx, condition?: SQL) {
  return ctx.db
    .select({
      id: exhibitions.id,
      slug: exhibitions.slug,
      title: exhibitions.title,
      summary: exhibitions.summary,
      description: exhibitions.description,
      durationMinutes: exhibitions.durationMinutes,
      imageUrl: exhibitions.imageUrl,
      kind: exhibitions.kind,
      featured: sql<boolean>`coalesce(${ticketShowcaseConfig.isFeatured}, false)`,
      displayOrder: sql<number>`coalesce(${ticketShowcaseConfig.displayOrder}, 0)`,
      priceFromMinor,
    })
    .from(exhibitions)
    .leftJoin(ticketShowcaseConfig, eq(ticketShowcaseConfig.exhibitionId, exhibitions.id))
    .where(and(eq(exhibitions.status, "published"), condition))
    .$dynamic();
}

type Row = Awaited<ReturnType<typeof selectPublishedExhibitions>>[number];

export function toExhibition(row: Row, currency: string): Exhibition {
  return {
    id: row.id,
    slug: row.slug,
    title: row.title,
    summary: row.summary,
    imageUrl: row.imageUrl,
    kind: row.kind,
    featured: row.featured,
    displayOrder: row.displayOrder,
    priceFrom: money(row.priceFromMinor, currency),
  };
}
