import { eq } from "drizzle-orm";
import { exhibitions } from "../../db/schema";
import type { Ctx } from "../context";
import { DomainError } from "../errors";
import { authorize } from "../staff/authorize";
import { loadStaffExhibitions, type StaffExhibition } from "./staff-exhibition-view";

/** Every exhibition, drafts and archived ones too, with all their ticket types and schedules (admin). */
export async function listStaffExhibitions({ ctx }: { ctx: Ctx }): Promise<StaffExhibition[]> {
  authorize(ctx, "admin");
  return loadStaffExhibitions(ctx.db, ctx.settings.currency);
}

/** One exhibition, whatever its status, as the console sees it (admin). */
export async function getStaffExhibition({ ctx, input }: { ctx: Ctx; input: { slug: string } }): Promise<StaffExhibition> {
  authorize(ctx, "admin");
  const [exhibition] = await loadStaffExhibitions(ctx.db, ctx.settings.currency, eq(exhibitions.slug, input.slug));
  if (!exhibition) throw new DomainError("not_found", "There is no such exhibition.");
  return exhibition;
}
