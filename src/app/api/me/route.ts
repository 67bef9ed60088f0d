import { requireUser } from "@/server/auth/require";
import { json, route } from "@/server/http/route";

export const dynamic = "force-dynamic";

export const GET = route(async ({ request }) => json({ user: await requireUser(request.headers) }));
