import { leaveWaitlist } from "@/domain/waitlist/leave-waitlist";
import { readJson } from "@/server/http/body";
import { checkSameOrigin } from "@/server/http/origin";
import { limitWaitlistLeaves } from "@/server/http/rate-limit";
import { json, route } from "@/server/http/route";
import { waitlistToken } from "@/server/http/schemas";

export const dynamic = "force-dynamic";

/** Always the same answer, whether the link named an entry or not: nobody learns who is waiting. */
export const POST = route(async ({ ctx, request }) => {
  checkSameOrigin(request);
  await limitWaitlistLeaves(request);
  const { token } = await readJson(request, waitlistToken);
  await leaveWaitlist({ ctx, input: { token } });
  return json({ left: true });
});
