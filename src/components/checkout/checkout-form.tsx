"use client";

import { useId, useState } from "react";
import { TextField } from "../form/text-field";
import { useCart } from "../cart/cart-provider";

type Answer = { payment?: { redirectUrl: string }; error?: { message: string; fields?: Record<string, string> } };

/**
 * Contact details and "Pay". One Idempotency-Key per visit of the page, so a double click, or a
 * retry after a lost answer, makes one order.
 */
export function CheckoutForm({ name, email }: { name?: string; email?: string }) {
  const id = useId();
  const { cart } = useCart();
  const [idempotencyKey] = useState(() => crypto.randomUUID());
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});

  const submit = async (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    setFieldErrors({});
    try {
      const response = await fetch("/api/checkout", {
        method: "POST",
        headers: { "content-type": "application/json", "idempotency-key": idempotencyKey },
        body: JSON.stringify(Object.fromEntries(new FormData(event.currentTarget))),
      });
      const answer = (await response.json().catch(() => ({}))) as Answer;
      if (response.ok && answer.payment) return window.location.assign(answer.payment.redirectUrl);
      setError(answer.error?.message ?? "Something went wrong; please try again.");
      setFieldErrors(answer.error?.fields ?? {});
    } catch {
      setError("We could not reach the server. Check your connection and try again.");
    }
    setBusy(false);
  };

  if (!cart.items.some((item) => item.status === "held")) return null;
  return (
    <form onSubmit={submit} noValidate className="mt-8 space-y-5 rounded-xl border border-line bg-white p-5">
      <h2 className="font-serif text-2xl font-semibold text-ink">Your details</h2>
      <p className="text-sm text-muted">Your tickets are sent to this address.</p>
      {error && (
        <p role="alert" className="rounded-lg border border-sold/30 bg-sold/5 px-3 py-2 text-sm text-sold">
          {error}
        </p>
      )}
      <TextField formId={id} field={{ name: "name", label: "Name", type: "text", autoComplete: "name", defaultValue: name }} problem={fieldErrors.name} />
      <TextField formId={id} field={{ name: "email", label: "Email", type: "email", autoComplete: "email", defaultValue: email }} problem={fieldErrors.email} />
      <TextField formId={id} field={{ name: "phone", label: "Phone", type: "tel", autoComplete: "tel", required: false }} problem={fieldErrors.phone} />
      <button type="submit" disabled={busy} className="w-full rounded-lg bg-accent px-5 py-3 text-lg font-semibold text-white hover:bg-accent-dark disabled:opacity-50">
        Pay
      </button>
    </form>
  );
}
