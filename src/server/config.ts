import { hkdfSync } from "node:crypto";
import path from "node:path";
import { z } from "zod";
import { brand } from "@/domain/brand";
import { processSingleton } from "./shared";
import { visitInfoFile } from "./visit-info-file";

/** A variable holding a whole number from `min` to `max` (of `unit`, when it has one). */
const wholeNumber = (min: number, max: number, fallback: number, unit = "") => {
  const range = `must be from ${min} to ${max}${unit && ` ${unit}`}`;
  return z
    .string()
    .regex(/^\d+$/, `must be a whole number${unit && ` of ${unit}`}`)
    .transform(Number)
    .pipe(z.number().int().min(min, range).max(max, range))
    .default(fallback);
};

const seconds = (fallback: number) => wholeNumber(1, 31_536_000, fallback, "seconds");

const isTimeZone = (zone: string) => {
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
};

const isCurrency = (code: string) => {
  try {
    new Intl.NumberFormat("en", { style: "currency", currency: code });
    return /^[A-Z]{3}$/.test(code);
  } catch {
    return false;
  }
};

const postgresUrl = z
  .string()
  .refine((value) => /^postgres(ql)?:\/\//.test(value) && URL.canParse(value), "must be a postgres:// or postgresql:// URL");

const schema = z
  .object({
    APP_ENV: z.enum(["development", "production", "test"], "must be development, production or test").default("development"),
    PORT: wholeNumber(1, 65_535, 3000),
    HOST: z.string().min(1).default("0.0.0.0"),
    DATABASE_URL: postgresUrl.optional(),
    DATA_DIR: z.string().min(1).default("./data"),
    HOLD_TTL_SECONDS: seconds(900),
    HOLD_MAX_SECONDS: seconds(3600),
    PAYMENT_TTL_SECONDS: seconds(900),
    WAITLIST_HOLD_SECONDS: seconds(1800),
    CHECKIN_OPENS_MINUTES_BEFORE: wholeNumber(0, 1440, 30, "minutes"),
    CHECKIN_CLOSES_MINUTES_AFTER: wholeNumber(0, 1440, 30, "minutes"),
    MAX_TICKETS_PER_ORDER: wholeNumber(1, 100, 10),
    MAX_HOLD_RENEWALS: wholeNumber(0, 100, 3),
    MAX_CART_TICKETS: wholeNumber(1, 1000, 40),
    MAX_CART_LINES: wholeNumber(1, 200, 20),
    MAX_HELD_PLACES_PER_ADDRESS: wholeNumber(1, 1_000_000, 100),
    MAX_HELD_PLACES_PER_ADDRESS_SIGNED_IN: wholeNumber(1, 1_000_000, 400),
    MAX_EVENT_STREAMS_PER_ADDRESS: wholeNumber(1, 100_000, 50),
    MAX_EVENT_STREAMS: wholeNumber(1, 1_000_000, 2000),
    VENUE_TIMEZONE: z.string().refine(isTimeZone, "must be an IANA time zone such as Asia/Kolkata").default("Asia/Kolkata"),
    CURRENCY: z.string().refine(isCurrency, "must be an ISO 4217 code such as INR").default("INR"),
    PUBLIC_URL: z.url("must be an absolute URL such as https://tickets.example.org").optional(),
    AUTH_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
    PAYMENT_PROVIDER: z.enum(["test", "razorpay", "stripe"], "must be test, razorpay or stripe").default("test"),
    ALLOW_TEST_PAYMENTS: z.enum(["true", "false"], "must be true or false").default("false"),
    RAZORPAY_KEY_ID: z.string().min(1).optional(),
    RAZORPAY_KEY_SECRET: z.string().min(1).optional(),
    RAZORPAY_WEBHOOK_SECRET: z.string().min(1).optional(),
    STRIPE_SECRET_KEY: z.string().min(1).optional(),
    STRIPE_WEBHOOK_SECRET: z.string().min(1).optional(),
    OUTBOX_MAX_ATTEMPTS: wholeNumber(1, 1000, 20),
    SMTP_URL: z.string().refine((value) => /^smtps?:\/\//.test(value) && URL.canParse(value), "must be an smtp:// or smtps:// URL").optional(),
    RATE_LIMIT_CART_PER_MINUTE: wholeNumber(1, 1_000_000, 120),
    RATE_LIMIT_STAFF_PER_MINUTE: wholeNumber(1, 1_000_000, 300),
    RATE_LIMIT_STAFF_READS_PER_MINUTE: wholeNumber(1, 1_000_000, 600),
    RATE_LIMIT_IMAGES_PER_HOUR: wholeNumber(1, 100_000, 60),
    RATE_LIMIT_SCANS_PER_MINUTE: wholeNumber(1, 1_000_000, 1200),
    RATE_LIMIT_IP_PER_MINUTE: wholeNumber(1, 10_000_000, 30_000),
    RATE_LIMIT_SIGNIN_PER_MINUTE: wholeNumber(1, 1_000_000, 5),
    RATE_LIMIT_SIGNIN_ACCOUNT_PER_MINUTE: wholeNumber(1, 1_000_000, 50),
    RATE_LIMIT_SIGNIN_IP_PER_MINUTE: wholeNumber(1, 10_000_000, 60),
    RATE_LIMIT_LOOKUP_IP_PER_HOUR: wholeNumber(1, 1_000_000, 20),
    LOOKUP_MAILS_PER_EMAIL_PER_HOUR: wholeNumber(1, 1000, 3),
    TRUST_PROXY: z
      .string()
      .regex(/^(true|false|\d)$/, "must be true, false or the number of proxies in front (0 to 9)")
      .transform((value) => (value === "true" ? 1 : value === "false" ? 0 : Number(value)))
      .default(0),
    VISIT_INFO_FILE: visitInfoFile.optional(),
    METRICS_TOKEN: z.string().min(16, "must be at least 16 characters").optional(),
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"], "must be one of fatal, error, warn, info, debug, trace, silent").default("info"),
  })
  .superRefine((env, issue) => {
    if (env.HOLD_MAX_SECONDS < env.HOLD_TTL_SECONDS) {
      issue.addIssue({ code: "custom", path: ["HOLD_MAX_SECONDS"], message: "must not be shorter than HOLD_TTL_SECONDS" });
    }
    if (env.MAX_CART_TICKETS < env.MAX_TICKETS_PER_ORDER) {
      issue.addIssue({ code: "custom", path: ["MAX_CART_TICKETS"], message: "must not be less than MAX_TICKETS_PER_ORDER" });
    }
    if (env.MAX_HELD_PLACES_PER_ADDRESS_SIGNED_IN < env.MAX_HELD_PLACES_PER_ADDRESS) {
      issue.addIssue({ code: "custom", path: ["MAX_HELD_PLACES_PER_ADDRESS_SIGNED_IN"], message: "must not be less than MAX_HELD_PLACES_PER_ADDRESS" });
    }
    if (env.MAX_EVENT_STREAMS < env.MAX_EVENT_STREAMS_PER_ADDRESS) {
      issue.addIssue({ code: "custom", path: ["MAX_EVENT_STREAMS"], message: "must not be less than MAX_EVENT_STREAMS_PER_ADDRESS" });
    }
    if (env.APP_ENV === "production" && !env.AUTH_SECRET) {
      issue.addIssue({ code: "custom", path: ["AUTH_SECRET"], message: "is required when APP_ENV=production" });
    }
    if (env.APP_ENV === "production" && env.PAYMENT_PROVIDER === "test" && env.ALLOW_TEST_PAYMENTS !== "true") {
      issue.addIssue({
        code: "custom",
        path: ["PAYMENT_PROVIDER"],
        message: "must be razorpay or stripe when APP_ENV=production: the test provider sells tickets without taking money (set ALLOW_TEST_PAYMENTS=true for a trial run)",
      });
    }
    const providerKeys = {
      test: [],
      razorpay: ["RAZORPAY_KEY_ID", "RAZORPAY_KEY_SECRET", "RAZORPAY_WEBHOOK_SECRET"],
      stripe: ["STRIPE_SECRET_KEY", "STRIPE_WEBHOOK_SECRET"],
    } as const;
    for (const key of providerKeys[env.PAYMENT_PROVIDER]) {
      if (!env[key]) issue.addIssue({ code: "custom", path: [key], message: `is required when PAYMENT_PROVIDER=${env.PAYMENT_PROVIDER}` });
    }
  });

export type Config = ReturnType<typeof toConfig>;

export class ConfigError extends Error {
  override name = "ConfigError";
  constructor(message: string) {
    super(message);
    configError.mark(this);
  }
}
const configError = brand<ConfigError>("ConfigError");
export const isConfigError = configError.is;

function toConfig(env: z.output<typeof schema>) {
  return {
    env: env.APP_ENV,
    production: env.APP_ENV === "production",
    port: env.PORT,
    host: env.HOST,
    databaseUrl: env.DATABASE_URL,
    dataDir: path.resolve(env.DATA_DIR),
    holdTtlSeconds: env.HOLD_TTL_SECONDS,
    holdMaxSeconds: env.HOLD_MAX_SECONDS,
    paymentTtlSeconds: env.PAYMENT_TTL_SECONDS,
    waitlistHoldSeconds: env.WAITLIST_HOLD_SECONDS,
    checkInOpensMinutesBefore: env.CHECKIN_OPENS_MINUTES_BEFORE,
    checkInClosesMinutesAfter: env.CHECKIN_CLOSES_MINUTES_AFTER,
    maxTicketsPerOrder: env.MAX_TICKETS_PER_ORDER,
    maxHoldRenewals: env.MAX_HOLD_RENEWALS,
    maxCartTickets: env.MAX_CART_TICKETS,
    maxCartLines: env.MAX_CART_LINES,
    maxHeldPlacesPerAddress: env.MAX_HELD_PLACES_PER_ADDRESS,
    maxHeldPlacesPerAddressSignedIn: env.MAX_HELD_PLACES_PER_ADDRESS_SIGNED_IN,
    maxEventStreamsPerAddress: env.MAX_EVENT_STREAMS_PER_ADDRESS,
    maxEventStreams: env.MAX_EVENT_STREAMS,
    venueTimeZone: env.VENUE_TIMEZONE,
    currency: env.CURRENCY,
    publicUrl: (env.PUBLIC_URL ?? `http://localhost:${env.PORT}`).replace(/\/$/, ""),
    authSecret: env.AUTH_SECRET,
    paymentProvider: env.PAYMENT_PROVIDER,
    razorpay: { keyId: env.RAZORPAY_KEY_ID, keySecret: env.RAZORPAY_KEY_SECRET, webhookSecret: env.RAZORPAY_WEBHOOK_SECRET },
    stripe: { secretKey: env.STRIPE_SECRET_KEY, webhookSecret: env.STRIPE_WEBHOOK_SECRET },
    smtpUrl: env.SMTP_URL,
    outboxMaxAttempts: env.OUTBOX_MAX_ATTEMPTS,
    logLevel: env.LOG_LEVEL,
    rateLimitCartPerMinute: env.RATE_LIMIT_CART_PER_MINUTE,
    rateLimitStaffPerMinute: env.RATE_LIMIT_STAFF_PER_MINUTE,
    rateLimitStaffReadsPerMinute: env.RATE_LIMIT_STAFF_READS_PER_MINUTE,
    rateLimitImagesPerHour: env.RATE_LIMIT_IMAGES_PER_HOUR,
    rateLimitScansPerMinute: env.RATE_LIMIT_SCANS_PER_MINUTE,
    rateLimitIpPerMinute: env.RATE_LIMIT_IP_PER_MINUTE,
    rateLimitSignInPerMinute: env.RATE_LIMIT_SIGNIN_PER_MINUTE,
    rateLimitSignInAccountPerMinute: env.RATE_LIMIT_SIGNIN_ACCOUNT_PER_MINUTE,
    rateLimitSignInIpPerMinute: env.RATE_LIMIT_SIGNIN_IP_PER_MINUTE,
    rateLimitLookupIpPerHour: env.RATE_LIMIT_LOOKUP_IP_PER_HOUR,
    lookupMailsPerEmailPerHour: env.LOOKUP_MAILS_PER_EMAIL_PER_HOUR,
    trustedProxies: env.TRUST_PROXY,
    metricsToken: env.METRICS_TOKEN,
    // The museum's address, map link, what to bring and accessibility notes, where they differ from the demo museum's.
    visitInfo: env.VISIT_INFO_FILE ?? {},
  };
}

/** Parses the environment; an empty variable counts as unset. Throws ConfigError with one line naming each bad variable. */
export function parseConfig(source: Record<string, string | undefined>): Config {
  const present = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== undefined && value !== ""));
  const result = schema.safeParse(present);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => {
      const name = String(issue.path[0] ?? "environment");
      const value = present[name];
      const shown = value === undefined || /SECRET|PASSWORD|TOKEN|DATABASE_URL|SMTP_URL/.test(name) ? "" : ` (got "${value}")`;
      return `${name} ${issue.message}${shown}`;
    });
    throw new ConfigError(`Invalid configuration: ${problems.join("; ")}`);
  }
  return toConfig(result.data);
}

/** The process's configuration, parsed once. */
export function config(): Config {
  return processSingleton("config", () => parseConfig(process.env));
}

/**
 * AUTH_SECRET as the server resolved it at start-up (generated into DATA_DIR in development and
 * put in the environment, after the config was first read), for everything signed with it.
 */
export function authSecret(): string {
  const secret = config().authSecret ?? process.env.AUTH_SECRET;
  if (!secret) throw new Error("AUTH_SECRET is not resolved: the server resolves it at start-up, before anything is signed.");
  return secret;
}

/** A key of its own for each thing signed or MACed with AUTH_SECRET (HKDF, by purpose), the same in every server process. */
export function derivedKey(purpose: string): Buffer {
  return processSingleton(`derived-key ${purpose}`, () => Buffer.from(hkdfSync("sha256", authSecret(), "museum-tickets", purpose, 32)));
}
