import { asc, eq, inArray, sql, type SQL } from "drizzle-orm";
import type { Executor } from "../../db/client";
import { exhibitions, schedules, ticketShowcaseConfig, ticketTypes, type ScheduleRule } from "../../db/schema";
import { money, type Money } from "../money";

export type StaffTicketType = { id: string; code: string; name: string; description: string; price: Money; consumesCapacity: boolean; requiresCompanion: boolean; active: boolean };

/** An exhibition as the console sees it: any status, with its showcase settings, every ticket type and its schedule. */
export type StaffExhibition = {
  id: string;
  slug: string;
  title: string;
  summary: string;
  description: string;
  kind: "exhibition" | "show";
  durationMinutes: number;
  imageUrl: string;
  status: "draft" | "published" | "archived";
  featured: boolean;
  displayOrder: number;
  updatedAt: string;
  ticketTypes: StaffTicketType[];
  schedule: { rules: ScheduleRule[]; closedDates: string[] } | null;
};

export const toStaffTicketType = (row: typeof ticketTypes.$inferSelect, currency: string): StaffTicketType => ({
  id: row.id,
  code: row.code,
  name: row.name,
  description: row.description,
  price: money(row.priceMinor, currency),
  consumesCapacity: row.consumesCapacity,
  requiresCompanion: row.requiresCompanion,
  active: row.active,
});

/** The exhibitions `where` picks (all of them without it), by title. */
export async function loadStaffExhibitions(db: Executor, currency: string, where?: SQL): Promise<StaffExhibition[]> {
  const rows = await db
    .select({
      exhibition: exhibitions,
      featured: sql<boolean>`coalesce(${ticketShowcaseConfig.isFeatured}, false)`,
      displayOrder: sql<number>`coalesce(${ticketShowcaseConfig.displayOrder}, 0)`,
      rules: schedules.rules,
      closedDates: schedules.closedDates,
    })
    .from(exhibitions)
    .leftJoin(ticketShowcaseConfig, eq(ticketShowcaseConfig.exhibitionId, exhibitions.id))
    .leftJoin(schedules, eq(schedules.exhibitionId, exhibitions.id))
    .where(where)
    .orderBy(asc(exhibitions.title), asc(exhibitions.slug));
  if (rows.length === 0) return [];
  const types = await db
    .select()
    .from(ticketTypes)
    .where(inArray(ticketTypes.exhibitionId, rows.map((row) => row.exhibition.id)))
    .orderBy(asc(ticketTypes.sortOrder), asc(ticketTypes.name));
  return rows.map(({ exhibition, featured, displayOrder, rules, closedDates }) => ({
    id: exhibition.id,
    slug: exhibition.slug,
    title: exhibition.title,
    summary: exhibition.summary,
    description: exhibition.description,
    kind: exhibition.kind,
    durationMinutes: exhibition.durationMinutes,
    imageUrl: exhibition.imageUrl,
    status: exhibition.status,
    featured,
    displayOrder,
    updatedAt: exhibition.updatedAt.toISOString(),
    ticketTypes: types.filter((type) => type.exhibitionId === exhibition.id).map((type) => toStaffTicketType(type, currency)),
    schedule: rules ? { rules, closedDates: closedDates ?? [] } : null,
  }));
}

/** One exhibition by its id, as the console sees it. */
export async function loadStaffExhibition(db: Executor, currency: string, id: string): Promise<StaffExhibition> {
  return (await loadStaffExhibitions(db, currency, eq(exhibitions.id, id)))[0]!;
}

/** What the audit log keeps of an exhibition: its own fields and showcase settings. */
export const exhibitionRecord = ({ ticketTypes: _types, schedule: _schedule, ...fields }: StaffExhibition) => fields;
