import { minorDigits, type Money } from "@/domain/money";

/** A price as typed in the console ("250", "99.50") in minor units, or undefined when it is not one. */
export function minorOf(text: string, currency: string): number | undefined {
  const digits = minorDigits(currency);
  const match = new RegExp(`^(\\d{1,9})(?:\\.(\\d{1,${Math.max(digits, 1)}}))?$`).exec(text.trim());
  if (!match || (digits === 0 && match[2])) return undefined;
  return Number(match[1]) * 10 ** digits + Number((match[2] ?? "").padEnd(digits, "0") || 0);
}

/** A price as the console's price fields show it: "250.00" in INR. */
export const majorText = (price: Money): string => (price.amount / 10 ** minorDigits(price.currency)).toFixed(minorDigits(price.currency));
