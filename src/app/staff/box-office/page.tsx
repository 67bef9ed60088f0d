import type { Metadata } from "next";
import { BoxOffice } from "@/components/staff/box-office/box-office";
import { TillCard } from "@/components/staff/box-office/till-card";
import { StaffRefusal } from "@/components/staff/staff-refusal";
import { counterDay } from "@/domain/box-office/counter-day";
import { tillSummary } from "@/domain/box-office/till-summary";
import { venueDateOf } from "@/domain/calendar/venue-time";
import { staffPage } from "@/server/page-staff";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Box office" };

/** Staff: selling at the counter today, and the signed-in seller's till for the day. */
export default async function BoxOfficePage() {
  const page = await staffPage("staff", "/staff/box-office");
  if ("refused" in page) return <StaffRefusal {...page} />;
  const { ctx } = page;
  const zone = ctx.settings.venueTimeZone;
  const today = venueDateOf(ctx.now(), zone);
  const [exhibitions, till] = await Promise.all([counterDay({ ctx, input: { date: today } }), tillSummary({ ctx, input: { date: today, staff: "me" } })]);
  return (
    <div>
      <h1 className="font-serif text-3xl font-semibold text-ink">Box office</h1>
      <p className="mt-1 text-muted">Sell today&rsquo;s tickets at the counter: pick the time, the tickets, then how they pay. Groups of any size up to 500; never more than the places left.</p>
      <BoxOffice exhibitions={exhibitions} timeZone={zone} currency={ctx.settings.currency} now={ctx.now().toISOString()} />
      <TillCard till={till} />
    </div>
  );
}
