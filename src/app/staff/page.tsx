import Link from "next/link";
import { formatTime } from "@/components/format";
import { StaffRefusal } from "@/components/staff/staff-refusal";
import { sectionsFor } from "@/components/staff/staff-sections";
import { venueDateOf } from "@/domain/calendar/venue-time";
import { daySheet } from "@/domain/catalog/day-sheet";
import { staffPage } from "@/server/page-staff";

export const dynamic = "force-dynamic";

/** The console's home: what this role may do, and today's slots at a glance. */
export default async function StaffHome() {
  const page = await staffPage("door", "/staff");
  if ("refused" in page) return <StaffRefusal {...page} />;
  const { ctx, actor } = page;
  const zone = ctx.settings.venueTimeZone;
  const slots = await daySheet({ ctx, input: { date: venueDateOf(ctx.now(), zone) } });
  return (
    <div>
      <h1 className="font-serif text-3xl font-semibold text-ink">Staff console</h1>
      <p className="mt-1 text-muted">Signed in as {actor.email}.</p>
      <ul className="mt-6 grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
        {sectionsFor(actor.role)
          .filter((section) => section.href !== "/staff")
          .map((section) => (
            <li key={section.href} className="rounded-xl border border-line bg-white p-4">
              <Link href={section.href} className="font-semibold text-accent underline-offset-4 hover:underline">
                {section.label}
              </Link>
              <p className="mt-1 text-sm text-muted">{section.about}</p>
            </li>
          ))}
      </ul>
      <h2 className="mt-10 font-serif text-2xl font-semibold text-ink">Today</h2>
      {slots.length === 0 ? (
        <p className="mt-2 text-muted">No slots today.</p>
      ) : (
        <table className="mt-3 w-full border-collapse text-sm" data-testid="today-slots">
          <thead>
            <tr className="border-b border-line text-left">
              <th scope="col" className="py-2 pr-3">Time</th>
              <th scope="col" className="py-2 pr-3">Exhibition</th>
              <th scope="col" className="py-2 pr-3 text-right">Capacity</th>
              <th scope="col" className="py-2 pr-3 text-right">Held</th>
              <th scope="col" className="py-2 pr-3 text-right">Sold</th>
              <th scope="col" className="py-2 text-right">Left</th>
            </tr>
          </thead>
          <tbody>
            {slots.map((slot) => (
              <tr key={slot.id} className="border-b border-line/60">
                <td className="py-2 pr-3">{formatTime(slot.startsAt, zone)}</td>
                <td className="py-2 pr-3">{slot.exhibition.title}{slot.status !== "open" && <span className="ml-2 text-warn">({slot.status})</span>}</td>
                <td className="py-2 pr-3 text-right">{slot.capacity}</td>
                <td className="py-2 pr-3 text-right">{slot.held}</td>
                <td className="py-2 pr-3 text-right">{slot.sold}</td>
                <td className="py-2 text-right">{Math.max(0, slot.capacity - slot.held - slot.sold)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
