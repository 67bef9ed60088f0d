import { getExhibition } from "@/domain/catalog/get-exhibition";
import { json, route } from "@/server/http/route";

export const dynamic = "force-dynamic";

export const GET = route<{ slug: string }>(async ({ ctx, params }) => json({ exhibition: await getExhibition({ ctx, input: { slug: params.slug } }) }));
