import fs from "node:fs/promises";
import path from "node:path";
import { expect, type APIRequestContext } from "@playwright/test";
import { decodedMail } from "../../support/mail-decode";
import { sql } from "../support";

const OUTBOX = path.resolve(".tmp", "e2e", "outbox");

export type Line = { slotId: string; ticketTypeId: string; quantity: number };

/** A guest's paid order of these lines, added in this order, through the API and the test provider's page. */
export async function paidOrderOf(request: APIRequestContext, baseURL: string, lines: Line[], email: string) {
  const headers = { origin: baseURL };
  for (const line of lines) expect((await request.post("/api/cart/items", { headers, data: line })).status()).toBe(201);
  const checkout = await request.post("/api/checkout", { headers, data: { name: "Nandini Rao", email } });
  expect(checkout.status()).toBe(201);
  const { order, payment } = (await checkout.json()) as { order: { id: string; number: string }; payment: { redirectUrl: string } };
  const key = new URL(payment.redirectUrl, baseURL).searchParams.get("key")!;
  await request.post(`/pay/test/${order.id}/complete`, { headers, form: { key, outcome: "pay" }, maxRedirects: 0 });
  await expect.poll(async () => (await sql<{ status: string }>("SELECT status FROM orders WHERE id = $1", [order.id]))[0]!.status).toBe("paid");
  return { ...order, key };
}

export async function ticketTypeOf(slug: string, code: string) {
  const [type] = await sql<{ id: string }>("SELECT t.id FROM ticket_types t JOIN exhibitions e ON e.id = t.exhibition_id WHERE e.slug = $1 AND t.code = $2", [slug, code]);
  return type!.id;
}

/** A test's own address: each project and run of a spec books and looks up with one of its own. */
export const uniqueEmail = (who: string) => `${who}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}@example.org`;

/** The text of the "find my booking" mail to this address, once the outbox has written it. */
export async function lookupMailTo(email: string): Promise<string> {
  let found = "";
  await expect
    .poll(
      async () => {
        for (const name of (await fs.readdir(OUTBOX).catch(() => [] as string[])).filter((file) => file.startsWith("order-lookup-"))) {
          const text = decodedMail(await fs.readFile(path.join(OUTBOX, name), "latin1"));
          if (text.includes(`To: ${email}`)) found = text;
        }
        return found;
      },
      { timeout: 10_000 },
    )
    .not.toBe("");
  return found;
}
