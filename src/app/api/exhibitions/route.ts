import { listExhibitions } from "@/domain/catalog/list-exhibitions";
import { json, route } from "@/server/http/route";

export const dynamic = "force-dynamic";

export const GET = route(async ({ ctx }) => json({ exhibitions: await listExhibitions({ ctx }) }));
