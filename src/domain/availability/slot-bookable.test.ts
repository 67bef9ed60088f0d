import { inArray } from "drizzle-orm";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { timeSlots } from "@/db/schema";
import { databaseForThisFile } from "../../../tests/support/database";
import { createExhibition, createSlot, createTicketType } from "../../../tests/support/factories";
import { guest, t0, testCtx } from "../../../tests/support/cart-fixtures";
import { addDays, venueDateOf, venueInstant } from "../calendar/venue-time";
import { addToCart } from "../cart/add-to-cart";
import { listSlots } from "../catalog/list-slots";
import { isDomainError } from "../errors";
import { takeHold } from "./holds";
import { salesWindow, slotClosure } from "./slot-bookable";
import { slotAvailability } from "./slot-availability";

const db = databaseForThisFile();
const DAY = 86_400_000;

describe("the bookable rule", () => {
  it("takes places in SQL exactly when the TypeScript rule says the slot is bookable", async () => {
    const exhibitionOf = {
      published: await createExhibition(db.current.db),
      draft: await createExhibition(db.current.db, { status: "draft" }),
      archived: await createExhibition(db.current.db, { status: "archived" }),
    };
    const ids = Object.values(exhibitionOf).map((exhibition) => exhibition.id);
    const slotSpec = fc.record({
      status: fc.constantFrom("open" as const, "cancelled" as const),
      exhibitionStatus: fc.constantFrom("published" as const, "draft" as const, "archived" as const),
      // Around the two edges of the window, to the millisecond, and anywhere within a few days of them.
      anchor: fc.constantFrom("now" as const, "closesAt" as const),
      offset: fc.oneof(fc.integer({ min: -2, max: 2 }), fc.integer({ min: -3 * DAY, max: 3 * DAY })),
    });

    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom("Asia/Kolkata", "America/New_York", "Pacific/Chatham", "UTC"),
        fc.date({ min: new Date("2026-01-01T00:00:00Z"), max: new Date("2028-12-31T00:00:00Z"), noInvalidDate: true }),
        fc.uniqueArray(slotSpec, { minLength: 1, maxLength: 20, selector: (spec) => `${spec.exhibitionStatus} ${spec.anchor} ${spec.offset}` }),
        async (timeZone, now, specs) => {
          const window = salesWindow(now, timeZone);
          await db.current.db.delete(timeSlots).where(inArray(timeSlots.exhibitionId, ids));
          const slots = await db.current.db
            .insert(timeSlots)
            .values(
              specs.map((spec) => {
                const startsAt = new Date(window[spec.anchor].getTime() + spec.offset);
                return { exhibitionId: exhibitionOf[spec.exhibitionStatus].id, startsAt, endsAt: new Date(startsAt.getTime() + 1_800_000), capacity: 5, status: spec.status };
              }),
            )
            .returning();
          for (const [i, slot] of slots.entries()) {
            const bookable = slotClosure({ ...slot, exhibitionStatus: specs[i]!.exhibitionStatus }, window) === null;
            expect(await takeHold(db.current.db, slot.id, 1, window), JSON.stringify({ ...specs[i], now, timeZone })).toBe(bookable);
          }
        },
      ),
      { numRuns: 60 },
    );
  });

  it("shows a slot in the list as adding to it turns out: closed is refused, sold out is sold out, open and few left are held", async () => {
    const ctx = testCtx(db.current.db, { now: t0 });
    const zone = ctx.settings.venueTimeZone;
    const today = venueDateOf(t0, zone);
    const at = (days: number, minutes: number) => venueInstant(addDays(today, days), minutes, zone);
    const show = await createExhibition(db.current.db);
    const adult = await createTicketType(db.current.db, show.id, { code: "adult" });
    const slot = (startsAt: Date, fields: Partial<typeof timeSlots.$inferInsert> = {}) => createSlot(db.current.db, show.id, { startsAt, ...fields });
    const hidden = async (status: "draft" | "archived") => {
      const exhibition = await createExhibition(db.current.db, { status });
      return { slot: await createSlot(db.current.db, exhibition.id, { startsAt: at(1, 600) }), ticketTypeId: (await createTicketType(db.current.db, exhibition.id, { code: "adult" })).id };
    };
    const cases = {
      open: { slot: await slot(at(1, 600)), ticketTypeId: adult.id, expected: "open" },
      fewLeft: { slot: await slot(at(1, 630), { capacity: 20, sold: 18 }), ticketTypeId: adult.id, expected: "few_left" },
      soldOut: { slot: await slot(at(1, 660), { capacity: 2, sold: 2 }), ticketTypeId: adult.id, expected: "sold_out" },
      cancelled: { slot: await slot(at(1, 690), { status: "cancelled" }), ticketTypeId: adult.id, expected: "closed" },
      started: { slot: await slot(new Date(t0.getTime() - 600_000)), ticketTypeId: adult.id, expected: "closed" },
      lastDayOnSale: { slot: await slot(at(59, 23 * 60 + 30)), ticketTypeId: adult.id, expected: "open" },
      notYetOnSale: { slot: await slot(at(60, 0)), ticketTypeId: adult.id, expected: "closed" },
      draft: { ...(await hidden("draft")), expected: "closed" },
      archived: { ...(await hidden("archived")), expected: "closed" },
    };

    const listed = new Map((await listSlots({ ctx, input: { slug: show.slug, from: addDays(today, -1), to: addDays(today, 60) } })).map((one) => [one.id, one.status]));
    const live = new Map((await slotAvailability({ ctx, input: { slotIds: Object.values(cases).map((one) => one.slot.id) } })).map((one) => [one.slotId, one.status]));
    for (const [name, { slot, ticketTypeId, expected }] of Object.entries(cases)) {
      const shown = live.get(slot.id);
      expect(shown, name).toBe(expected);
      if (slot.exhibitionId === show.id) expect(listed.get(slot.id), name).toBe(shown);
      const outcome = await addToCart({ ctx, input: { owner: guest(), slotId: slot.id, ticketTypeId, quantity: 1 } }).then(
        () => "held",
        (error: unknown) => (isDomainError(error) ? error.code : error),
      );
      const agreeing = shown === "closed" ? ["slot_closed", "not_found"] : shown === "sold_out" ? ["sold_out"] : ["held"];
      expect(agreeing, `${name}: shown ${shown}, adding gave ${String(outcome)}`).toContain(outcome);
    }
  });
});
