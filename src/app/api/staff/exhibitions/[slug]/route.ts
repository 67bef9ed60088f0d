import { exhibitionChanges } from "@/domain/catalog-admin/exhibition-input";
import { updateExhibition } from "@/domain/catalog-admin/update-exhibition";
import { staffRoute } from "@/server/http/staff-route";

export const dynamic = "force-dynamic";

/** Admin: an exhibition's fields, status and showcase settings. There is no DELETE: archiving is the way out. */
export const PATCH = staffRoute<{ slug: string }, typeof exhibitionChanges>({ role: "admin", body: exhibitionChanges }, async ({ ctx, params, body }) => ({
  exhibition: await updateExhibition({ ctx, input: { slug: params.slug, changes: body } }),
}));
