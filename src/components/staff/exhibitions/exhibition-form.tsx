"use client";

import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import type { StaffExhibition } from "@/domain/catalog-admin/staff-exhibition-view";
import { staffApi } from "../staff-api";
import { ImagePicker } from "./image-picker";
import { ActionMessage, useStaffAction } from "./use-staff-action";

const input = "mt-1 block w-full rounded-lg border border-line bg-white px-3 py-2 text-base text-ink focus:border-accent";

function Field({ id, label, hint, problem, children }: { id: string; label: string; hint?: string; problem?: string; children: (described?: string) => React.ReactNode }) {
  const described = [hint && `${id}-hint`, problem && `${id}-error`].filter(Boolean).join(" ") || undefined;
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-semibold text-ink">{label}</label>
      {children(described)}
      {hint && <p id={`${id}-hint`} className="mt-1 text-sm text-muted">{hint}</p>}
      {problem && <p id={`${id}-error`} className="mt-1 text-sm text-sold">{label} {problem}.</p>}
    </div>
  );
}

/** An exhibition's own fields: a new one is created as a draft, an existing one changed (only what changed is sent). */
export function ExhibitionForm({ exhibition }: { exhibition?: StaffExhibition }) {
  const id = useId();
  const router = useRouter();
  const { busy, message, fields, run } = useStaffAction();
  const [imageUrl, setImageUrl] = useState(exhibition?.imageUrl ?? "");
  const slugLocked = exhibition !== undefined && exhibition.status !== "draft";

  const submit = async (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = Object.fromEntries(new FormData(event.currentTarget)) as Record<string, string>;
    const values: Record<string, unknown> = { ...form, durationMinutes: Number(form.durationMinutes), imageUrl: imageUrl.trim() || undefined };
    if (!exhibition) {
      const made = await run(() => staffApi<{ exhibition: StaffExhibition }>("/api/staff/exhibitions", { method: "POST", body: values }), "Created as a draft.");
      if (made) router.push(`/staff/exhibitions/${made.exhibition.slug}`);
      return;
    }
    const changes = Object.fromEntries(Object.entries(values).filter(([key, value]) => value !== undefined && value !== exhibition[key as keyof StaffExhibition]));
    if (Object.keys(changes).length === 0) return;
    const saved = await run(() => staffApi<{ exhibition: StaffExhibition }>(`/api/staff/exhibitions/${exhibition.slug}`, { method: "PATCH", body: changes }), "Saved.");
    if (saved && saved.exhibition.slug !== exhibition.slug) router.replace(`/staff/exhibitions/${saved.exhibition.slug}`);
  };

  return (
    <form onSubmit={submit} noValidate className="space-y-4 rounded-xl border border-line bg-white p-5" aria-label={exhibition ? "Exhibition details" : "New exhibition"}>
      <Field id={`${id}-title`} label="Title" problem={fields.title}>
        {(described) => <input id={`${id}-title`} name="title" required defaultValue={exhibition?.title} aria-describedby={described} aria-invalid={fields.title ? true : undefined} className={input} />}
      </Field>
      <Field id={`${id}-slug`} label="Address (slug)" problem={fields.slug} hint={slugLocked ? "Fixed once published: links to it are out in e-mails and tickets." : "Lowercase words joined by hyphens, as in /exhibitions/monsoon-rivers."}>
        {(described) => <input id={`${id}-slug`} name="slug" required readOnly={slugLocked} defaultValue={exhibition?.slug} aria-describedby={described} aria-invalid={fields.slug ? true : undefined} className={`${input} read-only:bg-paper`} />}
      </Field>
      <Field id={`${id}-summary`} label="Summary" problem={fields.summary} hint="One or two sentences for the home page.">
        {(described) => <textarea id={`${id}-summary`} name="summary" required rows={2} defaultValue={exhibition?.summary} aria-describedby={described} aria-invalid={fields.summary ? true : undefined} className={input} />}
      </Field>
      <Field id={`${id}-description`} label="Description" problem={fields.description} hint="Paragraphs separated by an empty line.">
        {(described) => <textarea id={`${id}-description`} name="description" rows={6} defaultValue={exhibition?.description} aria-describedby={described} aria-invalid={fields.description ? true : undefined} className={input} />}
      </Field>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id={`${id}-kind`} label="Kind" problem={fields.kind}>
          {(described) => (
            <select id={`${id}-kind`} name="kind" defaultValue={exhibition?.kind ?? "exhibition"} aria-describedby={described} className={input}>
              <option value="exhibition">Exhibition</option>
              <option value="show">Show (planetarium, film)</option>
            </select>
          )}
        </Field>
        <Field id={`${id}-duration`} label="Duration in minutes" problem={fields.durationMinutes}>
          {(described) => <input id={`${id}-duration`} name="durationMinutes" type="number" min={1} max={1440} required defaultValue={exhibition?.durationMinutes ?? 60} aria-describedby={described} aria-invalid={fields.durationMinutes ? true : undefined} className={input} />}
        </Field>
      </div>
      <ImagePicker imageUrl={imageUrl} onChange={setImageUrl} problem={fields.imageUrl} />
      <div className="flex flex-wrap items-center gap-4">
        <button type="submit" disabled={busy} className="rounded-lg bg-accent px-5 py-2 font-semibold text-white hover:bg-accent-dark disabled:opacity-50">
          {exhibition ? "Save details" : "Create draft"}
        </button>
        <ActionMessage message={message} />
      </div>
    </form>
  );
}
