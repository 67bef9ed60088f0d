import { z } from "zod";
import { syncScans } from "@/domain/checkin/sync-scans";
import { CODE_OR_TOKEN, countScan, oneOfCodeOrToken, scannedCode, scannedFields } from "@/server/checkin/scanned";
import { limitScans } from "@/server/http/rate-limit";
import { staffRoute } from "@/server/http/staff-route";

export const dynamic = "force-dynamic";

// A device uploads what it scanned offline in batches of this many (a batch fits the 64 KiB body).
const MAX_SCANS = 100;
const scan = z
  .object({ ...scannedFields, scanId: scannedFields.scanId.unwrap(), at: z.iso.datetime({ offset: true, error: "must be an ISO 8601 time" }).transform((at) => new Date(at)) })
  .refine(oneOfCodeOrToken, CODE_OR_TOKEN);
const body = z.object({ scans: z.array(scan, "must be a list of scans").min(1, "must not be empty").max(MAX_SCANS, `must hold at most ${MAX_SCANS} scans`) });

/** Door and up: scans made offline, applied once each; the first admission of a ticket wins. */
export const POST = staffRoute({ role: "door", body, limit: (actor, { scans }) => limitScans(actor.userId, scans.length) }, async ({ ctx, body }) => {
  const results = await syncScans({ ctx, input: { scans: body.scans.map((scan) => ({ scanId: scan.scanId, code: scannedCode(scan), at: scan.at, gate: scan.gate })) } });
  for (const { result } of results) countScan("offline", result);
  return { results };
});
