import type { Slot } from "@/domain/catalog/list-slots";
import { formatTime } from "./format";

const LABEL: Record<Slot["status"], (slot: Slot) => string> = {
  open: (slot) => `${slot.available} places left`,
  few_left: (slot) => `Only ${slot.available} ${slot.available === 1 ? "place" : "places"} left`,
  sold_out: () => "Sold out",
  closed: () => "Closed",
};

const STYLE: Record<Slot["status"], string> = {
  open: "text-ok",
  few_left: "text-warn font-semibold",
  sold_out: "text-sold font-semibold",
  closed: "text-muted",
};

export function SlotList({ slots, timeZone }: { slots: Slot[]; timeZone: string }) {
  if (slots.length === 0) return <p className="mt-4 text-muted">There are no times on this day.</p>;
  return (
    <ul className="mt-4 grid grid-cols-2 gap-2" data-testid="slot-list">
      {slots.map((slot) => (
        <li
          key={slot.id}
          data-slot-id={slot.id}
          data-status={slot.status}
          className={`flex flex-col gap-0.5 rounded-lg border px-3 py-2.5 ${
            slot.status === "sold_out" || slot.status === "closed" ? "border-line bg-paper" : "border-line bg-white"
          }`}
        >
          <span className="font-semibold tabular-nums text-ink">
            <time dateTime={slot.startsAt}>{formatTime(slot.startsAt, timeZone)}</time>
            <span className="sr-only"> to </span>
            <span aria-hidden="true">–</span>
            <time dateTime={slot.endsAt}>{formatTime(slot.endsAt, timeZone)}</time>
          </span>
          <span className={`text-xs ${STYLE[slot.status]}`}>{LABEL[slot.status](slot)}</span>
        </li>
      ))}
    </ul>
  );
}
