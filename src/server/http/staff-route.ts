import type { z } from "zod";
import type { Ctx } from "@/domain/context";
import { authorize, type StaffActor, type StaffRole } from "@/domain/staff/authorize";
import { sessionUserOf } from "../auth/session";
import { readJson } from "./body";
import { idempotent } from "./idempotency";
import { checkSameOrigin } from "./origin";
import { limitStaffWrites } from "./rate-limit";
import { json, route } from "./route";

type Options<S extends z.ZodObject | undefined> = {
  role: StaffRole;
  body?: S;
  status?: number;
  /** What a replay of an Idempotency-Key answers: the first answer less what is shown only once. */
  replayed?: (body: unknown) => unknown;
};
type Handler<P, S extends z.ZodObject | undefined> = (input: {
  ctx: Ctx;
  params: P;
  body: S extends z.ZodObject ? z.output<S> : undefined;
  actor: StaffActor;
  request: Request;
}) => Promise<unknown>;

const READS = new Set(["GET", "HEAD"]);

/**
 * A staff route (API.md, Staff): the session's user becomes the domain's actor and must hold
 * `role` (401 / 403). A write also needs a same-site origin, counts against the account's write
 * limit, reads its JSON body and honours `Idempotency-Key`, kept per staff account.
 */
export function staffRoute<P = Record<string, never>, S extends z.ZodObject | undefined = undefined>(options: Options<S>, handler: Handler<P, S>) {
  return route<P>(async ({ request, params, ctx: base }) => {
    const user = await sessionUserOf(request.headers);
    const ctx: Ctx = { ...base, actor: user ? { kind: "user", userId: user.id, email: user.email, role: user.role } : { kind: "anonymous" } };
    const actor = authorize(ctx, options.role);
    if (READS.has(request.method)) return json(await handler({ ctx, params, body: undefined as never, actor, request }), { status: options.status });

    checkSameOrigin(request);
    await limitStaffWrites(actor.userId);
    const body = (options.body ? await readJson(request, options.body) : undefined) as Parameters<Handler<P, S>>[0]["body"];
    const answer = await idempotent(ctx, request, `staff ${actor.userId}`, body, async (tx) => ({
      status: options.status ?? 200,
      body: await handler({ ctx: tx, params, body, actor, request }),
    }), options.replayed);
    return json(answer.body, { status: answer.status });
  });
}
