import { asc } from "drizzle-orm";
import { exhibitions } from "../../db/schema";
import type { Ctx } from "../context";
import { authorize } from "../staff/authorize";

/** Every exhibition, drafts and archived too, by title: what the admins' slot calendar can show. */
export async function slotExhibitions({ ctx }: { ctx: Ctx }): Promise<{ slug: string; title: string; status: string }[]> {
  authorize(ctx, "admin");
  return ctx.db.select({ slug: exhibitions.slug, title: exhibitions.title, status: exhibitions.status }).from(exhibitions).orderBy(asc(exhibitions.title));
}
