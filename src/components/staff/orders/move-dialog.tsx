"use client";

import { useEffect, useState } from "react";
import { formatDay, formatTime } from "@/components/format";
import { venueDateOf } from "@/domain/calendar/venue-time";
import type { StaffOrder } from "@/domain/desk/staff-order-view";
import { problemMessage, staffApi } from "../staff-api";
import { DeskDialog } from "./desk-dialog";

type Slot = { id: string; startsAt: string; available: number; status: string };

/** Moving the chosen tickets (or every valid one) to another time of the same exhibition: its coming slots with room for them, from the public listing. */
export function MoveDialog({ order, ticketIds, timeZone, onClose, onDone }: { order: StaffOrder; ticketIds: string[]; timeZone: string; onClose: () => void; onDone: (order: StaffOrder, message: string) => void }) {
  const moving = order.tickets.filter((ticket) => ticket.status === "valid" && (ticketIds.length === 0 || ticketIds.includes(ticket.id)));
  const slug = moving[0]?.exhibition.slug;
  const [targets, setTargets] = useState<Slot[]>();
  const [toSlotId, setToSlotId] = useState("");
  const [problem, setProblem] = useState<string>();
  const label = (slot: Slot) => `${formatDay(venueDateOf(new Date(slot.startsAt), timeZone))} ${formatTime(slot.startsAt, timeZone)}`;
  const tickets = `${moving.length} ticket${moving.length === 1 ? "" : "s"}`;

  useEffect(() => {
    if (!slug) return;
    const from = new Set(moving.map((ticket) => ticket.slotId));
    staffApi<{ slots: Slot[] }>(`/api/exhibitions/${slug}/slots`)
      .then(({ slots }) => {
        const fitting = slots.filter((slot) => !from.has(slot.id) && slot.available >= moving.length && Date.parse(slot.startsAt) > Date.now());
        setTargets(fitting);
        setToSlotId(fitting[0]?.id ?? "");
      })
      .catch((error: unknown) => setProblem(problemMessage(error)));
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the choice is fixed while the dialog is open
  }, [slug]);

  async function move() {
    const answer = await staffApi<{ order: StaffOrder }>(`/api/staff/orders/${order.id}/move`, { method: "POST", body: { toSlotId, ...(ticketIds.length > 0 ? { ticketIds } : {}) } });
    const to = targets?.find((slot) => slot.id === toSlotId);
    onDone(answer.order, `Moved ${tickets}${to ? ` to ${label(to)}` : ""}, with new codes; ${order.name} is being e-mailed the new tickets.`);
  }

  return (
    <DeskDialog name="move" title={`Move ${tickets} of order ${order.number}`} about="The moved tickets get new codes; the old ones stop admitting." submit="Move" keep="Keep the time" tone="plain" ready={toSlotId !== ""} act={move} onClose={onClose}>
      <div>
        <label htmlFor="move-to" className="block text-sm font-semibold">Move to</label>
        <select id="move-to" value={toSlotId} onChange={(event) => setToSlotId(event.target.value)} className="mt-1 w-full rounded-lg border border-line bg-white px-3 py-2" disabled={!targets?.length}>
          {targets?.map((slot) => (
            <option key={slot.id} value={slot.id}>
              {label(slot)} — {slot.available} left
            </option>
          ))}
        </select>
        {targets?.length === 0 && <p className="mt-1 text-sm text-muted">No coming slot of this exhibition has room for them.</p>}
        {problem && <p role="alert" className="mt-1 text-sm text-sold">{problem}</p>}
      </div>
    </DeskDialog>
  );
}
