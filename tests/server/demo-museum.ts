import { expect } from "vitest";
import type { httpClient } from "../support/http-client";

type Client = ReturnType<typeof httpClient>;

/** A bookable slot of the seeded demo museum, read through the API as a visitor would: an exhibition, its adult ticket, a slot tomorrow with room. */
export async function bookableSlot(client: Client, minimum = 10) {
  const { body } = await client.get("/api/exhibitions");
  for (const { slug } of body.exhibitions as { slug: string }[]) {
    const { exhibition } = (await client.get(`/api/exhibitions/${slug}`)).body;
    const adult = exhibition.ticketTypes.find((type: { consumesCapacity: boolean; price: { amount: number } }) => type.consumesCapacity && type.price.amount > 0);
    const slots = (await client.get(`/api/exhibitions/${slug}/slots`)).body.slots as { id: string; startsAt: string; available: number; status: string }[];
    const slot = slots.find((candidate) => candidate.status !== "closed" && candidate.available >= minimum && Date.parse(candidate.startsAt) > Date.now() + 86_400_000);
    if (adult && slot) return { slug, ticketTypeId: adult.id as string, price: adult.price.amount as number, slotId: slot.id };
  }
  throw new Error("the demo museum has no bookable slot");
}

/** A guest who holds `quantity` places and has checked out: the order and its access key. */
export async function placedOrder(client: Client, line: { slotId: string; ticketTypeId: string }, quantity = 2) {
  const added = await client.post("/api/cart/items", { slotId: line.slotId, ticketTypeId: line.ticketTypeId, quantity });
  expect(added.status, added.text).toBe(201);
  const answer = await client.post("/api/checkout", { name: "Asha Rao", email: "asha@example.org" });
  expect(answer.status, answer.text).toBe(201);
  const payUrl = new URL(answer.body.payment.redirectUrl, "http://localhost");
  return { order: answer.body.order as { id: string; number: string; total: { amount: number } }, key: payUrl.searchParams.get("key")!, payPath: `${payUrl.pathname}${payUrl.search}` };
}
