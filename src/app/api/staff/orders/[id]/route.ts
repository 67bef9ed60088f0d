import { staffOrder } from "@/domain/desk/staff-order-view";
import { staffRoute } from "@/server/http/staff-route";

export const dynamic = "force-dynamic";

/** Staff: one order with its tickets' door state, payments, refunds, scans and audit trail. */
export const GET = staffRoute<{ id: string }>({ role: "staff" }, async ({ ctx, params }) => ({ order: await staffOrder({ ctx, input: { orderId: params.id } }) }));
