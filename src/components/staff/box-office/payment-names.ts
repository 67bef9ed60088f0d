import type { CounterPayment } from "@/domain/box-office/sale-input";

export const PAYMENT_NAMES: Record<CounterPayment, string> = { cash: "Cash", card_terminal: "Card terminal", invoice: "Invoice" };
