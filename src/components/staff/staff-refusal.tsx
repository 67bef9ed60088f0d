import Link from "next/link";
import type { StaffRole } from "@/domain/staff/authorize";

/**
 * What a console page shows to a signed-in account whose role may not use it (the API answers 403),
 * or that has read too much in a short time (`tooMany`, the API's 429 message).
 */
export function StaffRefusal({ role, tooMany }: { role: StaffRole; tooMany?: string | undefined }) {
  return (
    <div className="mx-auto max-w-2xl px-4 py-16 text-center" data-testid="staff-refused">
      <p className="text-sm font-semibold uppercase tracking-widest text-accent">{tooMany ? "429" : "403"}</p>
      <h1 className="mt-3 font-serif text-3xl font-semibold text-ink">{tooMany ? "Slow down a moment" : `This page is for ${role === "admin" ? "administrators" : `${role} staff`}`}</h1>
      <p role={tooMany ? "alert" : undefined} className="mt-4 text-muted">
        {tooMany ?? "Your account cannot use it. Ask an administrator if you need access."}
      </p>
      <Link href="/" className="mt-8 inline-block rounded-lg border border-line bg-white px-5 py-3 font-semibold text-ink hover:border-accent">
        Back to the museum&rsquo;s site
      </Link>
    </div>
  );
}
