import type { Ctx } from "../context";
import { selectPublishedExhibitions, toExhibition, type Exhibition } from "./exhibition-view";
import { showcaseOrder } from "./showcase-order";

/** Published exhibitions and shows in the home page's order (showcase-order.ts). */
export async function listExhibitions({ ctx }: { ctx: Ctx }): Promise<Exhibition[]> {
  const rows = await selectPublishedExhibitions(ctx);
  return rows.map((row) => toExhibition(row, ctx.settings.currency)).sort(showcaseOrder);
}
