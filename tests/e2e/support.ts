import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";
import pg from "pg";
import { addDays, venueDateOf } from "@/domain/calendar/venue-time";

export const VENUE_ZONE = "Asia/Kolkata";
export const today = () => venueDateOf(new Date(), VENUE_ZONE);
export const tomorrow = () => addDays(today(), 1);

export async function sql<T extends pg.QueryResultRow = pg.QueryResultRow>(text: string, values: unknown[] = []) {
  const client = new pg.Client({ connectionString: process.env.E2E_DATABASE_URL });
  await client.connect();
  try {
    return (await client.query<T>(text, values)).rows;
  } finally {
    await client.end();
  }
}

export async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]).analyze();
  const summary = results.violations.map((violation) => `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(" ")).join(", ")})`);
  expect(summary).toEqual([]);
}

export async function expectNoHorizontalScroll(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

/** The id of an exhibition's slot at a venue time on a day, with its places set as the test needs. */
export async function slotAt(slug: string, day: string, time: string, places?: { sold?: number; capacity?: number }) {
  const [slot] = await sql<{ id: string }>(
    `SELECT s.id FROM time_slots s JOIN exhibitions e ON e.id = s.exhibition_id
     WHERE e.slug = $1 AND (s.starts_at AT TIME ZONE $2)::date = $3::date AND to_char(s.starts_at AT TIME ZONE $2, 'HH24:MI') = $4`,
    [slug, VENUE_ZONE, day, time],
  );
  if (places?.capacity !== undefined) await sql("UPDATE time_slots SET capacity = $2 WHERE id = $1", [slot!.id, places.capacity]);
  if (places?.sold !== undefined) await sql("UPDATE time_slots SET sold = $2 WHERE id = $1", [slot!.id, places.sold]);
  return slot!.id;
}

export async function adultOf(slug: string) {
  const [type] = await sql<{ id: string }>("SELECT t.id FROM ticket_types t JOIN exhibitions e ON e.id = t.exhibition_id WHERE e.slug = $1 AND t.code = 'adult'", [slug]);
  return type!.id;
}
