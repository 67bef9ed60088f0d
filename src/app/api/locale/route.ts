import { z } from "zod";
import { parseInput } from "@/domain/parse-input";
import { LOCALES } from "@/i18n/locales";
import { safeNext } from "@/components/account/safe-next";
import { readJson, readLimited } from "@/server/http/body";
import { HttpError } from "@/server/http/http-error";
import { checkSameOrigin } from "@/server/http/origin";
import { limitLocaleChanges } from "@/server/http/rate-limit";
import { route } from "@/server/http/route";
import { localeCookie } from "@/server/locale-cookie";

export const dynamic = "force-dynamic";

const choice = z.object({ locale: z.enum(LOCALES, "must be en, hi or kn"), next: z.string().max(2000, "must be at most 2000 characters").optional() });

/**
 * The language switch: a plain form in the header, so it works without JavaScript (JSON is taken
 * too). The choice is remembered in the `locale` cookie and the visitor is sent back, 303, to the
 * page they were on: a path on this site only, whatever `next` says.
 */
export const POST = route(async ({ request }) => {
  checkSameOrigin(request);
  await limitLocaleChanges(request);
  const type = request.headers.get("content-type") ?? "";
  let body: z.output<typeof choice>;
  if (/^application\/json\s*(;|$)/i.test(type)) body = await readJson(request, choice);
  else if (/^application\/x-www-form-urlencoded\s*(;|$)/i.test(type)) body = parseInput(choice.strict(), Object.fromEntries(new URLSearchParams(await readLimited(request))));
  else throw new HttpError("unsupported_media_type", "Send the choice as a form (application/x-www-form-urlencoded) or as JSON.");
  return new Response(null, { status: 303, headers: { location: safeNext(body.next), "set-cookie": localeCookie(body.locale), "cache-control": "no-store" } });
});
