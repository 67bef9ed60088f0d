import fs from "node:fs/promises";
import path from "node:path";
import { expect } from "@playwright/test";
import { decodedMail } from "../../support/mail-decode";
import { sql } from "../support";

const OUTBOX = path.resolve(".tmp", "e2e", "outbox");

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
