import { funnelEvents } from "../../db/schema";
import type { Ctx } from "../context";
import type { FunnelEvent } from "./events";

/**
 * Records funnel events with one INSERT in ctx's transaction (the one making the change they
 * record), and tells ctx's observer, which withTransaction holds back until the commit.
 */
export async function recordFunnel(ctx: Ctx, events: readonly FunnelEvent[]): Promise<void> {
  if (events.length === 0) return;
  const at = ctx.now();
  await ctx.db.insert(funnelEvents).values(events.map((event) => ({ ...event, at })));
  ctx.funnel?.(events);
}
