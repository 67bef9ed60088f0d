import type { Metadata } from "next";
import { DoorScanner } from "@/components/door/door-scanner";
import { StaffRefusal } from "@/components/staff/staff-refusal";
import { staffPage } from "@/server/page-staff";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Door", manifest: "/door.webmanifest" };

/** Door and up: the scanner that checks tickets in, online or not. */
export default async function DoorPage() {
  const page = await staffPage("door", "/staff/door");
  if ("refused" in page) return <StaffRefusal {...page} />;
  return (
    <div>
      <h1 className="font-serif text-3xl font-semibold text-ink">Door</h1>
      <p className="mt-1 mb-6 text-muted">Scan tickets with the camera or a handheld scanner, or type a code. Works without a network once the page has loaded today.</p>
      <DoorScanner zone={page.ctx.settings.venueTimeZone} />
    </div>
  );
}
