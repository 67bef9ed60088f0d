import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApp, type AppProcess } from "../support/app-process";
import { bookableShow } from "../support/cart-fixtures";
import { databaseForThisFile } from "../support/database";
import { openEventStream } from "../support/event-stream";

const db = databaseForThisFile();
let a: AppProcess;
let b: AppProcess;
beforeAll(async () => {
  // One test address makes every add here: the per-address cap of places is not what these tests are about.
  const env = { DATABASE_URL: db.current.url, MAX_HELD_PLACES_PER_ADDRESS: "1000", MAX_HELD_PLACES_PER_ADDRESS_SIGNED_IN: "1000" };
  [a, b] = await Promise.all([startApp(env), startApp(env)]);
});
afterAll(async () => {
  await Promise.all([a?.stop(), b?.stop()]);
});

const add = (app: AppProcess, body: unknown, cookie?: string) =>
  fetch(`${app.url}/api/cart/items`, { method: "POST", headers: { "content-type": "application/json", ...(cookie && { cookie }) }, body: JSON.stringify(body) });

describe("GET /api/events", () => {
  it("streams a slot's availability as it changes, from another server process, within a second", async () => {
    const { slot, adult } = await bookableShow(db.current.db, new Date(), { capacity: 20 });
    const stream = await openEventStream(`${b.url}/api/events?slots=${slot.id}`);
    expect(stream.response.headers.get("content-type")).toContain("text/event-stream");
    await stream.next((event) => event.event === "availability" && event.data.available === 20);

    const started = Date.now();
    expect((await add(a, { slotId: slot.id, ticketTypeId: adult.id, quantity: 3 })).status).toBe(201);
    const update = await stream.next((event) => event.event === "availability" && event.data.available === 17);
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(update.data).toEqual({ slotId: slot.id, available: 17, status: "open" });
    await stream.close();
  });

  it("streams the caller's cart when it changes on another server, and nobody else's", async () => {
    const { slot, adult } = await bookableShow(db.current.db, new Date(), { capacity: 20 });
    const first = await add(a, { slotId: slot.id, ticketTypeId: adult.id, quantity: 1 });
    const cookie = first.headers.get("set-cookie")!.split(";")[0]!;
    const itemId = ((await first.json()) as { cart: { items: { id: string }[] } }).cart.items[0]!.id;
    const mine = await openEventStream(`${b.url}/api/events`, { cookie });
    const stranger = await openEventStream(`${b.url}/api/events`, { cookie: "cart=" + "B".repeat(43) });
    await mine.next((event) => event.event === "cart" && event.data.cart.itemCount === 1);

    const patched = await fetch(`${a.url}/api/cart/items/${itemId}`, { method: "PATCH", headers: { "content-type": "application/json", cookie }, body: JSON.stringify({ quantity: 4 }) });
    expect(patched.status).toBe(200);
    const update = await mine.next((event) => event.event === "cart" && event.data.cart.itemCount === 4);
    expect(update.data.cart.items[0]).toMatchObject({ id: itemId, quantity: 4, status: "held" });
    expect(stranger.events.filter((event) => event.event === "cart")).toEqual([]);
    await Promise.all([mine.close(), stranger.close()]);
  });

  it("never streams a slot's availability going back, under rapid changes from both processes, and ends on the database's", async () => {
    const { slots, adult } = await bookableShow(db.current.db, new Date(), { capacity: 200, slots: 4 });
    const url = (app: AppProcess) => `${app.url}/api/events?slots=${slots.map((slot) => slot.id).join(",")}`;
    const streams = await Promise.all([a, b, a, b].map((app) => openEventStream(url(app))));
    const adds = Array.from({ length: 120 }, (_, i) => add(i % 2 ? a : b, { slotId: slots[i % slots.length]!.id, ticketTypeId: adult.id, quantity: 1 + (i % 3) }));
    // Streams opened while the changes flow get their first state in order with them too.
    streams.push(...(await Promise.all([a, b].map((app) => openEventStream(url(app))))));
    expect(new Set((await Promise.all(adds)).map((response) => response.status))).toEqual(new Set([201]));

    const { rows } = await db.current.pool.query<{ id: string; available: number }>("SELECT id, capacity - held - sold AS available FROM time_slots WHERE id = ANY($1)", [slots.map((slot) => slot.id)]);
    for (const stream of streams) {
      for (const { id, available } of rows) {
        const seen = () => stream.events.filter((event) => event.event === "availability" && event.data.slotId === id).map((event) => event.data.available as number);
        await stream.next(() => seen().at(-1) === available);
        expect(seen(), `slot ${id}`).toEqual([...seen()].sort((x, y) => y - x));
      }
    }
    await Promise.all(streams.map((stream) => stream.close()));
  });

  it("refuses slot lists that are not ids", async () => {
    const response = await fetch(`${b.url}/api/events?slots=abc,def`);
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { fields: Record<string, string> } }).error.fields).toHaveProperty("slots");
  });
});
