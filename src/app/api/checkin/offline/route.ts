import { z } from "zod";
import { venueDateOf } from "@/domain/calendar/venue-time";
import { offlineList } from "@/domain/checkin/offline-list";
import { parseQuery } from "@/server/http/query";
import { venueDay } from "@/server/http/schemas";
import { staffRoute } from "@/server/http/staff-route";
import { ticketSigningKeys } from "@/server/tickets/ticket-keys";

export const dynamic = "force-dynamic";

const query = z.object({
  date: venueDay().optional(),
  since: z.iso.datetime({ offset: true, error: "must be the cursor of an earlier answer" }).transform((at) => new Date(at)).optional(),
});

/** Door and up: the public key and a day's void and admitted tickets, for a scanner that loses its network. */
export const GET = staffRoute({ role: "door" }, async ({ ctx, request }) => {
  const { date, since } = parseQuery(request, query);
  const list = await offlineList({ ctx, input: { date: date ?? venueDateOf(ctx.now(), ctx.settings.venueTimeZone), since } });
  return { publicKey: { algorithm: "Ed25519", jwk: ticketSigningKeys().publicKey.export({ format: "jwk" }) }, ...list };
});
