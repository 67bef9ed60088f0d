"use client";

import type { StaffExhibition } from "@/domain/catalog-admin/staff-exhibition-view";
import { staffApi } from "../staff-api";
import { ActionMessage, useStaffAction } from "./use-staff-action";

type Status = StaffExhibition["status"];

const MOVES: Record<Status, { to: Status; label: string; done: string }[]> = {
  draft: [
    { to: "published", label: "Publish", done: "Published: visitors can see it and book." },
    { to: "archived", label: "Archive", done: "Archived." },
  ],
  published: [
    { to: "draft", label: "Unpublish (back to draft)", done: "Unpublished: back to draft, tickets sold stay valid." },
    { to: "archived", label: "Archive", done: "Archived: off the site, orders and tickets kept." },
  ],
  archived: [{ to: "draft", label: "Restore as draft", done: "Restored as a draft." }],
};

/** Publish, unpublish, archive: there is no delete, an exhibition leaves the site by being archived. */
export function StatusActions({ exhibition }: { exhibition: StaffExhibition }) {
  const { busy, message, run } = useStaffAction();
  return (
    <div className="rounded-xl border border-line bg-white p-5">
      <p className="text-sm text-ink">
        Status: <strong className="capitalize" data-testid="exhibition-status">{exhibition.status}</strong>
      </p>
      <div className="mt-3 flex flex-wrap gap-3">
        {MOVES[exhibition.status].map((move) => (
          <button
            key={move.to}
            type="button"
            disabled={busy}
            onClick={() => run(() => staffApi(`/api/staff/exhibitions/${exhibition.slug}`, { method: "PATCH", body: { status: move.to } }), move.done)}
            className={`rounded-lg px-4 py-2 font-semibold disabled:opacity-50 ${move.to === "published" ? "bg-accent text-white hover:bg-accent-dark" : "border border-line bg-white text-ink hover:border-accent"}`}
          >
            {move.label}
          </button>
        ))}
      </div>
      <p className="mt-2 text-sm text-muted">Exhibitions are never deleted: archiving takes one off the site and keeps its orders and tickets.</p>
      <ActionMessage message={message} />
    </div>
  );
}
