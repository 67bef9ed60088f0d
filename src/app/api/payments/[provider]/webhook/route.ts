import { json, route } from "@/server/http/route";
import { receiveWebhook } from "@/server/payments/receive-webhook";

export const dynamic = "force-dynamic";

export const POST = route<{ provider: string }>(async ({ ctx, params, request }) => json({ received: true, outcome: await receiveWebhook(ctx, params.provider, request) }));
