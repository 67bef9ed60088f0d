"use client";

import { useId, useState } from "react";
import { problemMessage, staffApi } from "../staff-api";

/** The exhibition's picture: an address typed in (https://…), or a file uploaded here, which gives one. */
export function ImagePicker({ imageUrl, onChange, problem }: { imageUrl: string; onChange: (url: string) => void; problem?: string }) {
  const id = useId();
  const [status, setStatus] = useState<{ text: string; ok: boolean } | undefined>();

  const upload = async (event: React.ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    if (!file) return;
    setStatus({ text: `Uploading ${file.name}…`, ok: true });
    try {
      const { imageUrl: uploaded } = await staffApi<{ imageUrl: string }>("/api/staff/images", { method: "POST", body: file });
      onChange(uploaded);
      setStatus({ text: `Uploaded ${file.name}. Save to use it.`, ok: true });
    } catch (error) {
      setStatus({ text: problemMessage(error), ok: false });
    }
    event.target.value = "";
  };

  return (
    <fieldset className="space-y-3">
      <legend className="text-sm font-semibold text-ink">Image</legend>
      <div className="flex flex-wrap items-start gap-4">
        {imageUrl && (
          // eslint-disable-next-line @next/next/no-img-element -- an uploaded file or an address typed in: nothing to optimise at build time
          <img src={imageUrl} alt="" width={160} height={90} className="aspect-[16/9] w-40 rounded-lg border border-line object-cover" />
        )}
        <div className="min-w-60 flex-1 space-y-3">
          <div>
            <label htmlFor={`${id}-url`} className="block text-sm text-ink">Address of the image</label>
            <input
              id={`${id}-url`}
              value={imageUrl}
              onChange={(event) => onChange(event.target.value)}
              placeholder="https://…"
              aria-describedby={`${id}-hint${problem ? ` ${id}-error` : ""}`}
              aria-invalid={problem ? true : undefined}
              className="mt-1 block w-full rounded-lg border border-line bg-white px-3 py-2 text-base text-ink focus:border-accent"
            />
            <p id={`${id}-hint`} className="mt-1 text-sm text-muted">An https:// address, or upload a file below. Empty: a neutral placeholder.</p>
            {problem && <p id={`${id}-error`} className="mt-1 text-sm text-sold">The image {problem}.</p>}
          </div>
          <div>
            <label htmlFor={`${id}-file`} className="block text-sm text-ink">Upload a PNG, JPEG or WebP file (at most 2 MiB)</label>
            <input id={`${id}-file`} type="file" accept="image/png,image/jpeg,image/webp" onChange={upload} className="mt-1 block text-sm" />
          </div>
        </div>
      </div>
      <p role="status" aria-live="polite" className={`min-h-5 text-sm ${status?.ok === false ? "text-sold" : "text-muted"}`}>{status?.text}</p>
    </fieldset>
  );
}
