import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { FOR_THE_BROWSER } from "./catalog";

function sourceFiles(directory: string): string[] {
  return fs.readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(directory, entry.name);
    return entry.isDirectory() ? sourceFiles(full) : /\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

describe("the messages sent to the browser", () => {
  it("hold every namespace a client component translates with, and no other", () => {
    const used = new Set<string>();
    for (const file of sourceFiles(path.resolve("src"))) {
      const text = fs.readFileSync(file, "utf8");
      if (!/^["']use client["']/m.test(text)) continue;
      for (const [, namespace] of text.matchAll(/useTranslations\(\s*"([^"]+)"/g)) used.add(namespace!.split(".")[0]!);
      // A namespace chosen at run time could not be checked here.
      expect(text, file).not.toMatch(/useTranslations\(\s*[^"\s)]/);
    }
    expect([...FOR_THE_BROWSER].sort()).toEqual([...used].sort());
  });
});
