import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { findChromium } from "../support/chromium";

const existing = process.execPath;
const missing = "/nonexistent/chromium";

describe("the e2e tests' Chromium", () => {
  it("is CHROMIUM_PATH when set, before any other", async () => {
    expect(await findChromium({ CHROMIUM_PATH: existing, CHROMIUM_SYSTEM_PATH: existing })).toEqual({ executablePath: existing, source: "CHROMIUM_PATH" });
    await expect(findChromium({ CHROMIUM_PATH: missing })).rejects.toThrow(/CHROMIUM_PATH/);
  });

  it("is Debian's where it exists", async () => {
    expect(await findChromium({ CHROMIUM_SYSTEM_PATH: existing })).toEqual({ executablePath: existing, source: "system" });
  });

  it("is otherwise the one npm installed, which runs with its own libraries and no system package", async () => {
    const chromium = await findChromium({ CHROMIUM_SYSTEM_PATH: missing });
    expect(chromium.source).toBe("npm");
    const env = { ...process.env, ...chromium.env };
    expect(execFileSync(chromium.executablePath, ["--version"], { env, encoding: "utf8" })).toMatch(/^Chromium 153\./);
    const libraries = execFileSync("ldd", [chromium.executablePath], { env, encoding: "utf8" });
    for (const library of ["libnss3.so", "libnspr4.so", "libexpat.so.1"]) {
      expect(libraries).toContain(`${library} => ${chromium.env!.LD_LIBRARY_PATH!.split(":")[0]}/${library}`);
    }
  }, 180_000);
});
