"use client";

import Link from "next/link";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import { useEffect, useId, useMemo, useRef, useState, useSyncExternalStore } from "react";
import { useCart } from "../cart/cart-provider";
import { formatMoney } from "../format";
import { TextField } from "../form/text-field";

type Values = Record<"name" | "email" | "phone", string>;
type Problems = Partial<Values>;
type Answer = { payment?: { redirectUrl: string }; error?: { code: string; message: string; fields?: Record<string, string> } };

const FIELDS: { name: keyof Values; type: string; autoComplete: string; required?: false }[] = [
  { name: "name", type: "text", autoComplete: "name" },
  { name: "email", type: "email", autoComplete: "email" },
  { name: "phone", type: "tel", autoComplete: "tel", required: false },
];
// This tab's own copy of what was typed, so a reload or an expiry loses nothing; sessionStorage,
// never localStorage: a buyer's details must not outlive the tab on a shared device.
const SAVED = "checkout-details";
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE = /^[+0-9 ()-]*$/;
const isField = (name: string): name is keyof Values => FIELDS.some((field) => field.name === name);
// Read after hydration only (the server has no sessionStorage); no other tab writes this tab's copy.
const savedDetails = () => sessionStorage.getItem(SAVED);
const noSubscription = () => () => {};

/**
 * Contact details and "Pay {amount}". The form stays while the holds run out and come back, with
 * what was typed. A failed "Pay" puts the focus on the error, which names what to fix. One
 * Idempotency-Key per visit of the page, so a double click, or a retry after a lost answer, makes one order.
 */
export function CheckoutForm({ name = "", email = "" }: { name?: string; email?: string }) {
  const id = useId();
  const t = useTranslations("checkout");
  const tCart = useTranslations("cart");
  const format = useFormatter();
  const locale = useLocale();
  const { cart } = useCart();
  const saved = useSyncExternalStore(noSubscription, savedDetails, () => null);
  const [typed, setTyped] = useState<Partial<Values>>({});
  const values = useMemo<Values>(() => ({ name, email, phone: "", ...(saved ? (JSON.parse(saved) as Partial<Values>) : {}), ...typed }), [name, email, saved, typed]);
  const [idempotencyKey, setIdempotencyKey] = useState(() => crypto.randomUUID());
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ message: string; problems: Problems }>();
  const alert = useRef<HTMLParagraphElement>(null);
  // The problems below are whole sentences already, in the page's language.
  const wording = { optional: t("optional"), problem: (_label: string, problem: string) => problem };

  useEffect(() => {
    // Back from the payment page may show this page as it was left: ready again, and a new visit.
    const restored = (event: PageTransitionEvent) => {
      if (!event.persisted) return;
      setBusy(false);
      setIdempotencyKey(crypto.randomUUID());
    };
    window.addEventListener("pageshow", restored);
    return () => window.removeEventListener("pageshow", restored);
  }, []);

  useEffect(() => {
    if (error) alert.current?.focus();
  }, [error]);

  const change = (field: keyof Values, value: string) => {
    setTyped({ ...typed, [field]: value });
    sessionStorage.setItem(SAVED, JSON.stringify({ ...values, [field]: value }));
  };

  const fail = (problems: Problems, message?: string) => {
    const named = FIELDS.filter((field) => problems[field.name]).map((field) => t(field.name));
    // A new object each time, so the focus goes to the error again after every failed "Pay".
    setError({ message: named.length > 0 ? t("checkFields", { fields: format.list(named, { type: "conjunction" }) }) : (message ?? tCart("failed")), problems });
  };

  const submit = async (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const problems = problemsOf(values);
    if (Object.keys(problems).length > 0) return fail(problems);
    setBusy(true);
    try {
      const response = await fetch("/api/checkout", {
        method: "POST",
        headers: { "content-type": "application/json", "idempotency-key": idempotencyKey },
        body: JSON.stringify({ name: values.name, email: values.email, ...(values.phone.trim() && { phone: values.phone }) }),
      });
      const answer = (await response.json().catch(() => ({}))) as Answer;
      if (response.ok && answer.payment) {
        sessionStorage.removeItem(SAVED);
        return window.location.assign(answer.payment.redirectUrl);
      }
      const fields = Object.entries(answer.error?.fields ?? {}).filter(([field]) => isField(field));
      fail(Object.fromEntries(fields.map(([field, problem]) => [field, `${t(field as keyof Values)} ${problem}.`])), answer.error?.message);
    } catch {
      fail({}, tCart("offline"));
    }
    setBusy(false);
  };

  function problemsOf({ name, email, phone }: Values): Problems {
    const problems: Problems = {};
    if (!name.trim()) problems.name = t("nameMissing");
    else if (name.trim().length > 100) problems.name = t("nameTooLong");
    if (!EMAIL.test(email.trim())) problems.email = t("emailInvalid");
    if (phone.trim().length > 30 || !PHONE.test(phone.trim())) problems.phone = t("phoneInvalid");
    return problems;
  }

  if (cart.items.length === 0) return null;
  const payable = cart.items.some((item) => item.status === "held");
  return (
    <form onSubmit={submit} noValidate className="mt-4 space-y-4 rounded-xl border border-line bg-white p-5">
      <div>
        <h2 className="font-serif text-2xl font-semibold text-ink">{t("details")}</h2>
        <p className="text-sm text-muted">{t("detailsNote")}</p>
      </div>
      {error && (
        <p ref={alert} role="alert" tabIndex={-1} className="rounded-lg border border-sold/30 bg-sold/5 px-3 py-2 text-sm text-sold" data-testid="checkout-error">
          {error.message}
        </p>
      )}
      {FIELDS.map((field) => (
        <TextField
          key={field.name}
          formId={id}
          field={{ ...field, label: t(field.name), value: values[field.name], onChange: (value) => change(field.name, value) }}
          problem={error?.problems[field.name]}
          wording={wording}
        />
      ))}
      <div>
        <button type="submit" disabled={busy || !payable} className="w-full rounded-lg bg-accent px-5 py-3 text-lg font-semibold text-white hover:bg-accent-dark disabled:opacity-50">
          {t("pay", { amount: formatMoney(cart.total, locale) })}
        </button>
        {!payable && <p className="mt-2 text-sm text-warn">{t("holdFirst")}</p>}
        <p className="mt-2 text-sm text-muted">
          {t.rich("terms", {
            link: (chunks) => (
              <Link href="/terms" className="text-accent underline underline-offset-4">
                {chunks}
              </Link>
            ),
          })}
        </p>
      </div>
    </form>
  );
}
