import { eq } from "drizzle-orm";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cartItems } from "@/db/schema";
import { databaseForThisFile } from "../../../tests/support/database";
import { bookableShow, guest, settings, t0, testCtx } from "../../../tests/support/cart-fixtures";
import { addToCart } from "./add-to-cart";
import { rearmHolds } from "./cart-lines";
import { holdExpiry } from "./hold-expiry";

const db = databaseForThisFile();

describe("the hold-expiry rule", () => {
  it("re-arms in SQL to the moment the TypeScript rule gives, for any settings and times", async () => {
    const { slot, adult } = await bookableShow(db.current.db, t0, { capacity: 1000 });
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 60, max: 7_200 }), fc.integer({ min: 60, max: 14_400 }), fc.integer({ min: 0, max: 20_000_000 }), async (holdTtlSeconds, holdMaxSeconds, sinceHeld) => {
        const timers = { ...settings, holdTtlSeconds, holdMaxSeconds };
        const cart = await addToCart({ ctx: testCtx(db.current.db, { now: t0 }, timers), input: { owner: guest(), slotId: slot.id, ticketTypeId: adult.id, quantity: 1 } });
        const now = new Date(t0.getTime() + sinceHeld);
        await rearmHolds(db.current.db, cart.id!, now, timers);
        const [line] = await db.current.db.select().from(cartItems).where(eq(cartItems.cartId, cart.id!));
        expect(line!.holdExpiresAt.toISOString()).toBe(holdExpiry(t0, now, timers).toISOString());
      }),
      { numRuns: 40 },
    );
  });
});
