"use client";

import Script from "next/script";
import { useState } from "react";

type RazorpayCheckout = { open: () => void };
declare global {
  interface Window {
    Razorpay?: new (options: Record<string, unknown>) => RazorpayCheckout;
  }
}

/** Opens Razorpay's checkout; the webhook, not this page, decides that the order is paid. */
export function RazorpayButton({ options, orderUrl, label }: { options: Record<string, unknown>; orderUrl: string; label: string }) {
  const [ready, setReady] = useState(false);
  const open = () => {
    if (!window.Razorpay) return;
    new window.Razorpay({ ...options, handler: () => window.location.assign(orderUrl) }).open();
  };
  return (
    <>
      <Script src="https://checkout.razorpay.com/v1/checkout.js" onReady={() => setReady(true)} />
      <button type="button" disabled={!ready} onClick={open} className="mt-6 rounded-lg bg-accent px-6 py-3 font-semibold text-white hover:bg-accent-dark disabled:opacity-50">
        {label}
      </button>
    </>
  );
}
