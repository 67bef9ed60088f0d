import { betterAuth } from "better-auth";
import { drizzleAdapter } from "better-auth/adapters/drizzle";
import { accounts, sessions, users, verifications } from "@/db/schema";
import { authSecret, config } from "../config";
import { db } from "../database";
import { logger } from "../logger";
import { processSingleton } from "../shared";
import { mergeGuestCartOnSignIn } from "./merge-on-sign-in";

export const MIN_PASSWORD_LENGTH = 10;
export const MAX_PASSWORD_LENGTH = 128;

const originOf = (request?: Request) => (request ? new URL(request.url).origin : undefined);

function createAuth() {
  const cfg = config();
  return betterAuth({
    appName: "Museum tickets",
    baseURL: cfg.publicUrl,
    basePath: "/api/auth",
    secret: authSecret(),
    database: drizzleAdapter(db(), { provider: "pg", schema: { user: users, session: sessions, account: accounts, verification: verifications } }),
    emailAndPassword: { enabled: true, minPasswordLength: MIN_PASSWORD_LENGTH, maxPasswordLength: MAX_PASSWORD_LENGTH, autoSignIn: true },
    user: {
      additionalFields: {
        role: { type: "string", required: false, defaultValue: "visitor", input: false },
        disabledAt: { type: "date", required: false, input: false },
      },
    },
    // Sign-in attempts are limited by our own limiter (per address and per email, API.md's 429 shape).
    rateLimit: { enabled: false },
    // The site's own address and the address the request came to (tests and LAN use other hosts than PUBLIC_URL).
    trustedOrigins: (request) => [cfg.publicUrl, originOf(request)],
    advanced: { useSecureCookies: cfg.production },
    hooks: { after: mergeGuestCartOnSignIn },
    telemetry: { enabled: false },
    logger: { log: (level, message, ...args) => logger()[level]({ args }, `auth: ${message}`) },
  });
}

export type Auth = ReturnType<typeof createAuth>;

export function auth(): Auth {
  return processSingleton("auth", createAuth);
}
