import type { Ctx } from "../context";
import { authorize } from "../staff/authorize";
import { exhibitionSchedule } from "./schedule-view";

/** An exhibition's schedule for the console (admin): null when it has none yet. 404 for an unknown exhibition. */
export async function getSchedule({ ctx, input }: { ctx: Ctx; input: { slug: string } }) {
  authorize(ctx, "admin");
  return exhibitionSchedule(ctx.db, input.slug);
}
