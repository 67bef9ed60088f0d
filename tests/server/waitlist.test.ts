import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { waitlistEntries } from "@/db/schema";
import { waitlistMail } from "../support/waitlist-mail";
import { expectApiError } from "../support/http-client";
import { productionServerForThisFile } from "../support/production-server";
import { bookableSlot } from "./demo-museum";

// The waiting list on the server as `npm start` runs it: the route's answers, and the whole way
// from a place coming back to the offer's e-mail and its link filling a cart.
const server = productionServerForThisFile({ WAITLIST_HOLD_SECONDS: "900" });
const db = () => server.current.database.db;

async function soldOutSlot() {
  const holder = server.current.client();
  const line = await bookableSlot(holder);
  const added = await holder.post("/api/cart/items", { slotId: line.slotId, ticketTypeId: line.ticketTypeId, quantity: 2 });
  expect(added.status, added.text).toBe(201);
  await db().execute(sql`UPDATE time_slots SET capacity = held + sold WHERE id = ${line.slotId}`);
  return { ...line, holder, itemId: added.body.cart.items[0].id as string, path: `/api/exhibitions/${line.slug}/slots/${line.slotId}/waitlist` };
}

const waitForMail = (messageId: string) => waitlistMail(server.current.dataDir, messageId);

describe("POST /api/exhibitions/{slug}/slots/{id}/waitlist", () => {
  it("joins a sold-out slot with 201, the same answer for an address already waiting, and 422 not_sold_out for a slot with room", async () => {
    const full = await soldOutSlot();
    const visitor = server.current.client();
    const joined = await visitor.post(full.path, { email: "Meera@Example.org", quantity: 2 });
    expect(joined.status, joined.text).toBe(201);
    expect(joined.body).toEqual({ waitlist: { slotId: full.slotId, quantity: 2 } });
    const again = await server.current.client().post(full.path, { email: "meera@example.org", quantity: 2 });
    expect({ status: again.status, body: again.body }).toEqual({ status: 201, body: joined.body });

    const open = await bookableSlot(visitor);
    const refused = await visitor.post(`/api/exhibitions/${open.slug}/slots/${open.slotId}/waitlist`, { email: "meera@example.org", quantity: 1 });
    expectApiError(refused, 422, "not_sold_out");
    expect(refused.body.error.available).toBeGreaterThan(0);
  });

  it("refuses bad input with 400, an unknown slot with 404, a cross-site form with 403", async () => {
    const full = await soldOutSlot();
    const client = server.current.client();
    expectApiError(await client.post(full.path, { email: "not an address", quantity: 1 }), 400, "invalid_request");
    expectApiError(await client.post(full.path, { email: "a@example.org", quantity: 0 }), 400, "invalid_request");
    expectApiError(await client.post(full.path, { email: "a@example.org", quantity: 11 }), 400, "invalid_request");
    expectApiError(await client.post(`/api/exhibitions/${full.slug}/slots/00000000-0000-4000-8000-000000000000/waitlist`, { email: "a@example.org", quantity: 1 }), 404, "not_found");
    expectApiError(await client.post(`/api/exhibitions/no-such-show/slots/${full.slotId}/waitlist`, { email: "a@example.org", quantity: 1 }), 404, "not_found");
    expectApiError(await client.post(full.path, { email: "a@example.org", quantity: 1 }, { headers: { origin: "https://evil.example" } }), 403, "forbidden");
  });

  it("limits joins per e-mail address with 429 and Retry-After, whichever client asks", async () => {
    const full = await soldOutSlot();
    const answers = [];
    for (let i = 0; i < 6; i++) answers.push(await server.current.client().post(full.path, { email: "flood@example.org", quantity: 1 }));
    expect(answers.slice(0, 5).map((answer) => answer.status)).toEqual([201, 201, 201, 201, 201]);
    expectApiError(answers[5]!, 429, "rate_limited");
    expect(Number(answers[5]!.headers["retry-after"])).toBeGreaterThan(0);
  });
});

describe("a place comes back", () => {
  it("e-mails the first in line in their language; the link puts the places in their cart once; the public still sees the slot full", async () => {
    const full = await soldOutSlot();
    const visitor = server.current.client();
    const joined = await visitor.post(full.path, { email: "kavya@example.org", quantity: 2 }, { headers: { "accept-language": "hi-IN,hi;q=0.9" } });
    expect(joined.status, joined.text).toBe(201);
    const [entry] = await db().select().from(waitlistEntries).where(eq(waitlistEntries.email, "kavya@example.org"));
    expect((await waitForMail(`waitlist-${entry!.id}-joined-${entry!.line}@localhost`))).toContain("प्रतीक्षा सूची");

    expect((await full.holder.send("DELETE", `/api/cart/items/${full.itemId}`)).status).toBe(200);
    const mail = await waitForMail(`waitlist-${entry!.id}-offer-${entry!.line}@localhost`);
    expect(mail).toContain("रोककर");
    const token = /\/waitlist\/claim\/([A-Za-z0-9_-]+)/.exec(mail)![1]!;
    expect(mail).toContain(`/waitlist/leave/${token}`);

    const slots = (await server.current.client().get(`/api/exhibitions/${full.slug}/slots`)).body.slots as { id: string; available: number }[];
    expect(slots.find((slot) => slot.id === full.slotId)).toMatchObject({ available: 0 });
    expectApiError(await server.current.client().post("/api/cart/items", { slotId: full.slotId, ticketTypeId: full.ticketTypeId, quantity: 1 }), 409, "sold_out");

    const claimed = await visitor.post("/api/waitlist/claim", { token });
    expect(claimed.status, claimed.text).toBe(200);
    expect(claimed.body.cart.items).toEqual([expect.objectContaining({ quantity: 2, status: "held", slotId: full.slotId })]);
    expectApiError(await server.current.client().post("/api/waitlist/claim", { token }), 404, "not_found");
    expect((await visitor.get("/api/cart")).body.cart.items).toHaveLength(1);
    // The token rode in the outbox only until its e-mail left.
    const { rows } = await db().execute(sql`SELECT count(*)::int AS n FROM outbox WHERE kind LIKE 'waitlist_%' AND done_at IS NOT NULL AND payload IS NOT NULL`);
    expect(rows[0]).toEqual({ n: 0 });
  });

  it("leaving answers 200 whatever the link, 400 for what is no token", async () => {
    const client = server.current.client();
    expect((await client.post("/api/waitlist/leave", { token: "a".repeat(43) })).body).toEqual({ left: true });
    expectApiError(await client.post("/api/waitlist/leave", { token: "../../etc" }), 400, "invalid_request");
    expectApiError(await client.post("/api/waitlist/claim", { token: "short" }), 400, "invalid_request");
  });
});
