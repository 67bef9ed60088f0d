import { z } from "zod";
import { addStaffAccount, type AddedAccount } from "@/domain/staff/add-staff-account";
import { STAFF_ROLES } from "@/domain/staff/authorize";
import { listStaffAccounts } from "@/domain/staff/list-staff-accounts";
import { parseQuery } from "@/server/http/query";
import { plainText } from "@/server/http/schemas";
import { staffRoute } from "@/server/http/staff-route";

export const dynamic = "force-dynamic";

const query = z.object({ q: plainText(254).optional(), cursor: plainText(254).optional() });

/** Admin: the staff accounts, a page at a time, or any account found by the start of its e-mail (`q`). */
export const GET = staffRoute({ role: "admin" }, ({ ctx, request }) => listStaffAccounts({ ctx, input: parseQuery(request, query) }));

const body = z.object({
  email: z.string("must be an email address").trim().toLowerCase().max(254, "is too long").pipe(z.email("must be an email address")),
  name: plainText(100).pipe(z.string().trim().min(1, "is required")),
  role: z.enum(STAFF_ROLES, "must be door, staff or admin"),
});

/**
 * Admin: a new staff account with its temporary password, or an existing account given the role. The
 * password is shown once: a replayed Idempotency-Key answers without it, so it is never stored.
 */
export const POST = staffRoute(
  { role: "admin", body, status: 201, replayed: (answer) => ({ ...(answer as AddedAccount), temporaryPassword: null }) },
  ({ ctx, body }) => addStaffAccount({ ctx, input: body }),
);
