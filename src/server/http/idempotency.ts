import { createHash } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { idempotencyKeys } from "@/db/schema";
import { withTransaction, type Ctx } from "@/domain/context";
import { DomainError } from "@/domain/errors";

export const IDEMPOTENCY_WINDOW_MS = 24 * 60 * 60 * 1000;

export type Answer = { status: number; body: unknown };

/** JSON with object keys sorted, so the same body in another key order is the same request. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value && typeof value === "object") {
    return `{${Object.keys(value).sort().map((key) => `${JSON.stringify(key)}:${canonical((value as Record<string, unknown>)[key])}`).join(",")}}`;
  }
  return JSON.stringify(value ?? null);
}

/**
 * Applies an `Idempotency-Key` (invariant 5): the key is claimed in the same transaction as the
 * work, so a concurrent repeat waits for the first and then replays its answer; the same key with
 * another body is 409. A refused request (an error) stores nothing and may be retried. `kept` is
 * what of the answer may be stored and replayed: a secret the first answer showed once is not. `scope` is
 * whose keys these are (a user, a guest cart): a stored answer is only ever replayed within it, so
 * the same key from someone else is a new request, never a copy of another visitor's answer.
 */
export async function idempotent(ctx: Ctx, request: Request, scope: string, body: unknown, work: (ctx: Ctx) => Promise<Answer>, kept: (body: unknown) => unknown = (same) => same): Promise<Answer> {
  const key = request.headers.get("idempotency-key");
  if (key === null) return work(ctx);
  if (!/^[\x21-\x7e]{1,255}$/.test(key)) {
    throw new DomainError("invalid_request", "The Idempotency-Key header must be 1–255 visible ASCII characters.", { fields: { "Idempotency-Key": "must be 1–255 visible ASCII characters" } });
  }
  const requestHash = createHash("sha256").update(`${request.method} ${new URL(request.url).pathname} ${canonical(body)}`).digest("hex");
  const fullScope = `${scope} ${request.method} ${new URL(request.url).pathname}`;

  return withTransaction(ctx, async (tx) => {
    const now = ctx.now();
    const where = and(eq(idempotencyKeys.scope, fullScope), eq(idempotencyKeys.key, key));
    const claimed = await tx.db
      .insert(idempotencyKeys)
      .values({ scope: fullScope, key, requestHash, status: 0, response: {}, createdAt: now })
      .onConflictDoNothing()
      .returning({ key: idempotencyKeys.key });
    if (claimed.length === 0) {
      const [prior] = await tx.db.select().from(idempotencyKeys).where(where).for("update");
      if (prior && prior.createdAt.getTime() > now.getTime() - IDEMPOTENCY_WINDOW_MS) {
        if (prior.requestHash !== requestHash) throw new DomainError("idempotency_conflict", "This Idempotency-Key was already used for a different request.");
        return { status: prior.status, body: prior.response };
      }
      await tx.db.update(idempotencyKeys).set({ requestHash, createdAt: now }).where(where);
    }
    const answer = await work(tx);
    await tx.db.update(idempotencyKeys).set({ status: answer.status, response: kept(answer.body) as object }).where(where);
    return answer;
  });
}
