import { addressKey } from "../address-key";
import { databaseHandle } from "../database";
import { config } from "../config";
import { logger } from "../logger";
import { processSingleton } from "../shared";
import { sharedLimiter } from "./database-rate-limiter";
import { HttpError, isHttpError } from "./http-error";

// Set by the web server from the socket (or X-Forwarded-For with TRUST_PROXY); a client's own value is overwritten.
export const CLIENT_IP_HEADER = "x-client-ip";

// How long a client refused for want of the limit store is asked to wait.
const STORE_DOWN_RETRY_SECONDS = 5;

/**
 * Counted in the database, so every process on it shares one count per key (issue 11). Limits on
 * secrets refuse while their store is down; limits on load count per process meanwhile.
 */
function limiters() {
  return processSingleton("rate-limiters", () => {
    const pool = databaseHandle().pool;
    return {
      perCart: sharedLimiter(pool, { keyPrefix: "cart", points: config().rateLimitCartPerMinute, duration: 60, whenStoreFails: "count-per-process" }),
      perStaff: sharedLimiter(pool, { keyPrefix: "staff", points: config().rateLimitStaffPerMinute, duration: 60, whenStoreFails: "count-per-process" }),
      readsPerStaff: sharedLimiter(pool, { keyPrefix: "staff-reads", points: config().rateLimitStaffReadsPerMinute, duration: 60, whenStoreFails: "count-per-process" }),
      scansPerStaff: sharedLimiter(pool, { keyPrefix: "scans", points: config().rateLimitScansPerMinute, duration: 60, whenStoreFails: "count-per-process" }),
      resendsPerOrder: sharedLimiter(pool, { keyPrefix: "resend", points: RESENDS_PER_ORDER_PER_HOUR, duration: 3600, whenStoreFails: "count-per-process" }),
      imagesPerStaff: sharedLimiter(pool, { keyPrefix: "images", points: config().rateLimitImagesPerHour, duration: 3600, whenStoreFails: "count-per-process" }),
      perAddress: sharedLimiter(pool, { keyPrefix: "ip", points: config().rateLimitIpPerMinute, duration: 60, whenStoreFails: "count-per-process" }),
      waitlistPerAddress: sharedLimiter(pool, { keyPrefix: "waitlist-ip", points: WAITLIST_JOINS_PER_ADDRESS_PER_HOUR, duration: 3600, whenStoreFails: "refuse" }),
      waitlistPerEmail: sharedLimiter(pool, { keyPrefix: "waitlist-email", points: WAITLIST_JOINS_PER_EMAIL_PER_HOUR, duration: 3600, whenStoreFails: "refuse" }),
      signInPerEmail: sharedLimiter(pool, { keyPrefix: "sign-in-email", points: config().rateLimitSignInPerMinute, duration: 60, whenStoreFails: "refuse" }),
      signInPerAccount: sharedLimiter(pool, { keyPrefix: "sign-in-account", points: config().rateLimitSignInAccountPerMinute, duration: 60, whenStoreFails: "refuse" }),
      lookupsPerAddress: sharedLimiter(pool, { keyPrefix: "lookup-ip", points: config().rateLimitLookupIpPerHour, duration: 3600, whenStoreFails: "count-per-process" }),
      lookupMailsPerEmail: sharedLimiter(pool, { keyPrefix: "lookup-email", points: config().lookupMailsPerEmailPerHour, duration: 3600, whenStoreFails: "refuse" }),
      signInPerAddress: sharedLimiter(pool, { keyPrefix: "sign-in-ip", points: config().rateLimitSignInIpPerMinute, duration: 60, whenStoreFails: "refuse" }),
    };
  });
}

/** The client's address as every limit counts it: IPv6 by its /64 (address-key.ts). */
export const addressKeyOf = (headers: Headers) => addressKey(headers.get(CLIENT_IP_HEADER) ?? "unknown");

const clientIp = (request: Request) => addressKeyOf(request.headers);

/**
 * A limiter refuses by rejecting with a RateLimiterRes, and a store failure with an Error. Told apart
 * by shape: the limiter may come from another copy of the package than this module's (decision 11).
 */
const isRateLimiterRes = (value: unknown): value is { msBeforeNext: number } =>
  typeof value === "object" && value !== null && !(value instanceof Error) && typeof (value as { msBeforeNext?: unknown }).msBeforeNext === "number";

async function consume(limiter: { consume: (key: string, points?: number) => Promise<unknown> }, key: string, what: string, points = 1): Promise<void> {
  try {
    await limiter.consume(key, points);
  } catch (rejection) {
    if (!isRateLimiterRes(rejection)) {
      logger().error({ err: rejection }, "the rate limit store failed; refusing");
      throw new HttpError("busy", `We cannot check the limit on ${what} right now, so nothing was done; please try again in a moment.`, { "retry-after": String(STORE_DOWN_RETRY_SECONDS) });
    }
    const seconds = Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
    throw new HttpError("rate_limited", `Too many ${what} in a short time; try again in ${seconds} s.`, { "retry-after": String(seconds) });
  }
}

/** For a page, which shows a refusal rather than answering 429: the refusal's words when over the limit, else undefined. */
export async function overLimit(check: Promise<void>): Promise<string | undefined> {
  try {
    await check;
    return undefined;
  } catch (error) {
    if (isHttpError(error) && error.code === "rate_limited") return error.message;
    throw error;
  }
}

/**
 * Cart writes are counted per cart (or session) when the visitor has one, and always per address,
 * against a much higher ceiling, so a school or an office behind one address is not refused, and
 * a script cannot escape the count by writing without a cart or with many.
 */
export async function limitCartWrites(request: Request, ownerKey: string | undefined): Promise<void> {
  const { perCart, perAddress } = limiters();
  if (ownerKey) await consume(perCart, ownerKey, "changes");
  await consume(perAddress, clientIp(request), "changes");
}

/** Language changes count against the address's general ceiling: a script cannot use the switch to write cookies at speed. */
export async function limitLocaleChanges(request: Request): Promise<void> {
  await consume(limiters().perAddress, clientIp(request), "language changes");
}

/** Staff writes count per account: a stolen or scripted staff session cannot rewrite the catalogue at speed. */
export async function limitStaffWrites(userId: string): Promise<void> {
  await consume(limiters().perStaff, userId, "changes");
}

/**
 * Staff reads (console pages, searches, an order, the till, the door's lists, a day board's stream)
 * count per account, apart from changes: one person reads far below the limit, but a scripted
 * session of any staff account could otherwise read every order at the per-address ceiling and
 * keep the database searching trigram indexes all day.
 */
export async function limitStaffReads(userId: string): Promise<void> {
  await consume(limiters().readsPerStaff, userId, "pages and searches");
}

// A report reads its rows day by day: each month of its range counts as one change.
const REPORT_DAYS_PER_CHANGE = 31;

/**
 * Staff reports count against the same limit, by the days they read: a year's report costs what
 * thirteen changes do, so a scripted session cannot keep the database summing a year of rows.
 */
export async function limitStaffReports(userId: string, days: number, reports = 1): Promise<void> {
  await consume(limiters().perStaff, userId, "reports", reports * Math.ceil(days / REPORT_DAYS_PER_CHANGE));
}

/**
 * Door scans count per account, each scan of an offline upload as one: a door account is often
 * shared by several scanners at a busy entrance, so its ceiling is its own, well above a person's pace.
 */
export async function limitScans(userId: string, scans: number): Promise<void> {
  await consume(limiters().scansPerStaff, userId, "scans", scans);
}

/** A buyer's inbox is not ours to flood: the desk resends one order's confirmation at most this often, whoever asks. */
export const RESENDS_PER_ORDER_PER_HOUR = 5;

export async function limitResends(orderId: string): Promise<void> {
  await consume(limiters().resendsPerOrder, orderId, "resends of this order's confirmation");
}

/** Each upload is a file kept for ever (up to 2 MiB): a scripted staff session cannot fill the disk at the write limit's pace. */
export async function limitImageUploads(userId: string): Promise<void> {
  await consume(limiters().imagesPerStaff, userId, "image uploads");
}

// An email's attempts from one address: a stranger using up this count locks out only themselves.
const emailFromAddress = (request: Request, email: string) => `${email} ${clientIp(request)}`;

/**
 * Password guessing is slowed at three levels. Every attempt counts per address (one address
 * against many accounts; sign-ups count here too). Failed attempts on an email count per email and
 * address (a small limit: one address against one account), and per email from all addresses
 * together (a much higher limit: many addresses against one account), so a stranger cannot
 * lock the owner out, who signs in from an address of their own, without a botnet. An attempt is
 * counted before it runs, so parallel guesses cannot overtake the count, and given back by
 * `forgiveSignIn` when it succeeds.
 */
export async function limitSignIn(request: Request, email?: string): Promise<void> {
  const { signInPerEmail, signInPerAccount, signInPerAddress } = limiters();
  await consume(signInPerAddress, clientIp(request), "sign-in attempts");
  if (!email) return;
  await consume(signInPerEmail, emailFromAddress(request, email), "failed sign-ins for this email");
  await consume(signInPerAccount, email, "failed sign-ins for this email");
}

/** A sign-in or password check that succeeded: only failures count against the email. */
export async function forgiveSignIn(request: Request, email: string): Promise<void> {
  const { signInPerEmail, signInPerAccount } = limiters();
  // The sign-in has succeeded and its session is set: a store that cannot take the points back costs
  // the owner a few attempts, never the answer.
  await Promise.all([signInPerEmail.reward(emailFromAddress(request, email)), signInPerAccount.reward(email)]).catch((error: unknown) =>
    logger().warn({ err: error }, "could not give a successful sign-in's attempts back"),
  );
}

/**
 * Each join sends an e-mail: one address cannot flood inboxes or fill every sold-out slot's line
 * with made-up addresses, and nobody's inbox gets more than a few waiting-list e-mails an hour,
 * whoever asks. Counted before the join runs, so parallel requests cannot overtake the count.
 */
export const WAITLIST_JOINS_PER_ADDRESS_PER_HOUR = 20;
export const WAITLIST_JOINS_PER_EMAIL_PER_HOUR = 5;

export async function limitWaitlistJoins(request: Request, email: string): Promise<void> {
  const { waitlistPerAddress, waitlistPerEmail } = limiters();
  await consume(waitlistPerAddress, clientIp(request), "waiting-list requests");
  await consume(waitlistPerEmail, email.trim().toLowerCase(), "waiting-list requests for this e-mail");
}

/** Leaving by a link: counted per address like any visitor's change. */
export async function limitWaitlistLeaves(request: Request): Promise<void> {
  await consume(limiters().perAddress, clientIp(request), "changes");
}

/** "Find my booking" requests count per address: one script asking for many addresses is refused (429). */
export async function limitLookups(request: Request): Promise<void> {
  await consume(limiters().lookupsPerAddress, clientIp(request), "booking look-ups");
}

/**
 * Whether a "find my booking" request may mail its address: at most LOOKUP_MAILS_PER_EMAIL_PER_HOUR an
 * hour, from all addresses together, so a script with many addresses cannot flood one inbox. Over the
 * limit the request is still answered 202 and simply mails nothing: the limit is on the inbox, not the
 * asker, and the owner already has the links. With the store down, nothing is mailed.
 */
export async function mayMailLookup(email: string): Promise<boolean> {
  try {
    await limiters().lookupMailsPerEmail.consume(email);
    return true;
  } catch (rejection) {
    if (!isRateLimiterRes(rejection)) logger().error({ err: rejection }, "the rate limit store failed; a booking look-up mails nothing");
    return false;
  }
}
