import { numberFormat } from "./intl-formats";

export type Money = { amount: number; currency: string };

/** Every Money is made here; `amount` counts the currency's minor units (paise for INR, yen for JPY, fils for KWD). */
export const money = (amount: number, currency: string): Money => ({ amount, currency });

/** How many digits a currency's minor unit has: 2 for INR, 0 for JPY, 3 for KWD. */
export function minorDigits(currency: string): number {
  return numberFormat("en", { style: "currency", currency }).resolvedOptions().maximumFractionDigits ?? 2;
}
