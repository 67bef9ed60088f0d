import { z } from "zod";
import { lookupEmail, requestOrderLookup } from "@/domain/lookup/request-order-lookup";
import { readJson } from "@/server/http/body";
import { checkSameOrigin } from "@/server/http/origin";
import { limitLookups, mayMailLookup } from "@/server/http/rate-limit";
import { requestLocale } from "@/server/http/request-locale";
import { json, route } from "@/server/http/route";
import { kickOutboxSoon } from "@/server/outbox/outbox";

export const dynamic = "force-dynamic";

const body = z.object({ email: lookupEmail });

/** POST /api/orders/lookup: 202 with one body for every address; the outbox mails the links (or nothing). */
export const POST = route(async ({ ctx, request }) => {
  checkSameOrigin(request);
  await limitLookups(request);
  const { email } = await readJson(request, body);
  if (await mayMailLookup(email)) {
    await requestOrderLookup({ ctx, input: { email, locale: requestLocale(request.headers) } });
    kickOutboxSoon();
  }
  return json({ status: "accepted" }, { status: 202 });
});
