import { createExhibition } from "@/domain/catalog-admin/create-exhibition";
import { createExhibitionInput } from "@/domain/catalog-admin/exhibition-input";
import { listStaffExhibitions } from "@/domain/catalog-admin/list-staff-exhibitions";
import { staffRoute } from "@/server/http/staff-route";

export const dynamic = "force-dynamic";

/** Admin: every exhibition, drafts and archived ones too, with ticket types and schedule. */
export const GET = staffRoute({ role: "admin" }, async ({ ctx }) => ({ exhibitions: await listStaffExhibitions({ ctx }) }));

/** Admin: a new exhibition, as a draft. */
export const POST = staffRoute({ role: "admin", body: createExhibitionInput, status: 201 }, async ({ ctx, body }) => ({ exhibition: await createExhibition({ ctx, input: body }) }));
