import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { orders } from "@/db/schema";
import { t0 } from "../../../tests/support/cart-fixtures";
import { databaseForThisFile } from "../../../tests/support/database";
import { fakeStripeForThisFile } from "../../../tests/support/fake-stripe";
import { pendingOrder } from "../../../tests/support/order-fixtures";
import { paymentSession } from "./payment-session";

const db = databaseForThisFile();
const stripe = fakeStripeForThisFile();
const urls = { success: "https://museum.example/orders/1", cancel: "https://museum.example/pay/1" };

async function stripeOrder() {
  const { order } = await pendingOrder(db.current.db, { now: t0 });
  await db.current.db.update(orders).set({ provider: "stripe" }).where(eq(orders.id, order.id));
  return order.id;
}
const view = (orderId: string) => paymentSession({ db: db.current.db, provider: stripe.provider, orderId, urls });
const sessionsCreated = () => stripe.received.filter((request) => request.method === "POST" && request.path === "/v1/checkout/sessions").length;
const storedRef = async (orderId: string) => (await db.current.db.select({ ref: orders.providerRef }).from(orders).where(eq(orders.id, orderId)))[0]!.ref;

describe("the payment page's provider session", () => {
  it("is made on the first view and the same one is used on every reload", async () => {
    const orderId = await stripeOrder();
    const before = sessionsCreated();
    const first = await view(orderId);
    const again = [await view(orderId), await view(orderId)];
    expect(sessionsCreated() - before).toBe(1);
    expect(again).toEqual([first, first]);
    expect(await storedRef(orderId)).toBe((first as { providerRef: string }).providerRef);
  });

  it("is one for two tabs opened at the same moment: both are sent to the session that was stored", async () => {
    const orderId = await stripeOrder();
    const tabs = await Promise.all([view(orderId), view(orderId), view(orderId)]);
    const stored = await storedRef(orderId);
    expect(tabs).toEqual(Array.from({ length: 3 }, () => ({ redirectUrl: `https://checkout.stripe.com/c/pay/${stored}`, providerRef: stored })));
  });

  it("is made anew once Stripe has expired the old one, and sends the buyer to the order once it is paid", async () => {
    const orderId = await stripeOrder();
    const first = (await view(orderId)) as { providerRef: string };
    stripe.sessions.set(first.providerRef, "expired");
    const second = (await view(orderId)) as { providerRef: string };
    expect(second.providerRef).not.toBe(first.providerRef);
    expect(await storedRef(orderId)).toBe(second.providerRef);
    stripe.sessions.set(second.providerRef, "complete");
    const before = sessionsCreated();
    expect(await view(orderId)).toEqual({ redirectUrl: urls.success });
    expect(sessionsCreated()).toBe(before);
  });

  it("is never made for an order that is not waiting for payment", async () => {
    const orderId = await stripeOrder();
    const before = stripe.received.length;
    for (const status of ["paid", "expired", "cancelled", "refunded"] as const) {
      await db.current.db.update(orders).set({ status }).where(eq(orders.id, orderId));
      expect(await view(orderId)).toBeUndefined();
    }
    expect(stripe.received.length).toBe(before);
    expect(await storedRef(orderId)).toBeNull();
  });
});
