import { describe, expect, it } from "vitest";
import { toCsv } from "@/server/http/csv";

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
