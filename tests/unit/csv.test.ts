import { describe, expect, it } from "vitest";
import { toCsv } from "@/server/http/csv";
import { salesTable } from "@/server/reports/report-tables";

describe("CSV exports", () => {
  it("quote what needs quoting and keep a spreadsheet from running a text cell as a formula", () => {
    const csv = toCsv({
      filename: "x.csv",
      columns: ["label", "value"],
      rows: [
        ["=HYPERLINK(\"http://evil\")", 1],
        ["+1", -2],
        ["-sum", null],
        ["@cmd", 0.5],
        ["\tTab", 3],
        ["Plain, with \"quotes\"", 4],
      ],
    });
    expect(csv.split("\r\n")).toEqual([
      "label,value",
      `"'=HYPERLINK(""http://evil"")",1`,
      "'+1,-2",
      "'-sum,",
      "'@cmd,0.5",
      "'\tTab,3",
      `"Plain, with ""quotes""",4`,
      "",
    ]);
  });
});

describe("report CSVs", () => {
  it("keep a negative amount a number a spreadsheet can sum: a day with refunds and no sales nets below zero", () => {
    const inr = (amount: number) => ({ amount, currency: "INR" });
    const refundsOnly = { key: "2026-11-22", label: "2026-11-22", ticketsSold: 0, gross: inr(0), ticketsRefunded: 1, refunded: inr(25_000), net: inr(-25_000) };
    const csv = toCsv(salesTable({ from: "2026-11-22", to: "2026-11-22", by: "day", rows: [refundsOnly], total: refundsOnly }));
    expect(csv.split("\r\n")[1]).toBe("2026-11-22,2026-11-22,0,0.00,1,250.00,-250.00,INR");
  });
});
