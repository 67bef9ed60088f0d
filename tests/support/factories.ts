import { randomBytes } from "node:crypto";
import type { Database } from "@/db/client";
import { exhibitions, ticketShowcaseConfig, ticketTypes, timeSlots } from "@/db/schema";

type ExhibitionInput = Partial<typeof exhibitions.$inferInsert> & { featured?: boolean; displayOrder?: number };

export async function createExhibition(db: Database, input: ExhibitionInput = {}) {
  const { featured, displayOrder, ...fields } = input;
  const slug = fields.slug ?? `test-${randomBytes(4).toString("hex")}`;
  const [row] = await db
    .insert(exhibitions)
    .values({
      kind: "exhibition",
      status: "published",
      title: `Exhibition ${slug}`,
      summary: "A test exhibition.",
      description: "First paragraph.\n\nSecond paragraph.",
      imageUrl: "/images/monsoon-rivers.svg",
      durationMinutes: 60,
      ...fields,
      slug,
    })
    .returning();
  if (featured !== undefined || displayOrder !== undefined) {
    await db.insert(ticketShowcaseConfig).values({ exhibitionId: row!.id, isFeatured: featured ?? false, displayOrder: displayOrder ?? 0 });
  }
  return row!;
}

export async function createTicketType(db: Database, exhibitionId: string, input: Partial<typeof ticketTypes.$inferInsert> = {}) {
  const [row] = await db
    .insert(ticketTypes)
    .values({ exhibitionId, code: `t-${randomBytes(3).toString("hex")}`, name: "Adult", priceMinor: 40_000, ...input })
    .returning();
  return row!;
}

export async function createSlot(db: Database, exhibitionId: string, input: Partial<typeof timeSlots.$inferInsert> & { startsAt: Date }) {
  const [row] = await db
    .insert(timeSlots)
    .values({ exhibitionId, endsAt: new Date(input.startsAt.getTime() + 30 * 60_000), capacity: 20, ...input })
    .returning();
  return row!;
}
