import { z } from "zod";
import { readJson, readLimited } from "../http/body";
import { errorResponse, type ErrorCode } from "../http/errors";
import { checkSameOrigin } from "../http/origin";
import { limitSignIn } from "../http/rate-limit";
import { route } from "../http/route";
import { logger } from "../logger";
import { auth, MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from "./auth";

const email = z.string("must be an email address").trim().toLowerCase().pipe(z.email("must be an email address"));
const passThrough = { callbackURL: z.string().max(2000).optional(), rememberMe: z.boolean().optional() };

const BODIES: Record<string, z.ZodObject> = {
  "/sign-in/email": z.object({ email, password: z.string("is required").min(1, "is required").max(MAX_PASSWORD_LENGTH, "is too long"), ...passThrough }),
  "/sign-up/email": z.object({
    name: z.string("is required").trim().min(1, "is required").max(100, "must be at most 100 characters"),
    email,
    password: z.string("is required").min(MIN_PASSWORD_LENGTH, `must be at least ${MIN_PASSWORD_LENGTH} characters`).max(MAX_PASSWORD_LENGTH, "is too long"),
    ...passThrough,
  }),
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
const MESSAGES: Record<string, [ErrorCode, string]> = {
  INVALID_EMAIL_OR_PASSWORD: ["unauthenticated", "The email or password is not right."],
  USER_ALREADY_EXISTS: ["email_taken", "An account with this email already exists. Sign in instead."],
  USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL: ["email_taken", "An account with this email already exists. Sign in instead."],
  busy: ["busy", "The server is busy; nothing was changed, please try again."],
};

/**
 * better-auth behind API.md's rules: same-site Origin, bodies checked (400 with fields, 413, 415),
 * sign-in attempts limited, every refusal in the API.md error shape, and no session token in a
 * body a script could read (the session lives in its HttpOnly cookie only).
 */
export const authRoute = route<{ all: string[] }>(async ({ request, requestId }) => {
  const url = new URL(request.url);
  const path = `/${url.pathname.split("/").slice(3).join("/")}`;
  const schema = request.method === "POST" ? BODIES[path] : undefined;
  let forwarded = request;
  if (request.method !== "GET") {
    checkSameOrigin(request);
    let body: string | undefined;
    if (schema) {
      const parsed = await readJson(request, schema);
      await limitSignIn(request, path === "/sign-in/email" ? (parsed.email as string) : undefined);
      body = JSON.stringify(parsed);
    } else {
      body = (await readLimited(request)) || undefined;
    }
    // Our same-site check above is the gate (it also lets clients with no Origin through, as API.md
    // says); better-auth, which compares with the URL Next.js rebuilt, is told the request is ours.
    const headers = new Headers(request.headers);
    headers.set("origin", url.origin);
    forwarded = new Request(request.url, { method: request.method, headers, body });
  }

  const answer = await auth().handler(forwarded);
  if (answer.ok) return schema ? withoutToken(answer) : answer;
  // better-auth redirects only in the social and error-page flows, which this API does not offer.
  if (answer.status >= 300 && answer.status < 400) return errorResponse("not_found", "There is no such API route.", requestId);
  const refusal = (await answer.json().catch(() => ({}))) as { code?: string; message?: string };
  const [code, message] = MESSAGES[refusal.code ?? ""] ?? [REFUSALS[answer.status] ?? "internal", refusal.message ?? "The request was refused."];
  if (code === "internal") logger().error({ requestId, status: answer.status, refusal, path }, "authentication failed on our side");
  const headers = new Headers(answer.headers);
  headers.delete("content-type");
  headers.delete("content-length");
  if (code === "busy") headers.set("retry-after", "1");
  return errorResponse(code, message, requestId, { headers });
});

async function withoutToken(answer: Response): Promise<Response> {
  const body = (await answer.json()) as Record<string, unknown>;
  delete body.token;
  const headers = new Headers(answer.headers);
  headers.delete("content-length");
  headers.set("cache-control", "no-store");
  return Response.json(body, { status: answer.status, headers });
}
