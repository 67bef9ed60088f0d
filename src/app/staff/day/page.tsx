import type { Metadata } from "next";
import { DayBoard } from "@/components/staff/day/day-board";
import { DayPicker } from "@/components/staff/day/day-picker";
import { StaffRefusal } from "@/components/staff/staff-refusal";
import { isVenueDate, venueDateOf } from "@/domain/calendar/venue-time";
import { daySheet } from "@/domain/catalog/day-sheet";
import { staffPage } from "@/server/page-staff";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Day board" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** Door and up: a day's slots with what is sold, who is in and what is left for walk-ups, kept live. */
export default async function DayBoardPage({ searchParams }: Props) {
  const page = await staffPage("door", "/staff/day");
  if ("refused" in page) return <StaffRefusal {...page} />;
  const { ctx } = page;
  const zone = ctx.settings.venueTimeZone;
  const today = venueDateOf(ctx.now(), zone);
  const asked = (await searchParams).date;
  // A mistyped date in the address shows today rather than an error: the picker is right there.
  const date = typeof asked === "string" && isVenueDate(asked) ? asked : today;
  return (
    <div>
      <h1 className="font-serif text-3xl font-semibold text-ink">Day board</h1>
      <p className="mt-1 text-muted">Sold, checked in and places left for walk-ups, slot by slot, as they change. Times are the museum&rsquo;s.</p>
      <DayPicker date={date} today={today} />
      <DayBoard key={date} date={date} timeZone={zone} initial={await daySheet({ ctx, input: { date } })} />
    </div>
  );
}
