import type { Metadata } from "next";
import { SlotsBoard } from "@/components/staff/slots/slots-board";
import { StaffRefusal } from "@/components/staff/staff-refusal";
import { venueDateOf } from "@/domain/calendar/venue-time";
import { slotExhibitions } from "@/domain/slots/slot-exhibitions";
import { staffPage } from "@/server/page-staff";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Slots" };

/** Admins: a day's or a week's slots of an exhibition, their capacity, sales and cancelling. */
export default async function StaffSlotsPage() {
  const page = await staffPage("admin", "/staff/slots");
  if ("refused" in page) return <StaffRefusal {...page} />;
  const { ctx } = page;
  const zone = ctx.settings.venueTimeZone;
  return (
    <div>
      <h1 className="font-serif text-3xl font-semibold text-ink">Slots</h1>
      <p className="mt-1 text-muted">Capacity, sales and cancellations, day by day. Times are the museum&rsquo;s.</p>
      <SlotsBoard exhibitions={await slotExhibitions({ ctx })} today={venueDateOf(ctx.now(), zone)} timeZone={zone} />
    </div>
  );
}
