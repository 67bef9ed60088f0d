import { count, sql } from "drizzle-orm";
import { addDays, venueDateOf, venueInstant } from "../../domain/calendar/venue-time";
import { BOOKING_DAYS_AHEAD } from "../../domain/catalog/booking-window";
import { minorDigits } from "../../domain/money";
import { createCredentialUser, generatePassword } from "../accounts";
import type { Database } from "../client";
import { exhibitions, ticketShowcaseConfig, ticketTypes, timeSlots } from "../schema";
import { DEMO_STAFF, demoExhibitions, SLOT_ENTRY_MINUTES, SLOT_STARTS_MINUTES } from "./demo-museum";

export const DEMO_STAFF_CREATED = "Demo staff account created with this password, shown only now (not in production: set APP_ENV=production on a real server)";

export type SeedOptions = { now: Date; timeZone: string; currency: string; withDemoStaff: boolean };
type DemoStaffLogin = { email: string; password: string };

export async function isCatalogueEmpty(db: Database): Promise<boolean> {
  const [row] = await db.select({ n: count() }).from(exhibitions);
  return (row?.n ?? 0) === 0;
}

/**
 * Brings the demo museum to its demo state: exhibitions, prices and showcase upserted by slug and
 * code, slots added for the next 60 days where missing. Nothing is deleted, so visitors' carts and
 * orders survive a re-seed. `demoStaff` is the demo staff account's login when this seed created it.
 */
export async function seedDemoMuseum(db: Database, options: SeedOptions): Promise<{ exhibitions: number; slotsAdded: number; demoStaff?: DemoStaffLogin }> {
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

  const demoStaff = options.withDemoStaff ? await ensureDemoStaff(db, options.now) : undefined;
  return { exhibitions: demoExhibitions.length, slotsAdded, demoStaff };
}

/**
 * The demo staff account, when it does not exist yet, with a password generated for this database:
 * it is stored only hashed, so the caller shows it once and it can never be read again.
 */
async function ensureDemoStaff(db: Database, now: Date): Promise<DemoStaffLogin | undefined> {
  const password = generatePassword();
  const { created } = await createCredentialUser(db, { ...DEMO_STAFF, password, role: "staff", now });
  return created ? { email: DEMO_STAFF.email, password } : undefined;
}
