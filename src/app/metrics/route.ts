import { checkMetricsAccess } from "@/server/http/metrics-access";
import { route } from "@/server/http/route";
import { metrics } from "@/server/metrics";

export const dynamic = "force-dynamic";

export const GET = route(async ({ request }) => {
  checkMetricsAccess(request);
  const { registry } = metrics();
  return new Response(await registry.metrics(), { headers: { "content-type": registry.contentType, "cache-control": "no-store" } });
});
