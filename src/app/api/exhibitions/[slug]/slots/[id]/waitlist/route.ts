import { z } from "zod";
import { joinWaitlist } from "@/domain/waitlist/join-waitlist";
import { readJson } from "@/server/http/body";
import { checkSameOrigin } from "@/server/http/origin";
import { limitWaitlistJoins } from "@/server/http/rate-limit";
import { requestLocale } from "@/server/http/request-locale";
import { json, route } from "@/server/http/route";
import { isUuid, quantity, uuid } from "@/server/http/schemas";
import { DomainError } from "@/domain/errors";

export const dynamic = "force-dynamic";

const body = z.object({
  email: z.string("must be an email address").trim().toLowerCase().max(254, "is too long").pipe(z.email("must be an email address")),
  quantity: quantity(),
  ticketTypeId: uuid("ticket type").optional(),
});

export const POST = route<{ slug: string; id: string }>(async ({ ctx, params, request }) => {
  checkSameOrigin(request);
  const input = await readJson(request, body);
  if (!isUuid(params.id)) throw new DomainError("not_found", "There is no such time slot.");
  await limitWaitlistJoins(request, input.email);
  const joined = await joinWaitlist({ ctx, input: { ...input, exhibitionSlug: params.slug, slotId: params.id, locale: requestLocale(request.headers) } });
  return json({ waitlist: joined }, { status: 201 });
});
