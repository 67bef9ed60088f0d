import { verifyPassword } from "better-auth/crypto";
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { accounts, users } from "@/db/schema";
import { db } from "../database";
import { readJson, readLimited } from "../http/body";
import { messageIn } from "../http/error-message";
import { errorResponse, type ErrorCode } from "../http/errors";
import { HttpError } from "../http/http-error";
import { checkSameOrigin } from "../http/origin";
import { forgiveSignIn, limitSignIn } from "../http/rate-limit";
import { requestLocale } from "../http/request-locale";
import { route } from "../http/route";
import { logger } from "../logger";
import { auth, MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from "./auth";
import { sessionUserOf } from "./session";

const email = z.string("must be an email address").trim().toLowerCase().pipe(z.email("must be an email address"));
const name = z.string("is required").trim().min(1, "is required").max(100, "must be at most 100 characters");
const password = z.string("is required").min(1, "is required").max(MAX_PASSWORD_LENGTH, "is too long");
const newPassword = z.string("is required").min(MIN_PASSWORD_LENGTH, `must be at least ${MIN_PASSWORD_LENGTH} characters`).max(MAX_PASSWORD_LENGTH, "is too long");
const passThrough = { callbackURL: z.string().max(2000).optional(), rememberMe: z.boolean().optional() };

/**
 * The better-auth endpoints this API offers, with their method, and what we check before
 * better-auth sees them: the body, and which attempts count against the sign-in limits — `email`
 * (a sign-in, by the email it names), `session` (a password checked for the signed-in user, by
 * their email: a stolen session must not become a way to guess the password) or `address` (per
 * address only). better-auth serves more (social sign-in, callbacks, its error page, tokens), none
 * of which this product uses: those are 404, and a method an endpoint does not take is 405.
 */
const ENDPOINTS: Record<string, { method: "GET" | "POST"; body?: z.ZodObject; limit?: "email" | "session" | "address" }> = {
  "/sign-in/email": { method: "POST", body: z.object({ email, password, ...passThrough }), limit: "email" },
  "/sign-up/email": { method: "POST", body: z.object({ name, email, password: newPassword, ...passThrough }), limit: "address" },
  "/sign-out": { method: "POST" },
  "/get-session": { method: "GET" },
  "/list-sessions": { method: "GET" },
  "/revoke-session": { method: "POST" },
  "/revoke-sessions": { method: "POST" },
  "/revoke-other-sessions": { method: "POST" },
  "/update-user": { method: "POST", body: z.object({ name }) },
  "/change-password": { method: "POST", body: z.object({ currentPassword: password, newPassword, revokeOtherSessions: z.boolean().optional() }), limit: "session" },
  "/verify-password": { method: "POST", limit: "session" },
  "/delete-user": { method: "POST", limit: "session" },
  "/request-password-reset": { method: "POST", limit: "address" },
  "/reset-password": { method: "POST", limit: "address" },
};

// better-auth's refusals, in API.md's words.
const REFUSALS: Record<number, ErrorCode> = {
  400: "invalid_request",
  401: "unauthenticated",
  403: "forbidden",
  404: "not_found",
  413: "payload_too_large",
  415: "unsupported_media_type",
  422: "invalid_request",
  429: "rate_limited",
};
const MESSAGES: Record<string, [ErrorCode, string, Record<string, string>?, string?]> = {
  // A wrong password is a 401 like a missing session, but says what went wrong, in every language.
  INVALID_EMAIL_OR_PASSWORD: ["unauthenticated", "The email or password is not right.", {}, "wrong_password"],
  USER_ALREADY_EXISTS: ["email_taken", "An account with this email already exists. Sign in instead."],
  USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL: ["email_taken", "An account with this email already exists. Sign in instead."],
  busy: ["busy", "The server is busy; nothing was changed, please try again."],
};

/**
 * better-auth behind API.md's rules: same-site Origin, bodies checked (400 with fields, 413, 415),
 * password attempts limited, every refusal in the API.md error shape, and no session token in any
 * body a script could read (the session lives in its HttpOnly cookie only).
 */
export const authRoute = route<{ all: string[] }>(async ({ request, requestId }) => {
  const url = new URL(request.url);
  const path = `/${url.pathname.split("/").slice(3).join("/")}`;
  const endpoint = ENDPOINTS[path];
  const locale = requestLocale(request.headers);
  if (!endpoint) return errorResponse("not_found", messageIn(locale, "not_found", "There is no such API route."), requestId);
  if (request.method !== endpoint.method) {
    return errorResponse("method_not_allowed", messageIn(locale, "method_not_allowed", `${request.method} is not served here.`), requestId, { headers: { allow: endpoint.method } });
  }
  let forwarded = request;
  let counted: string | undefined;
  let signingIn: { email: string; password: string } | undefined;
  if (request.method !== "GET") {
    checkSameOrigin(request);
    let body: string | undefined;
    if (endpoint.body) {
      const parsed = await readJson(request, endpoint.body);
      if (endpoint.limit === "email") counted = parsed.email as string;
      if (path === "/sign-in/email") signingIn = parsed as { email: string; password: string };
      body = JSON.stringify(parsed);
    } else {
      body = (await readLimited(request)) || undefined;
    }
    if (endpoint.limit === "session") counted = (await sessionUserOf(request.headers))?.email;
    if (endpoint.limit) await limitSignIn(request, counted);
    if (signingIn) await refuseDisabled(signingIn.email, signingIn.password);
    // Our same-site check above is the gate (it also lets clients with no Origin through, as API.md
    // says); better-auth, which compares with the URL Next.js rebuilt, is told the request is ours.
    const headers = new Headers(request.headers);
    headers.set("origin", url.origin);
    forwarded = new Request(request.url, { method: request.method, headers, body });
  }

  const answer = await auth().handler(forwarded);
  if (answer.ok) {
    if (counted) await forgiveSignIn(request, counted);
    return withoutTokens(answer);
  }
  const refusal = (await answer.json().catch(() => ({}))) as { code?: string; message?: string };
  const refused = REFUSALS[answer.status] ?? (answer.status < 500 ? "invalid_request" : "internal");
  const [code, message, , key] = MESSAGES[refusal.code ?? ""] ?? [refused, refusal.message ?? "The request was refused."];
  if (code === "internal") logger().error({ requestId, status: answer.status, refusal, path }, "authentication failed on our side");
  const headers = new Headers(answer.headers);
  headers.delete("content-type");
  headers.delete("content-length");
  if (code === "busy") headers.set("retry-after", "1");
  return errorResponse(code, messageIn(locale, code, message, { headers, key }), requestId, { headers });
});

/**
 * A disabled account may not sign in (its sessions went when it was disabled). Only the right
 * password learns that it is disabled (403): a wrong one gets the answer every wrong password gets,
 * so nobody without the password learns whether the e-mail has an account or its state. Either way
 * the attempt stays counted against the sign-in limits.
 */
async function refuseDisabled(email: string, password: string): Promise<void> {
  const [account] = await db()
    .select({ disabledAt: users.disabledAt, hash: accounts.password })
    .from(users)
    .leftJoin(accounts, and(eq(accounts.userId, users.id), eq(accounts.providerId, "credential")))
    .where(eq(users.email, email));
  if (!account?.disabledAt) return;
  if (account.hash && (await verifyPassword({ hash: account.hash, password }))) {
    throw new HttpError("forbidden", "This account has been disabled. Ask an administrator if you need it again.");
  }
  throw new HttpError(...MESSAGES.INVALID_EMAIL_OR_PASSWORD!);
}

// Session tokens appear in sign-in, sign-up, get-session, list-sessions and change-password answers.
const stripTokens = (value: unknown): unknown => {
  if (Array.isArray(value)) return value.map(stripTokens);
  if (typeof value !== "object" || value === null) return value;
  return Object.fromEntries(Object.entries(value).flatMap(([key, inner]) => (key === "token" ? [] : [[key, stripTokens(inner)]])));
};

/** A JSON answer without any `token` field, at any depth, and never cached. */
async function withoutTokens(answer: Response): Promise<Response> {
  if (!answer.headers.get("content-type")?.includes("application/json")) return answer;
  const body = stripTokens(await answer.json());
  const headers = new Headers(answer.headers);
  headers.delete("content-length");
  headers.set("cache-control", "no-store");
  return Response.json(body, { status: answer.status, headers });
}
