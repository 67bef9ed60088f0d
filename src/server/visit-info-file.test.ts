import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseConfig } from "./config";

const fileWith = (content: string) => {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "visit-info-")), "visit.json");
  fs.writeFileSync(file, content);
  return file;
};
const refusal = (env: Record<string, string>) => {
  try {
    parseConfig(env);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error("expected the configuration to be refused");
};

describe("VISIT_INFO_FILE", () => {
  it("is optional: without it the demo museum's texts apply", () => {
    expect(parseConfig({}).visitInfo).toEqual({});
  });

  it("reads the museum's texts by language, English required, the others optional", () => {
    const file = fileWith(JSON.stringify({ address: { en: "1 Main St", hi: "1 मेन स्ट्रीट" }, mapUrl: "https://maps.example.org/museum", accessibility: { en: "Ramps everywhere." } }));
    expect(parseConfig({ VISIT_INFO_FILE: file }).visitInfo).toEqual({ address: { en: "1 Main St", hi: "1 मेन स्ट्रीट" }, mapUrl: "https://maps.example.org/museum", accessibility: { en: "Ramps everywhere." } });
  });

  it("stops start-up naming the variable and the problem: a missing file, bad JSON, no English, an unknown field, a map link that is no web address", () => {
    expect(refusal({ VISIT_INFO_FILE: "/no/such/visit.json" })).toMatch(/VISIT_INFO_FILE must name a readable JSON file/);
    expect(refusal({ VISIT_INFO_FILE: fileWith("{ not json") })).toMatch(/VISIT_INFO_FILE must name a readable JSON file/);
    expect(refusal({ VISIT_INFO_FILE: fileWith(JSON.stringify({ bring: { hi: "टिकट" } })) })).toMatch(/VISIT_INFO_FILE has bring\.en/);
    expect(refusal({ VISIT_INFO_FILE: fileWith(JSON.stringify({ parking: { en: "Free" } })) })).toMatch(/VISIT_INFO_FILE has its content that/);
    expect(refusal({ VISIT_INFO_FILE: fileWith(JSON.stringify({ mapUrl: "javascript:alert(1)" })) })).toMatch(/VISIT_INFO_FILE has mapUrl that must be an http\(s\) URL/);
  });
});
