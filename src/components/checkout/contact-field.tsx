"use client";

import { useTranslations } from "next-intl";

export type ContactFieldSpec = { name: "name" | "email" | "phone"; type: string; autoComplete: string; optional?: boolean };

/** One controlled field of the checkout form, with its problem tied to it for screen readers. */
export function ContactField({ formId, field, value, problem, onChange }: { formId: string; field: ContactFieldSpec; value: string; problem?: string; onChange: (value: string) => void }) {
  const t = useTranslations("checkout");
  const id = `${formId}-${field.name}`;
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-semibold text-ink">
        {t(field.name)}
        {field.optional && <span className="font-normal text-muted"> {t("optional")}</span>}
      </label>
      <input
        id={id}
        name={field.name}
        type={field.type}
        autoComplete={field.autoComplete}
        required={!field.optional}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={problem ? true : undefined}
        aria-describedby={problem ? `${id}-error` : undefined}
        className="mt-1 block w-full rounded-lg border border-line bg-white px-3 py-2 text-base text-ink focus:border-accent"
      />
      {problem && (
        <p id={`${id}-error`} className="mt-1 text-sm text-sold">
          {problem}
        </p>
      )}
    </div>
  );
}
