import { z } from "zod";
import { changeStaffAccount } from "@/domain/staff/change-staff-account";
import { staffRoute } from "@/server/http/staff-route";

export const dynamic = "force-dynamic";

const body = z
  .object({ role: z.enum(["visitor", "door", "staff", "admin"], "must be visitor, door, staff or admin").optional(), disabled: z.boolean("must be true or false").optional() })
  .refine((change) => change.role !== undefined || change.disabled !== undefined, { message: "give role or disabled", path: ["role"] });

/** Admin: another role for an account, or disabling (signed out at once) or enabling it. */
export const PATCH = staffRoute<{ id: string }, typeof body>({ role: "admin", body }, ({ ctx, params, body }) => changeStaffAccount({ ctx, input: { userId: params.id, ...body } }));
