import { randomBytes } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { timeSlots } from "@/db/schema";
import { LIVE_HOLDS } from "@/domain/availability/reconcile-holds";
import type { CartOwner } from "@/domain/cart/cart-owner";
import type { Ctx, Settings } from "@/domain/context";
import { createExhibition, createSlot, createTicketType } from "./factories";

/** The domain tests' clock starts here; `minutes(n)` is n minutes later. */
export const t0 = new Date("2026-11-21T05:00:00Z");
export const minutes = (n: number) => new Date(t0.getTime() + n * 60_000);

export const settings: Settings = { venueTimeZone: "Asia/Kolkata", currency: "INR", maxTicketsPerOrder: 10, maxHoldRenewals: 3, maxCartTickets: 40, maxCartLines: 20, maxHeldPlacesPerAddress: 100, maxHeldPlacesPerAddressSignedIn: 400, holdTtlSeconds: 900, holdMaxSeconds: 3600, paymentTtlSeconds: 900, checkInOpensMinutesBefore: 30, checkInClosesMinutesAfter: 30 };

/** A context whose clock the test moves. */
export function testCtx(db: Database, clock: { now: Date }, overrides: Partial<Settings> = {}): Ctx {
  return { db, actor: { kind: "anonymous" }, now: () => clock.now, settings: { ...settings, ...overrides } };
}

export const guest = (): CartOwner => ({ kind: "guest", tokenHash: randomBytes(32).toString("hex") });

/** A published exhibition with adult and infant tickets and slots starting a day after `now`. */
export async function bookableShow(db: Database, now: Date, options: { capacity?: number; slots?: number } = {}) {
  const exhibition = await createExhibition(db);
  const adult = await createTicketType(db, exhibition.id, { code: "adult", name: "Adult", priceMinor: 25_000 });
  const infant = await createTicketType(db, exhibition.id, { code: "infant", name: "Under 3", priceMinor: 0, consumesCapacity: false });
  const slots = [];
  for (let i = 0; i < (options.slots ?? 1); i++) {
    slots.push(await createSlot(db, exhibition.id, { startsAt: new Date(now.getTime() + 86_400_000 + i * 1_800_000), capacity: options.capacity ?? 20 }));
  }
  return { exhibition, adult, infant, slot: slots[0]!, slots };
}

export async function slotCounts(db: Database, slotId: string) {
  const [row] = await db.select({ held: timeSlots.held, sold: timeSlots.sold, capacity: timeSlots.capacity }).from(timeSlots).where(eq(timeSlots.id, slotId));
  return row!;
}

/** For every slot: held, and the places its held lines and pending orders account for. */
export async function holdAccounts(db: Database) {
  const { rows } = await db.execute<{ id: string; held: number; live: number; sold: number; capacity: number }>(sql`
    SELECT s.id, s.held, s.sold, s.capacity, ${LIVE_HOLDS} AS live FROM time_slots s`);
  return rows;
}
