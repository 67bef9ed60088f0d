import type { Role } from "@/domain/context";
import { roleIncludes, type StaffRole } from "@/domain/staff/authorize";

export type StaffSection = { href: string; label: string; role: StaffRole; about: string };

/** The console's sections and the least role each needs: the nav and the console's home show only what the role may use. */
export const STAFF_SECTIONS: readonly StaffSection[] = [
  { href: "/staff", label: "Today", role: "door", about: "Today's slots with their places held, sold and left." },
  { href: "/staff/door", label: "Door", role: "door", about: "Scan tickets in at a gate, with the camera or a handheld scanner, online or offline." },
  { href: "/staff/day", label: "Day board", role: "door", about: "A day's slots, live: sold, checked in, still to come and places left for walk-ups." },
  { href: "/staff/orders", label: "Orders", role: "staff", about: "Find a booking by number, ticket code, name or e-mail; refund, move or resend it." },
  { href: "/staff/box-office", label: "Box office", role: "staff", about: "Sell today's tickets at the counter: cash, card terminal or invoice, printed or e-mailed, and your till." },
  { href: "/staff/reports", label: "Reports", role: "staff", about: "Sales, occupancy, no-shows and the booking funnel, with charts and CSV." },
  { href: "/staff/exhibitions", label: "Exhibitions", role: "admin", about: "Create and publish exhibitions, set prices and the home page order." },
  { href: "/staff/slots", label: "Slots", role: "admin", about: "Capacity, closing sales and cancelling a slot, day by day." },
  { href: "/staff/users", label: "Staff accounts", role: "admin", about: "Give people access to the console, change roles, disable accounts." },
  { href: "/staff/audit", label: "Audit log", role: "admin", about: "Every change made in the console: who, when, before and after." },
];

export const sectionsFor = (role: Role) => STAFF_SECTIONS.filter((section) => roleIncludes(role, section.role));
