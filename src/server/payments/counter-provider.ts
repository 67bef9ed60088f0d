import type { CounterPayment } from "@/domain/box-office/sale-input";
import type { PaymentProvider } from "./provider";

const notOnline = (name: CounterPayment) => () => {
  throw new Error(`${name} is paid at the counter: there is no online payment to start or webhook to read`);
};

/**
 * A box-office payment method as a provider: money taken at the counter goes back the same way,
 * by hand (cash from the till, a refund keyed on the card terminal, an invoice credited), so the
 * refund calls nobody and completes once the desk has recorded it.
 */
export function counterProvider(name: CounterPayment): PaymentProvider {
  return { name, start: notOnline(name), resume: notOnline(name), parseWebhook: notOnline(name), refund: async () => {} };
}
