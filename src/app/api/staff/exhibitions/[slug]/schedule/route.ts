import { z } from "zod";
import { getSchedule } from "@/domain/schedule/get-schedule";
import { replaceSchedule } from "@/domain/schedule/replace-schedule";
import { staffRoute } from "@/server/http/staff-route";

export const dynamic = "force-dynamic";

type Params = { slug: string };

// The verb checks every field (with paths such as `rules.1.until`); the route only takes the two.
const body = z.object({ rules: z.unknown(), closedDates: z.unknown().optional() });

/** Admin: the exhibition's schedule, null when it has none. */
export const GET = staffRoute<Params>({ role: "admin" }, async ({ ctx, params }) => ({ schedule: (await getSchedule({ ctx, input: { slug: params.slug } })).schedule }));

/** Admin: replaces the schedule and brings the booking window's slots to it (API.md, Staff). */
export const PUT = staffRoute<Params, typeof body>({ role: "admin", body }, async ({ ctx, params, body: schedule }) => replaceSchedule({ ctx, input: { slug: params.slug, schedule } }));
