import { databaseAnswers } from "@/server/health";
import { errorResponse } from "@/server/http/errors";
import { json, route } from "@/server/http/route";

export const dynamic = "force-dynamic";

export const GET = route(async ({ ctx, requestId }) => {
  if (await databaseAnswers(ctx.db)) return json({ status: "ok", db: "ok" });
  return errorResponse("unavailable", "The database is not answering.", requestId, { body: { status: "unavailable", db: "unreachable" }, headers: { "retry-after": "5" } });
});
