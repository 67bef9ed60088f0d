import { count, sql } from "drizzle-orm";
import { minorDigits } from "../../domain/money";
import { fillBookingWindow } from "../../domain/schedule/fill-booking-window";
import { createCredentialUser, generatePassword } from "../accounts";
import type { Database } from "../client";
import { exhibitions, schedules, ticketShowcaseConfig, ticketTypes } from "../schema";
import { DEMO_STAFF, demoExhibitions, demoSchedule } from "./demo-museum";

export const DEMO_STAFF_CREATED = "Demo staff account created with this password, shown only now (not in production: set APP_ENV=production on a real server)";

export type SeedOptions = { now: Date; timeZone: string; currency: string; withDemoStaff: boolean };
type DemoStaffLogin = { email: string; password: string };

export async function isCatalogueEmpty(db: Database): Promise<boolean> {
  const [row] = await db.select({ n: count() }).from(exhibitions);
  return (row?.n ?? 0) === 0;
}

/**
 * Brings the demo museum to its demo state: exhibitions, prices and showcase upserted by slug and
 * code, a schedule for each that has none (one staff changed is theirs), then one run of the slot
 * generator, which adds the booking window's missing slots. Nothing is deleted, so visitors' carts
 * and orders survive a re-seed. `demoStaff` is the demo staff account's login when this seed created it.
 */
export async function seedDemoMuseum(db: Database, options: SeedOptions): Promise<{ exhibitions: number; slotsAdded: number; demoStaff?: DemoStaffLogin }> {
  const slotsAdded = await db.transaction(async (tx) => {
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
            requiresCompanion: type.requiresCompanion ?? false,
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
            requiresCompanion: sql`excluded.requires_companion`,
            active: true,
            sortOrder: sql`excluded.sort_order`,
          },
        });

      await tx.insert(schedules).values({ exhibitionId, ...demoSchedule(demo), updatedAt: options.now }).onConflictDoNothing();
    }
    const ctx = { db: tx, now: () => options.now, settings: { venueTimeZone: options.timeZone } };
    return (await fillBookingWindow({ ctx })).slotsCreated;
  });

  const demoStaff = options.withDemoStaff ? await ensureDemoStaff(db, options.now) : undefined;
  return { exhibitions: demoExhibitions.length, slotsAdded, demoStaff };
}

/**
 * The demo staff account (an admin, so the whole console can be tried), when it does not exist yet, with a password generated for this database:
 * it is stored only hashed, so the caller shows it once and it can never be read again.
 */
async function ensureDemoStaff(db: Database, now: Date): Promise<DemoStaffLogin | undefined> {
  const password = generatePassword();
  const { created } = await createCredentialUser(db, { ...DEMO_STAFF, password, role: "admin", now });
  return created ? { email: DEMO_STAFF.email, password } : undefined;
}
