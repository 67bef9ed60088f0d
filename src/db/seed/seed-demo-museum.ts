import { count, sql } from "drizzle-orm";
import { addDays, venueDateOf, venueInstant } from "../../domain/calendar/venue-time";
import { BOOKING_DAYS_AHEAD } from "../../domain/catalog/booking-window";
import { minorDigits } from "../../domain/money";
import { createCredentialUser } from "../accounts";
import type { Database } from "../client";
import { exhibitions, ticketShowcaseConfig, ticketTypes, timeSlots } from "../schema";
import { DEMO_STAFF, demoExhibitions, SLOT_ENTRY_MINUTES, SLOT_STARTS_MINUTES } from "./demo-museum";

export type SeedOptions = { now: Date; timeZone: string; currency: string; withDemoStaff: boolean };

export async function isCatalogueEmpty(db: Database): Promise<boolean> {
  const [row] = await db.select({ n: count() }).from(exhibitions);
  return (row?.n ?? 0) === 0;
}

/**
 * Brings the demo museum to its demo state: exhibitions, prices and showcase upserted by slug and
 * code, slots added for the next 60 days where missing. Nothing is deleted, so visitors' carts and
 * orders survive a re-seed.
 */
export async function seedDemoMuseum(db: Database, options: SeedOptions): Promise<{ exhibitions: number; slotsAdded: number }> {
  const today = venueDateOf(options.now, options.timeZone);
  let slotsAdded = 0;

  await db.transaction(async (tx) => {
    for (const demo of demoExhibitions) {
      const fields = {
        kind: demo.kind,
        status: demo.status,
        title: demo.title,
        summary: demo.summary,
        description: demo.description,
        imageUrl: demo.image,
        durationMinutes: demo.durationMinutes,
        updatedAt: options.now,
      };
      const [exhibition] = await tx
        .insert(exhibitions)
        .values({ slug: demo.slug, ...fields })
        .onConflictDoUpdate({ target: exhibitions.slug, set: fields })
        .returning({ id: exhibitions.id });
      const exhibitionId = exhibition!.id;

      const showcase = { isFeatured: demo.featured, displayOrder: demo.displayOrder };
      await tx
        .insert(ticketShowcaseConfig)
        .values({ exhibitionId, ...showcase })
        .onConflictDoUpdate({ target: ticketShowcaseConfig.exhibitionId, set: showcase });

      await tx
        .insert(ticketTypes)
        .values(
          demo.ticketTypes.map((type, index) => ({
            exhibitionId,
            code: type.code,
            name: type.name,
            description: type.description,
            priceMinor: type.price * 10 ** minorDigits(options.currency),
            consumesCapacity: type.consumesCapacity ?? true,
            active: true,
            sortOrder: index,
          })),
        )
        .onConflictDoUpdate({
          target: [ticketTypes.exhibitionId, ticketTypes.code],
          set: {
            name: sql`excluded.name`,
            description: sql`excluded.description`,
            priceMinor: sql`excluded.price_minor`,
            consumesCapacity: sql`excluded.consumes_capacity`,
            active: true,
            sortOrder: sql`excluded.sort_order`,
          },
        });

      const slotLength = demo.kind === "show" ? demo.durationMinutes : SLOT_ENTRY_MINUTES;
      const slots = Array.from({ length: BOOKING_DAYS_AHEAD }, (_, day) => addDays(today, day)).flatMap((date) =>
        SLOT_STARTS_MINUTES.map((start) => ({
          exhibitionId,
          startsAt: venueInstant(date, start, options.timeZone),
          endsAt: venueInstant(date, start + slotLength, options.timeZone),
          capacity: demo.capacity,
        })),
      );
      const inserted = await tx.insert(timeSlots).values(slots).onConflictDoNothing().returning({ id: timeSlots.id });
      slotsAdded += inserted.length;
    }
  });

  if (options.withDemoStaff) await ensureDemoStaff(db, options.now);
  return { exhibitions: demoExhibitions.length, slotsAdded };
}

async function ensureDemoStaff(db: Database, now: Date) {
  await createCredentialUser(db, { ...DEMO_STAFF, role: "staff", now });
}
