import { isCounterPayment } from "@/domain/box-office/sale-input";
import { authSecret, config } from "../config";
import { counterProvider } from "./counter-provider";
import { processSingleton } from "../shared";
import type { PaymentProvider } from "./provider";
import { razorpayProvider } from "./razorpay-provider";
import { stripeProvider } from "./stripe-provider";
import { testProvider } from "./test-provider";

/** The built-in test provider (its signing key comes from AUTH_SECRET). */
export const theTestProvider = () => processSingleton("test-payment-provider", () => testProvider(authSecret()));

/** The provider an order was placed with: refunds go back the way the money came. */
export function providerOf(name: string): PaymentProvider {
  if (name === "test") return theTestProvider();
  if (isCounterPayment(name)) return counterProvider(name);
  const configured = paymentProvider();
  if (configured.name !== name) throw new Error(`the ${name} provider is not configured (PAYMENT_PROVIDER=${configured.name})`);
  return configured;
}

/** The provider PAYMENT_PROVIDER names, with the keys the config has checked are there. */
export function paymentProvider(): PaymentProvider {
  return processSingleton("payment-provider", () => {
    const c = config();
    if (c.paymentProvider === "stripe") return stripeProvider({ secretKey: c.stripe.secretKey!, webhookSecret: c.stripe.webhookSecret! });
    if (c.paymentProvider === "razorpay") return razorpayProvider({ keyId: c.razorpay.keyId!, keySecret: c.razorpay.keySecret!, webhookSecret: c.razorpay.webhookSecret! });
    return theTestProvider();
  });
}
