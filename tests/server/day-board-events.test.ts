import { describe, expect, it } from "vitest";
import { venueDateOf } from "@/domain/calendar/venue-time";
import { testCtx } from "../support/cart-fixtures";
import { openEventStream } from "../support/event-stream";
import { createExhibition, createSlot, createTicketType } from "../support/factories";
import { expectApiError } from "../support/http-client";
import { productionServerForThisFile } from "../support/production-server";
import { placeOrder, ticketsWithSlots } from "../support/slot-fixtures";
import { signedInStaff } from "../support/staff-fixtures";

const server = productionServerForThisFile();

/** A slot starting in ten minutes (inside its entry window), with a paid order of `quantity` adults: its id, venue day and ticket codes. */
async function slotAtTheDoor(quantity: number) {
  const db = server.current.database.db;
  const exhibition = await createExhibition(db);
  const adult = await createTicketType(db, exhibition.id, { code: "adult", priceMinor: 30_000 });
  const slot = await createSlot(db, exhibition.id, { startsAt: new Date(Date.now() + 10 * 60_000), capacity: 30 });
  const sell = async (count: number) => {
    const order = await placeOrder(testCtx(db, { now: new Date() }), [{ slotId: slot.id, ticketTypeId: adult.id, quantity: count }]);
    return (await ticketsWithSlots(db, order.id)).map((ticket) => ticket.code);
  };
  return { slotId: slot.id, day: venueDateOf(slot.startsAt, "Asia/Kolkata"), codes: await sell(quantity), sell };
}

const cookieOf = (client: { cookies: Map<string, string> }) => ({ cookie: [...client.cookies].map(([name, value]) => `${name}=${value}`).join("; ") });

describe("the door's live day on the shipped server", () => {
  it("is for door accounts and up: 401 without a session, 403 for a visitor, 400 for a day that is not one", async () => {
    const { day } = await slotAtTheDoor(1);
    expectApiError(await server.current.client().get(`/api/events?staffDay=${day}`), 401, "unauthenticated");
    expectApiError(await (await signedInStaff(server.current, "visitor")).get(`/api/events?staffDay=${day}`), 403, "forbidden");
    const door = await signedInStaff(server.current, "door");
    for (const bad of ["2026-02-30", "tomorrow", "21-11-2026", ""]) expectApiError(await door.get(`/api/events?staffDay=${bad}`), 400, "invalid_request");
  });

  it("sends every slot of the day first, then a slot again when a ticket is checked in or sold", async () => {
    const { slotId, day, codes, sell } = await slotAtTheDoor(3);
    const door = await signedInStaff(server.current, "door");
    const sheet = (await door.get(`/api/staff/day?date=${day}`)).body.slots as { id: string }[];
    const stream = await openEventStream(`${server.current.app.url}/api/events?staffDay=${day}`, cookieOf(door));
    try {
      expect(stream.response.status).toBe(200);
      for (const { id } of sheet) await stream.next((event) => event.event === "slot" && event.data.id === id);
      expect(stream.events.filter((event) => event.event === "slot").map((event) => event.data.id).sort()).toEqual(sheet.map((slot) => slot.id).sort());
      expect((await stream.next((event) => event.data.id === slotId)).data).toMatchObject({ capacity: 30, held: 0, sold: 3, checkedIn: 0, status: "open" });

      const admitted = await door.post("/api/checkin", { code: codes[0] });
      expect(admitted.status, admitted.text).toBe(200);
      expect((await stream.next((event) => event.data.id === slotId && event.data.checkedIn === 1)).data).toMatchObject({ sold: 3, checkedIn: 1 });

      await sell(2);
      expect((await stream.next((event) => event.data.id === slotId && event.data.sold === 5)).data).toMatchObject({ checkedIn: 1 });
    } finally {
      await stream.close();
    }
  });
});
