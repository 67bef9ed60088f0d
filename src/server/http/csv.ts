import { stringify } from "csv-stringify/sync";

export type CsvCell = string | number | null;
export type CsvTable = { filename: string; columns: string[]; rows: CsvCell[][] };

// A spreadsheet runs a cell that starts with one of these as a formula (OWASP, CSV injection).
const FORMULA_START = /^[=+\-@\t\r]/;
// A negative amount written as text ("-250.00", money keeps its digits) is a number to a spreadsheet, not a formula.
const DECIMAL = /^-\d+(\.\d+)?$/;

/** A text cell a spreadsheet shows as text: one that would start a formula gets a leading apostrophe. Numbers stay numbers. */
export const csvCell = (value: CsvCell): string | number => (typeof value === "string" && FORMULA_START.test(value) && !DECIMAL.test(value) ? `'${value}` : (value ?? ""));

/** The table as CSV (RFC 4180, CRLF), a header line first. */
export const toCsv = (table: CsvTable): string => stringify([table.columns, ...table.rows.map((row) => row.map(csvCell))], { record_delimiter: "windows" });

/** Whether the client asked for CSV: `Accept: text/csv`, or `format=csv` for a plain download link. */
export const wantsCsv = (request: Request, format: string | undefined): boolean => format === "csv" || (request.headers.get("accept") ?? "").toLowerCase().includes("text/csv");

export function csvResponse(table: CsvTable): Response {
  return new Response(toCsv(table), {
    headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="${table.filename}"`, "cache-control": "no-store" },
  });
}
