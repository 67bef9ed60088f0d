import { z } from "zod";
import { readAuditLog } from "@/domain/staff/read-audit-log";
import { parseQuery } from "@/server/http/query";
import { plainText } from "@/server/http/schemas";
import { staffRoute } from "@/server/http/staff-route";

export const dynamic = "force-dynamic";

const query = z.object({ cursor: plainText(20).optional(), entityType: plainText(50).optional(), entityId: plainText(200).optional() });

/** Admin: the audit log, newest first, 50 entries a page; `nextCursor` fetches the older ones. */
export const GET = staffRoute({ role: "admin" }, ({ ctx, request }) => readAuditLog({ ctx, input: parseQuery(request, query) }));
