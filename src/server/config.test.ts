import { describe, expect, it } from "vitest";
import { authSecret, ConfigError, parseConfig } from "./config";

const fails = (env: Record<string, string>) => {
  try {
    parseConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error("expected the configuration to be refused");
};

describe("configuration", () => {
  it("has the documented defaults", () => {
    const config = parseConfig({});
    expect(config).toMatchObject({
      port: 3000,
      holdTtlSeconds: 900,
      holdMaxSeconds: 3600,
      paymentTtlSeconds: 900,
      checkInOpensMinutesBefore: 30,
      checkInClosesMinutesAfter: 30,
      maxTicketsPerOrder: 10,
      maxHoldRenewals: 3,
      maxCartTickets: 40,
      maxCartLines: 20,
      maxHeldPlacesPerAddress: 100,
      maxHeldPlacesPerAddressSignedIn: 400,
      maxEventStreamsPerAddress: 50,
      maxEventStreams: 2000,
      venueTimeZone: "Asia/Kolkata",
      currency: "INR",
      paymentProvider: "test",
      logLevel: "info",
      production: false,
      publicUrl: "http://localhost:3000",
      databaseUrl: undefined,
      smtpUrl: undefined,
      trustedProxies: 0,
      metricsToken: undefined,
      rateLimitSignInPerMinute: 5,
      rateLimitSignInAccountPerMinute: 50,
      rateLimitSignInIpPerMinute: 60,
    });
    expect(config.dataDir).toMatch(/\/data$/);
  });

  it("reads every variable", () => {
    const config = parseConfig({
      PORT: "8080",
      HOLD_TTL_SECONDS: "60",
      HOLD_MAX_SECONDS: "120",
      PAYMENT_TTL_SECONDS: "300",
      MAX_TICKETS_PER_ORDER: "6",
      MAX_HOLD_RENEWALS: "0",
      MAX_CART_TICKETS: "12",
      MAX_CART_LINES: "4",
      MAX_HELD_PLACES_PER_ADDRESS: "30",
      MAX_HELD_PLACES_PER_ADDRESS_SIGNED_IN: "60",
      MAX_EVENT_STREAMS_PER_ADDRESS: "5",
      MAX_EVENT_STREAMS: "500",
      VENUE_TIMEZONE: "Europe/London",
      CURRENCY: "GBP",
      PUBLIC_URL: "https://tickets.example.org/",
      DATABASE_URL: "postgres://u:p@db.example.org:5432/museum",
      SMTP_URL: "smtp://mail.example.org:587",
      LOG_LEVEL: "warn",
    });
    expect(config).toMatchObject({
      port: 8080,
      holdTtlSeconds: 60,
      holdMaxSeconds: 120,
      paymentTtlSeconds: 300,
      maxTicketsPerOrder: 6,
      maxHoldRenewals: 0,
      maxCartTickets: 12,
      maxCartLines: 4,
      maxHeldPlacesPerAddress: 30,
      maxHeldPlacesPerAddressSignedIn: 60,
      maxEventStreamsPerAddress: 5,
      maxEventStreams: 500,
      venueTimeZone: "Europe/London",
      currency: "GBP",
      publicUrl: "https://tickets.example.org",
      databaseUrl: "postgres://u:p@db.example.org:5432/museum",
      smtpUrl: "smtp://mail.example.org:587",
      logLevel: "warn",
    });
  });

  it.each([
    [{ HOLD_TTL_SECONDS: "abc" }, "HOLD_TTL_SECONDS"],
    [{ HOLD_TTL_SECONDS: "1.5" }, "HOLD_TTL_SECONDS"],
    [{ PORT: "-1" }, "PORT"],
    [{ PORT: "70000" }, "PORT"],
    [{ MAX_TICKETS_PER_ORDER: "0" }, "MAX_TICKETS_PER_ORDER"],
    [{ VENUE_TIMEZONE: "Mars/Olympus_Mons" }, "VENUE_TIMEZONE"],
    [{ CURRENCY: "rupees" }, "CURRENCY"],
    [{ PAYMENT_PROVIDER: "paypal" }, "PAYMENT_PROVIDER"],
    [{ LOG_LEVEL: "loud" }, "LOG_LEVEL"],
    [{ PUBLIC_URL: "tickets" }, "PUBLIC_URL"],
    [{ SMTP_URL: "mail.example.org" }, "SMTP_URL"],
    [{ HOLD_TTL_SECONDS: "900", HOLD_MAX_SECONDS: "600" }, "HOLD_MAX_SECONDS"],
    [{ MAX_HOLD_RENEWALS: "101" }, "MAX_HOLD_RENEWALS"],
    [{ MAX_CART_LINES: "0" }, "MAX_CART_LINES"],
    [{ MAX_CART_TICKETS: "lots" }, "MAX_CART_TICKETS"],
    [{ MAX_CART_TICKETS: "5" }, "MAX_CART_TICKETS"],
    [{ MAX_HELD_PLACES_PER_ADDRESS: "0" }, "MAX_HELD_PLACES_PER_ADDRESS"],
    [{ MAX_HELD_PLACES_PER_ADDRESS_SIGNED_IN: "50" }, "MAX_HELD_PLACES_PER_ADDRESS_SIGNED_IN"],
    [{ MAX_EVENT_STREAMS_PER_ADDRESS: "-3" }, "MAX_EVENT_STREAMS_PER_ADDRESS"],
    [{ MAX_EVENT_STREAMS: "10" }, "MAX_EVENT_STREAMS"],
    [{ APP_ENV: "production" }, "AUTH_SECRET"],
    [{ AUTH_SECRET: "short" }, "AUTH_SECRET"],
    [{ PAYMENT_PROVIDER: "razorpay" }, "RAZORPAY_KEY_ID"],
    [{ PAYMENT_PROVIDER: "stripe" }, "STRIPE_SECRET_KEY"],
    [{ TRUST_PROXY: "yes" }, "TRUST_PROXY"],
    [{ TRUST_PROXY: "10" }, "TRUST_PROXY"],
    [{ METRICS_TOKEN: "short" }, "METRICS_TOKEN"],
  ])("refuses %o with one line naming %s", (env, variable) => {
    const message = fails(env);
    expect(message).toContain(variable);
    expect(message).not.toContain("\n");
  });

  it.each<Record<string, string>>([{}, { PAYMENT_PROVIDER: "test" }, { ALLOW_TEST_PAYMENTS: "false" }])("refuses the test payment provider in production: %o", (env) => {
    const message = fails({ APP_ENV: "production", AUTH_SECRET: "x".repeat(32), ...env });
    expect(message).toContain("PAYMENT_PROVIDER must be razorpay or stripe when APP_ENV=production");
    expect(message).toContain("ALLOW_TEST_PAYMENTS=true");
  });

  it("takes the test payment provider in production only when ALLOW_TEST_PAYMENTS=true, and a real one without it", () => {
    const production = { APP_ENV: "production", AUTH_SECRET: "x".repeat(32) };
    expect(parseConfig({ ...production, ALLOW_TEST_PAYMENTS: "true" })).toMatchObject({ production: true, paymentProvider: "test" });
    const stripe = { PAYMENT_PROVIDER: "stripe", STRIPE_SECRET_KEY: "sk_live_x", STRIPE_WEBHOOK_SECRET: "whsec_x" };
    expect(parseConfig({ ...production, ...stripe })).toMatchObject({ paymentProvider: "stripe" });
  });

  it.each([
    ["false", 0],
    ["true", 1],
    ["1", 1],
    ["2", 2],
  ])("reads TRUST_PROXY=%s as %i trusted proxies", (value, hops) => {
    expect(parseConfig({ TRUST_PROXY: value }).trustedProxies).toBe(hops);
  });

  it("does not echo secrets or connection strings back", () => {
    expect(fails({ METRICS_TOKEN: "hunter2" })).not.toContain("hunter2");
    const message = fails({ DATABASE_URL: "mysql://root:hunter2@db/museum" });
    expect(message).toContain("DATABASE_URL");
    expect(message).not.toContain("hunter2");
  });

  it("treats an empty variable as unset", () => {
    expect(parseConfig({ PORT: "", DATABASE_URL: "" })).toMatchObject({ port: 3000, databaseUrl: undefined });
  });
});

describe("authSecret", () => {
  it("refuses to sign anything when no secret was resolved, instead of signing with an empty one", () => {
    const store = globalThis as unknown as Record<symbol, unknown>;
    const cacheKey = Symbol.for("museum.config");
    const [cached, secret] = [store[cacheKey], process.env.AUTH_SECRET];
    delete store[cacheKey];
    delete process.env.AUTH_SECRET;
    try {
      expect(() => authSecret()).toThrow(/AUTH_SECRET is not resolved/);
      process.env.AUTH_SECRET = "resolved-at-start-up-0123456789abcdef";
      expect(authSecret()).toBe("resolved-at-start-up-0123456789abcdef");
    } finally {
      store[cacheKey] = cached;
      process.env.AUTH_SECRET = secret;
    }
  });
});
