import { describe, expect, it } from "vitest";
import { scriptRuns } from "./pdf-scripts";

describe("scriptRuns", () => {
  it("cuts mixed text into runs of one script, spaces staying with their run", () => {
    expect(scriptRuns("Monsoon Rivers · टिकट 1 / 2")).toEqual([
      { script: "latin", text: "Monsoon Rivers · " },
      { script: "devanagari", text: "टिकट " },
      { script: "latin", text: "1 / 2" },
    ]);
    expect(scriptRuns("ಆರ್ಡರ್ A-1042")).toEqual([
      { script: "kannada", text: "ಆರ್ಡರ್ " },
      { script: "latin", text: "A-1042" },
    ]);
  });

  it("keeps a conjunct with its joiner in one run", () => {
    expect(scriptRuns("क्‍ष")).toEqual([{ script: "devanagari", text: "क्‍ष" }]);
  });
});
