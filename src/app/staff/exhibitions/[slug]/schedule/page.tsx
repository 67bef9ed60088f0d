import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ScheduleEditor } from "@/components/staff/schedule/schedule-editor";
import { StaffRefusal } from "@/components/staff/staff-refusal";
import { venueDateOf } from "@/domain/calendar/venue-time";
import { isDomainError } from "@/domain/errors";
import { getSchedule } from "@/domain/schedule/get-schedule";
import { staffPage } from "@/server/page-staff";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Schedule" };

// What a new schedule starts from: the museum's usual day.
const STARTER = { rules: [{ weekdays: [1, 2, 3, 4, 5, 6, 7], from: "10:00", until: "18:00", everyMinutes: 30, capacity: 50 }], closedDates: [] };

/** Admin: an exhibition's weekly rules and closed dates, with a week's preview, saved through the API. */
export default async function SchedulePage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const page = await staffPage("admin", `/staff/exhibitions/${slug}/schedule`);
  if ("refused" in page) return <StaffRefusal {...page} />;
  const { ctx } = page;
  const found = await getSchedule({ ctx, input: { slug } }).catch((error: unknown) => {
    if (isDomainError(error) && error.code === "not_found") notFound();
    throw error;
  });
  const { exhibition, schedule } = found;
  const zone = ctx.settings.venueTimeZone;
  return (
    <div>
      <p className="text-sm">
        <Link href={`/staff/exhibitions/${exhibition.slug}`} className="text-accent underline-offset-4 hover:underline">
          {exhibition.title}
        </Link>
      </p>
      <h1 className="mt-1 font-serif text-3xl font-semibold text-ink">Schedule</h1>
      <p className="mt-1 max-w-3xl text-muted">
        Weekly rules make the time slots of the booking window, and keep making them as new days come into it. A change never removes or cuts a slot
        that has places held or sold: it says which it left. Times are the venue&rsquo;s ({zone}).
        {exhibition.status === "archived" && " This exhibition is archived: no slots are made for it."}
      </p>
      <ScheduleEditor
        slug={exhibition.slug}
        shape={{ kind: exhibition.kind, durationMinutes: exhibition.durationMinutes }}
        initial={schedule ?? STARTER}
        isNew={!schedule}
        timeZone={zone}
        today={venueDateOf(ctx.now(), zone)}
      />
    </div>
  );
}
