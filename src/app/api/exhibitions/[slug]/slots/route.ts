import { z } from "zod";
import { listSlots } from "@/domain/catalog/list-slots";
import { parseQuery } from "@/server/http/query";
import { json, route } from "@/server/http/route";
import { venueDay } from "@/server/http/schemas";

export const dynamic = "force-dynamic";

const query = z.object({ from: venueDay().optional(), to: venueDay().optional() });

export const GET = route<{ slug: string }>(async ({ ctx, params, request }) => {
  const { from, to } = parseQuery(request, query);
  return json({ slots: await listSlots({ ctx, input: { slug: params.slug, from, to } }) });
});
