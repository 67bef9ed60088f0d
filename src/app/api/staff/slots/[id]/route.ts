import { z } from "zod";
import { MAX_SLOT_CAPACITY, updateSlot } from "@/domain/slots/update-slot";
import { staffRoute } from "@/server/http/staff-route";
import { slotIdOf } from "./slot-id";

export const dynamic = "force-dynamic";

const body = z.object({
  capacity: z.number("must be a whole number").int("must be a whole number").min(0, `must be 0–${MAX_SLOT_CAPACITY}`).max(MAX_SLOT_CAPACITY, `must be 0–${MAX_SLOT_CAPACITY}`).optional(),
  status: z.enum(["open", "closed"], 'must be "open" or "closed"').optional(),
});

/** Admins: a slot's capacity (never under held + sold: 409 capacity_below_taken) and whether it sells. */
export const PATCH = staffRoute<{ id: string }, typeof body>({ role: "admin", body }, ({ ctx, params, body }) => updateSlot({ ctx, input: { slotId: slotIdOf(params), ...body } }));
