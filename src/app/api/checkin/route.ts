import { z } from "zod";
import { checkIn } from "@/domain/checkin/check-in";
import { CODE_OR_TOKEN, oneOfCodeOrToken, scannedCode, scannedFields, scanReply } from "@/server/checkin/scanned";
import { limitScans } from "@/server/http/rate-limit";
import { staffRoute } from "@/server/http/staff-route";

export const dynamic = "force-dynamic";

const body = z.object(scannedFields).refine(oneOfCodeOrToken, CODE_OR_TOKEN);

/** Door and up: admit one ticket, by its QR code's token or its code. */
export const POST = staffRoute({ role: "door", body, limit: (actor) => limitScans(actor.userId, 1) }, async ({ ctx, body, requestId }) => {
  const outcome = await checkIn({ ctx, input: { code: scannedCode(body), gate: body.gate, scanId: body.scanId } });
  return scanReply(outcome, requestId);
});
