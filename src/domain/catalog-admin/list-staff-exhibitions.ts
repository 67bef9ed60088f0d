import type { Ctx } from "../context";
import { authorize } from "../staff/authorize";
import { loadStaffExhibitions, type StaffExhibition } from "./staff-exhibition-view";

/** Every exhibition, drafts and archived ones too, with all their ticket types and schedules (admin). */
export async function listStaffExhibitions({ ctx }: { ctx: Ctx }): Promise<StaffExhibition[]> {
  authorize(ctx, "admin");
  return loadStaffExhibitions(ctx.db, ctx.settings.currency);
}
