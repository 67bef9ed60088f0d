import { stringify } from "csv-stringify/sync";

/** True when the request asks for CSV (`Accept: text/csv`) rather than JSON. */
export const wantsCsv = (request: Request): boolean => /\btext\/csv\b/i.test(request.headers.get("accept") ?? "");

/**
 * A cell a spreadsheet would run as a formula (=, +, -, @, or a tab or carriage return before one)
 * is given a leading apostrophe, so a buyer's or staff member's name can never become one (OWASP's
 * CSV injection advice). Numbers stay numbers.
 */
export const safeCell = (value: string | number): string | number => (typeof value === "string" && /^[=+\-@\t\r]/.test(value) ? `'${value}` : value);

/** Rows as a CSV download named `filename`, every text cell made safe. */
export function csvAnswer(filename: string, header: string[], rows: (string | number)[][]): Response {
  const body = stringify([header, ...rows.map((row) => row.map(safeCell))]);
  return new Response(body, { status: 200, headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="${filename}"`, "cache-control": "no-store" } });
}
