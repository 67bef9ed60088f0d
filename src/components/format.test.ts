import { describe, expect, it } from "vitest";
import { money } from "@/domain/money";
import { formatDay, formatMoney } from "./format";

// Intl puts a no-break space between a currency code and the number.
const plain = (text: string) => text.replace(/\u00a0/g, " ");

describe("formatMoney", () => {
  it("reads the amount in the currency's own minor units: paise, yen, fils", () => {
    expect(plain(formatMoney(money(25_000, "INR")))).toBe("₹250");
    expect(plain(formatMoney(money(9_950, "INR")))).toBe("₹99.50");
    expect(plain(formatMoney(money(1_200, "JPY")))).toBe("JP¥1,200");
    expect(plain(formatMoney(money(1_250, "KWD")))).toBe("KWD 1.250");
    expect(plain(formatMoney(money(3_000, "KWD")))).toBe("KWD 3");
    expect(plain(formatMoney(money(1_005, "BHD")))).toBe("BHD 1.005");
  });

  it("shows a whole amount without decimals and zero as zero", () => {
    expect(plain(formatMoney(money(0, "INR")))).toBe("₹0");
    expect(plain(formatMoney(money(1_00_000_00, "INR")))).toBe("₹1,00,000");
    expect(plain(formatMoney(money(7, "JPY")))).toBe("JP¥7");
  });
});

describe("formatting per language", () => {
  it("writes money and days the way Hindi and Kannada readers do", () => {
    expect(plain(formatMoney(money(1_00_000_00, "INR"), "hi"))).toBe("₹1,00,000");
    expect(formatDay("2026-11-22", "long", "hi")).toBe("रविवार, 22 नवंबर 2026");
    expect(formatDay("2026-11-22", "long", "kn")).toBe("ಭಾನುವಾರ, ನವೆಂಬರ್ 22, 2026");
    expect(formatDay("2026-11-22", "short", "en")).toBe("Sun 22 Nov");
  });
});
