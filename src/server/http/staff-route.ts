import type { z } from "zod";
import { brand } from "@/domain/brand";
import type { Ctx } from "@/domain/context";
import { authorize, type StaffActor, type StaffRole } from "@/domain/staff/authorize";
import { sessionUserOf } from "../auth/session";
import { readJson } from "./body";
import { idempotent } from "./idempotency";
import { checkSameOrigin } from "./origin";
import { limitStaffReads, limitStaffWrites } from "./rate-limit";
import { json, route } from "./route";

/** A body that is not JSON (an image): how to read it, and what of it tells one request from another for Idempotency-Key. */
export type RawBody<B> = { read: (request: Request) => Promise<B>; fingerprint: (body: B) => unknown };
type BodySpec = z.ZodObject | RawBody<any> | undefined; // eslint-disable-line @typescript-eslint/no-explicit-any
type BodyOf<S> = S extends z.ZodObject ? z.output<S> : S extends RawBody<infer B> ? B : undefined;
const isRaw = (spec: BodySpec): spec is RawBody<unknown> => typeof spec === "object" && "fingerprint" in spec;

type Options<S extends BodySpec> = {
  role: StaffRole;
  body?: S;
  status?: number;
  /** What a replay of an Idempotency-Key answers: the first answer less what is shown only once. */
  replayed?: (body: unknown) => unknown;
  /**
   * What the answer shows, made after the commit (for the first answer and every replay alike):
   * what costs time to draw and needs no lock, such as a big sale's QR codes, drawn inside the
   * transaction would keep its slots locked against every visitor meanwhile.
   */
  present?: (body: unknown, ctx: Ctx) => Promise<unknown>;
  /** Run once a write has committed (or replayed), e.g. to send what it queued in the outbox at once. */
  afterCommit?: () => void;
  /** How a write counts against the account's limit, when not as one change (the door counts scans). */
  limit?: (actor: StaffActor, body: BodyOf<S>) => Promise<void>;
};
type Handler<P, S extends BodySpec> = (input: {
  ctx: Ctx;
  params: P;
  body: BodyOf<S>;
  actor: StaffActor;
  request: Request;
  requestId: string;
}) => Promise<unknown>;

/** A handler's answer with a status of its own, for a write whose status depends on what it found (a scan at the door). */
export type Reply = { status: number; body: unknown };
const reply = brand<Reply>("StaffReply");
export function withStatus(status: number, body: unknown): Reply {
  const answer = { status, body };
  reply.mark(answer);
  return answer;
}

const READS = new Set(["GET", "HEAD"]);

/**
 * The session's user as the domain's actor, who must hold `role` (401 / 403): for staff routes and
 * staff streams. A read counts against the account's read limit here (429), a write against its
 * write limit in staffRoute.
 */
export async function staffSession(request: Request, base: Ctx, role: StaffRole): Promise<{ ctx: Ctx; actor: StaffActor }> {
  const user = await sessionUserOf(request.headers);
  const ctx: Ctx = { ...base, actor: user ? { kind: "user", userId: user.id, email: user.email, role: user.role } : { kind: "anonymous" } };
  const actor = authorize(ctx, role);
  if (READS.has(request.method)) await limitStaffReads(actor.userId);
  return { ctx, actor };
}

/**
 * A staff route (API.md, Staff): the session's user becomes the domain's actor and must hold
 * `role` (401 / 403). A write also needs a same-site origin, counts against the account's write
 * limit, reads its JSON body and honours `Idempotency-Key`, kept per staff account.
 */
export function staffRoute<P = Record<string, never>, S extends BodySpec = undefined>(options: Options<S>, handler: Handler<P, S>) {
  return route<P>(async ({ request, params, ctx: base, requestId }) => {
    const { ctx, actor } = await staffSession(request, base, options.role);
    if (READS.has(request.method)) return json(await handler({ ctx, params, body: undefined as never, actor, request, requestId }), { status: options.status });

    checkSameOrigin(request);
    const spec: BodySpec = options.body;
    if (!options.limit) await limitStaffWrites(actor.userId);
    const body = (isRaw(spec) ? await spec.read(request) : spec ? await readJson(request, spec) : undefined) as BodyOf<S>;
    await options.limit?.(actor, body);
    const answer = await idempotent(ctx, request, `staff ${actor.userId}`, isRaw(spec) ? spec.fingerprint(body) : body, async (tx) => {
      const result = await handler({ ctx: tx, params, body, actor, request, requestId });
      return reply.is(result) ? { status: result.status, body: result.body } : { status: options.status ?? 200, body: result };
    }, options.replayed);
    options.afterCommit?.();
    return json(options.present ? await options.present(answer.body, ctx) : answer.body, { status: answer.status });
  });
}
