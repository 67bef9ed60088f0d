import { describe, expect, it } from "vitest";
import { resolveLocale } from "./resolve-locale";

describe("resolveLocale", () => {
  it("keeps the visitor's remembered choice over the browser's languages", () => {
    expect(resolveLocale({ cookie: "kn", acceptLanguage: "hi-IN,hi;q=0.9,en;q=0.5" })).toBe("kn");
  });

  it("takes the browser's best-liked language we have, by weight and by region", () => {
    expect(resolveLocale({ acceptLanguage: "hi-IN,hi;q=0.9,en;q=0.5" })).toBe("hi");
    expect(resolveLocale({ acceptLanguage: "fr-FR,kn;q=0.8,en;q=0.5" })).toBe("kn");
    expect(resolveLocale({ acceptLanguage: "en;q=0.4,kn-IN;q=0.9" })).toBe("kn");
  });

  it("falls back to English for a language we lack, a forged cookie or a malformed header", () => {
    expect(resolveLocale({ acceptLanguage: "fr-FR,de;q=0.8" })).toBe("en");
    expect(resolveLocale({ cookie: "xx", acceptLanguage: undefined })).toBe("en");
    expect(resolveLocale({ acceptLanguage: "!!!,;q=abc" })).toBe("en");
    expect(resolveLocale({})).toBe("en");
  });
});
