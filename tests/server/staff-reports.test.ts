import { describe, expect, it } from "vitest";
import { addDays, venueDateOf } from "@/domain/calendar/venue-time";
import { testProvider, TEST_SIGNATURE_HEADER } from "@/server/payments/test-provider";
import { expectApiError, type Answer } from "../support/http-client";
import { productionServerForThisFile, SERVER_AUTH_SECRET } from "../support/production-server";
import { signedInStaff } from "../support/staff-fixtures";
import { bookableSlot, placedOrder } from "./demo-museum";

const METRICS_TOKEN = "metrics-token-for-report-tests-0123";
const server = productionServerForThisFile({ METRICS_TOKEN });
const today = () => venueDateOf(new Date(), "Asia/Kolkata");

/** One sample of the Prometheus text, 0 when absent. */
const sample = (text: string, line: string) => Number(text.split("\n").find((candidate) => candidate.startsWith(`${line} `))?.split(" ")[1] ?? 0);
const scrape = async () => (await server.current.client().get("/metrics", { headers: { authorization: `Bearer ${METRICS_TOKEN}` } })).text;
const csvLines = (answer: Answer) => answer.text.trimEnd().split("\r\n");

describe("staff reports on the shipped server", () => {
  it("count a paid order, a refused add and a visitor's first add after signing up, as JSON and CSV, and as Prometheus counters", async () => {
    const visitor = server.current.client();
    const line = await bookableSlot(visitor);
    const before = await scrape();

    // A guest buys 2 adults and opens the payment page twice; their 9 more on the slot go over the limit of 10.
    const { order, payPath } = await placedOrder(visitor, line, 2);
    expect((await visitor.get(payPath)).status).toBe(200);
    expect((await visitor.get(payPath)).status).toBe(200);
    const signed = testProvider(SERVER_AUTH_SECRET).signedEvent("pay", { id: order.id, totalMinor: order.total.amount, currency: "INR" });
    expect((await visitor.send("POST", "/api/payments/test/webhook", { raw: signed.body, headers: { "content-type": "application/json", [TEST_SIGNATURE_HEADER]: signed.signature } })).status).toBe(200);
    const other = server.current.client();
    expect((await other.post("/api/cart/items", { slotId: line.slotId, ticketTypeId: line.ticketTypeId, quantity: 8 })).status).toBe(201);
    expectApiError(await other.post("/api/cart/items", { slotId: line.slotId, ticketTypeId: line.ticketTypeId, quantity: 3 }), 422, "limit_exceeded");
    // A visitor signs up (a sign-in) and adds at once, then again.
    const member = server.current.client();
    expect((await member.post("/api/auth/sign-up/email", { name: "Meera", email: "meera@example.org", password: "a long enough password" })).status).toBe(200);
    expect((await member.post("/api/cart/items", { slotId: line.slotId, ticketTypeId: line.ticketTypeId, quantity: 1 })).status).toBe(201);
    expect((await member.post("/api/cart/items", { slotId: line.slotId, ticketTypeId: line.ticketTypeId, quantity: 1 })).status).toBe(201);

    const staff = await signedInStaff(server.current, "staff");
    // Yesterday to tomorrow: the venue's day may turn between the sale and the report.
    const range = `from=${addDays(today(), -1)}&to=${addDays(today(), 1)}`;
    const inr = (amount: number) => ({ amount, currency: "INR" });
    const sale = { ticketsSold: 2, gross: inr(2 * line.price), ticketsRefunded: 0, refunded: inr(0), net: inr(2 * line.price) };

    const byDay = await staff.get(`/api/staff/reports/sales?${range}&by=day`);
    expect(byDay.status, byDay.text).toBe(200);
    expect(byDay.body.rows).toHaveLength(3);
    expect(byDay.body.total).toEqual(sale);
    const byExhibition = await staff.get(`/api/staff/reports/sales?${range}&by=exhibition`);
    expect(byExhibition.body.rows).toEqual([{ key: line.slug, label: expect.any(String), ...sale }]);
    const csv = await staff.get(`/api/staff/reports/sales?${range}&by=exhibition`, { headers: { accept: "text/csv" } });
    expect(csv.status).toBe(200);
    expect(csv.headers["content-type"]).toBe("text/csv; charset=utf-8");
    expect(csv.headers["content-disposition"]).toContain("attachment");
    const rupees = (2 * line.price / 100).toFixed(2);
    expect(csvLines(csv)).toEqual(["exhibition,label,tickets_sold,gross,tickets_refunded,refunded,net,currency", `${line.slug},${byExhibition.body.rows[0].label},2,${rupees},0,0.00,${rupees},INR`]);

    const slotDay = (await staff.get(`/api/staff/reports/occupancy?${range}&exhibition=${line.slug}`)).body.rows.find((row: { slotId: string }) => row.slotId === line.slotId)?.date as string;
    const occupancy = await staff.get(`/api/staff/reports/occupancy?from=${slotDay}&to=${slotDay}&exhibition=${line.slug}&format=csv`);
    expect(occupancy.headers["content-type"]).toBe("text/csv; charset=utf-8");
    expect(csvLines(occupancy)[0]).toBe("date,time,exhibition,status,capacity,sold,checked_in,occupancy,no_shows");
    const occupancyJson = await staff.get(`/api/staff/reports/occupancy?from=${slotDay}&to=${slotDay}&exhibition=${line.slug}`);
    expect(occupancyJson.body.rows.find((row: { slotId: string }) => row.slotId === line.slotId)).toMatchObject({ sold: 2, checkedIn: 0, noShows: null });

    const funnel = await staff.get(`/api/staff/reports/funnel?${range}`);
    expect(funnel.body).toMatchObject({
      cartsAdded: 3,
      addsSucceeded: 4,
      addsRefused: 1,
      refusedBy: { limit_exceeded: 1 },
      cartAddSuccessRate: 0.8,
      checkouts: 1,
      paymentsStarted: 1,
      paid: 1,
      // The visitor's and the staff member's.
      signIns: 2,
      signInToFirstCart: { count: 1 },
    });
    expect(funnel.body.signInToFirstCart.medianMs).toBeGreaterThanOrEqual(0);
    expect(funnel.body.signInToFirstCart.medianMs).toBeLessThan(60_000);
    const funnelCsv = await staff.get(`/api/staff/reports/funnel?${range}`, { headers: { accept: "text/csv" } });
    expect(csvLines(funnelCsv)).toEqual(expect.arrayContaining(["figure,value", "adds_succeeded,4", "adds_refused_limit_exceeded,1", "cart_add_success_rate,0.8", "paid,1"]));

    const after = await scrape();
    const grew = (line: string) => sample(after, line) - sample(before, line);
    expect(grew('funnel_events_total{kind="cart_add",outcome="ok"}')).toBe(4);
    expect(grew('funnel_events_total{kind="cart_add",outcome="limit_exceeded"}')).toBe(1);
    expect(grew('funnel_events_total{kind="checkout",outcome=""}')).toBe(1);
    expect(grew('funnel_events_total{kind="payment_started",outcome=""}')).toBe(1);
    expect(grew('funnel_events_total{kind="paid",outcome="paid"}')).toBe(1);
    expect(grew('funnel_events_total{kind="sign_in",outcome=""}')).toBe(2);
    expect(grew('funnel_events_total{kind="first_cart_after_sign_in",outcome=""}')).toBe(1);
    expect(grew("funnel_sign_in_to_first_cart_seconds_count")).toBe(1);
  });

  it("answer a bad range with 400 naming the field, and only staff may read them", async () => {
    const staff = await signedInStaff(server.current, "staff");
    expectApiError(await staff.get(`/api/staff/reports/sales?from=2026-02-10&to=2026-02-01`), 400, "invalid_request");
    const tooLong = await staff.get(`/api/staff/reports/funnel?from=2025-01-01&to=2026-06-01`);
    expectApiError(tooLong, 400, "invalid_request");
    expect(tooLong.body.error.fields).toEqual({ to: "must be at most 400 days after from" });
    expectApiError(await staff.get(`/api/staff/reports/sales?by=week`), 400, "invalid_request");
    expectApiError(await staff.get(`/api/staff/reports/occupancy?from=yesterday`), 400, "invalid_request");
    expectApiError(await staff.get(`/api/staff/reports/funnel?format=xlsx`), 400, "invalid_request");
    expectApiError(await server.current.client().get("/api/staff/reports/sales"), 401, "unauthenticated");
    const door = await signedInStaff(server.current, "door");
    for (const report of ["sales", "occupancy", "funnel"]) expectApiError(await door.get(`/api/staff/reports/${report}`), 403, "forbidden");
    // The defaults: the last 30 venue days, today included.
    const defaults = await staff.get("/api/staff/reports/sales");
    expect([defaults.body.from, defaults.body.to, defaults.body.rows.length]).toEqual([addDays(today(), -29), today(), 30]);
  });
});
