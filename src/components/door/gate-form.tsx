"use client";

import { useState } from "react";

/** The gate this device stands at: asked once, kept on the device, changeable. */
export function GateForm({ gate, onSave, onCancel }: { gate: string | undefined; onSave: (gate: string) => void; onCancel?: () => void }) {
  const [name, setName] = useState(gate ?? "");
  return (
    <form
      aria-label="Gate"
      className="flex flex-wrap items-end gap-3 rounded-xl border border-line bg-white p-4"
      onSubmit={(event) => {
        event.preventDefault();
        if (name.trim()) onSave(name.trim());
      }}
    >
      <label className="flex flex-col text-sm font-semibold text-ink">
        Gate name
        <input value={name} onChange={(event) => setName(event.target.value)} required maxLength={60} placeholder="Main entrance" className="mt-1 w-64 rounded-lg border border-line bg-white px-3 py-2 font-normal" />
      </label>
      <button type="submit" className="rounded-lg bg-accent px-4 py-2 font-semibold text-white hover:bg-accent-dark">
        Save gate
      </button>
      {onCancel && (
        <button type="button" onClick={onCancel} className="rounded-lg border border-line px-4 py-2 font-semibold text-ink">
          Cancel
        </button>
      )}
    </form>
  );
}
