import type { Metadata } from "next";
import Link from "next/link";
import { sectionsFor } from "@/components/staff/staff-sections";
import { pageUser } from "@/server/page-user";

export const metadata: Metadata = { title: { default: "Staff console", template: "%s — Staff console" }, robots: { index: false } };

/** The console's frame: a section nav with only what the signed-in role may use (the pages check again). */
export default async function StaffLayout({ children }: { children: React.ReactNode }) {
  const user = await pageUser();
  const sections = user ? sectionsFor(user.role) : [];
  return (
    <div className="mx-auto max-w-6xl px-4 py-6">
      {sections.length > 0 && (
        <nav aria-label="Staff console" className="mb-6 border-b border-line pb-3">
          <ul className="flex flex-wrap gap-2 text-sm font-semibold">
            {sections.map((section) => (
              <li key={section.href}>
                <Link href={section.href} className="inline-block rounded-lg px-3 py-2 text-ink hover:bg-white">
                  {section.label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      )}
      {children}
    </div>
  );
}
