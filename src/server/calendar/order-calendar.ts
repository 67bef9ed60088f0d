import type { Order } from "@/domain/checkout/order-view";
import { VENUE } from "@/domain/venue";
import { config } from "../config";
import { orderPath } from "../order-access";
import { entryWindowText, localeOf, visitInfoFor, visitsOf } from "../visit-info";
import { icalendar } from "./icalendar";

/**
 * An order's visits as iCalendar: one event per slot its tickets admit to, in the order's language,
 * from the slot's start to its end (UTC). The UID is the order's and the slot's, so a second download
 * updates the event in the visitor's calendar rather than adding another.
 */
export function orderCalendar(order: Order, now: Date): string {
  const locale = localeOf(order.locale);
  const visit = visitInfoFor(locale);
  const { publicUrl } = config();
  const url = `${publicUrl}${orderPath(order.id)}`;
  const host = new URL(publicUrl).hostname;
  const events = visitsOf(order.tickets).map((slot) => ({
    uid: `order-${order.id}-slot-${slot.slotId}@${host}`,
    start: new Date(slot.startsAt),
    end: new Date(slot.endsAt),
    summary: `${slot.title}, ${VENUE.name}`,
    location: visit.address,
    description: [entryWindowText(slot, locale), visit.bring, visit.accessibility, visit.mapUrl, url].join("\n\n"),
    url,
  }));
  return icalendar(events, `-//${VENUE.name}//Tickets//EN`, now);
}
