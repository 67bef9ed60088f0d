import { expect, type APIRequestContext } from "@playwright/test";
import { sql } from "./support";

type Line = { slotId: string; ticketTypeId: string; quantity: number };

/** A guest's paid order of one line or several (added in that order), through the API and the test provider's page; the order and its access key. */
export async function paidOrder(request: APIRequestContext, baseURL: string, lines: Line | Line[], buyer = { name: "Ravi Iyer", email: "ravi@example.org" }) {
  const headers = { origin: baseURL };
  for (const line of [lines].flat()) {
    const added = await request.post("/api/cart/items", { headers, data: line });
    expect(added.status()).toBe(201);
  }
  const checkout = await request.post("/api/checkout", { headers, data: buyer });
  expect(checkout.status()).toBe(201);
  const { order, payment } = (await checkout.json()) as { order: { id: string; number: string }; payment: { redirectUrl: string } };
  const key = new URL(payment.redirectUrl, baseURL).searchParams.get("key")!;
  await request.post(`/pay/test/${order.id}/complete`, { headers, form: { key, outcome: "pay" }, maxRedirects: 0 });
  await expect.poll(async () => (await sql<{ status: string }>("SELECT status FROM orders WHERE id = $1", [order.id]))[0]!.status).toBe("paid");
  return { ...order, key };
}
