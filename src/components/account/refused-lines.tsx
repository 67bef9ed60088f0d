import { venueDateOf } from "@/domain/calendar/venue-time";
import type { RefusedLine } from "@/domain/cart/merge-carts";
import { formatDay, formatTime } from "../format";

const WHY: Record<RefusedLine["reason"], string> = {
  limit_exceeded: "over the limit of tickets per time slot",
  insufficient_capacity: "no places left",
  slot_closed: "no longer on sale",
};

/** The tickets from the guest cart that did not fit into the account's cart, and why. */
export function RefusedLines({ lines, timeZone }: { lines: RefusedLine[]; timeZone: string }) {
  return (
    <div role="status" className="rounded-xl border border-warn/40 bg-warn/5 p-5" data-testid="refused-lines">
      <h2 className="font-semibold text-warn">Some tickets could not be added to your account&rsquo;s cart</h2>
      <ul className="mt-3 space-y-1 text-sm text-ink">
        {lines.map((line) => (
          <li key={`${line.slotId}-${line.ticketTypeId}-${line.reason}`}>
            {line.quantity} × {line.ticketType.name}, {line.exhibition.title}, {formatDay(venueDateOf(new Date(line.startsAt), timeZone))} {formatTime(line.startsAt, timeZone)}: {WHY[line.reason]}
          </li>
        ))}
      </ul>
    </div>
  );
}
