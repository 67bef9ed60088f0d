import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as authGet, POST as authPost } from "@/app/api/auth/[...all]/route";
import { DELETE as deleteItem, PATCH as patchItem } from "@/app/api/cart/items/[itemId]/route";
import { POST as postItem } from "@/app/api/cart/items/route";
import { GET as getCart } from "@/app/api/cart/route";
import { GET as getMe } from "@/app/api/me/route";
import { GET as staffDay } from "@/app/api/staff/day/route";
import { createCredentialUser } from "@/db/accounts";
import { venueDateOf } from "@/domain/calendar/venue-time";
import { carts, sessions } from "@/db/schema";
import { databaseHandle } from "@/server/database";
import { bookableShow, slotCounts } from "../support/cart-fixtures";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { device, type Device } from "../support/device";

let database: TestDatabase;
let show: Awaited<ReturnType<typeof bookableShow>>;
beforeAll(async () => {
  database = await createTestDatabase();
  databaseHandle(database);
  show = await bookableShow(database.db, new Date(), { slots: 2 });
});
afterAll(() => database.drop());

const PASSWORD = "a long enough password";
let counter = 0;
const freshEmail = () => `visitor-${Date.now()}-${counter++}@example.org`;

const signUp = (on: Device, email = freshEmail(), name = "Asha Rao") => on.send(authPost, "POST", "/api/auth/sign-up/email", { body: { name, email, password: PASSWORD } });
const signIn = (on: Device, email: string, password = PASSWORD) => on.send(authPost, "POST", "/api/auth/sign-in/email", { body: { email, password } });
const signOut = (on: Device) => on.send(authPost, "POST", "/api/auth/sign-out");
const add = (on: Device, quantity: number, slot = show.slot, ticketTypeId = show.adult.id) => on.send(postItem, "POST", "/api/cart/items", { body: { slotId: slot.id, ticketTypeId, quantity } });
const cartOf = async (on: Device) => (await on.send(getCart, "GET", "/api/cart")).body.cart;

/** A user with an account, signed out, on a device of their own. */
async function existingUser() {
  const email = freshEmail();
  const setup = device();
  expect((await signUp(setup, email)).status).toBe(200);
  return email;
}

describe("sign-up, sign-in, sign-out and /api/me", () => {
  it("signs up with a session cookie that is HttpOnly and SameSite=Lax, and /api/me answers on the very next request", async () => {
    const browser = device();
    const email = freshEmail();
    const answer = await signUp(browser, email, "Asha Rao");
    expect(answer.status).toBe(200);
    const session = answer.setCookies.find((cookie) => cookie.startsWith("better-auth.session_token="))!;
    expect(session).toMatch(/HttpOnly/);
    expect(session).toMatch(/SameSite=Lax/);
    expect(session).not.toMatch(/Secure/);
    expect(answer.body.token).toBeUndefined();
    const me = await browser.send(getMe, "GET", "/api/me");
    expect(me.status).toBe(200);
    expect(me.body).toEqual({ user: { id: answer.body.user.id, name: "Asha Rao", email, role: "visitor" } });
  });

  it("answers /api/me with 401 for a guest", async () => {
    const me = await device().send(getMe, "GET", "/api/me");
    expect(me.status).toBe(401);
    expect(me.body.error.code).toBe("unauthenticated");
  });

  it("gives the same answer for an unknown email and a wrong password", async () => {
    const email = await existingUser();
    const wrong = await signIn(device(), email, "not the password at all");
    const unknown = await signIn(device(), freshEmail(), "not the password at all");
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect({ ...wrong.body.error, requestId: undefined }).toEqual({ ...unknown.body.error, requestId: undefined });
    expect(wrong.body.error.code).toBe("unauthenticated");
  });

  it("issues a new session on every sign-in, and sign-out ends it on the server", async () => {
    const email = await existingUser();
    const browser = device();
    await signIn(browser, email);
    const first = browser.jar.get("better-auth.session_token");
    await signIn(browser, email);
    const second = browser.jar.get("better-auth.session_token");
    expect(second).toBeDefined();
    expect(second).not.toBe(first);

    const stolen = device();
    stolen.jar.set("better-auth.session_token", second!);
    expect((await stolen.send(getMe, "GET", "/api/me")).status).toBe(200);
    expect((await signOut(browser)).status).toBe(200);
    expect(browser.jar.has("better-auth.session_token")).toBe(false);
    expect((await stolen.send(getMe, "GET", "/api/me")).status).toBe(401);
    expect(await database.db.select().from(sessions).where(eq(sessions.token, second!.split(".")[0]!))).toEqual([]);
  });

  it("refuses a taken email with 422 email_taken and malformed bodies with 400 and fields", async () => {
    const email = await existingUser();
    const taken = await signUp(device(), email.toUpperCase());
    expect(taken.status).toBe(422);
    expect(taken.body.error.code).toBe("email_taken");
    const bad = await device().send(authPost, "POST", "/api/auth/sign-up/email", { body: { name: "", email: "not-an-email", password: "short" } });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.error.fields).sort()).toEqual(["email", "name", "password"]);
    const extra = await device().send(authPost, "POST", "/api/auth/sign-in/email", { body: { email, password: PASSWORD, role: "admin" } });
    expect(extra.status).toBe(400);
    expect(extra.body.error.fields).toEqual({ role: "is not a known field" });
  });

  it("refuses a sign-in from another site with 403", async () => {
    const email = await existingUser();
    const answer = await device().send(authPost, "POST", "/api/auth/sign-in/email", { body: { email, password: PASSWORD }, headers: { origin: "https://elsewhere.example" } });
    expect(answer.status).toBe(403);
    expect(answer.body.error.code).toBe("forbidden");
  });
});

describe("guessing passwords", () => {
  it("is limited per email and address: 429 with Retry-After there, even with the right password, while the owner still signs in from their own", async () => {
    const email = await existingUser();
    const stranger = device();
    const answers = [];
    for (let attempt = 0; attempt < 6; attempt++) answers.push((await signIn(stranger, email, `guess number ${attempt}`)).status);
    expect(answers).toEqual([401, 401, 401, 401, 401, 429]);
    const right = await signIn(stranger, email);
    expect(right.status).toBe(429);
    expect(Number(right.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(right.body.error.code).toBe("rate_limited");
    expect((await signIn(device(), email)).status).toBe(200);
  });

  it("counts failures only: the owner signing in again and again is never refused", async () => {
    const email = await existingUser();
    const owner = device();
    const answers = [];
    for (let attempt = 0; attempt < 8; attempt++) answers.push((await signIn(owner, email)).status);
    expect(answers).toEqual(Array(8).fill(200));
  });

  it("is limited per address across many emails", async () => {
    const attacker = device();
    const statuses = [];
    for (let attempt = 0; attempt < 62; attempt++) statuses.push((await signIn(attacker, freshEmail(), "password guess")).status);
    expect(statuses.slice(0, 60).every((status) => status === 401)).toBe(true);
    expect(statuses.slice(60)).toEqual([429, 429]);
  });
});

describe("the guest cart on sign-in", () => {
  it("moves into the account in the same answer; the guest cookie is cleared; holds and timers carry over", async () => {
    const email = await existingUser();
    const browser = device();
    const added = await add(browser, 2);
    const guestCartId = added.body.cart.id;
    const heldBefore = (await slotCounts(database.db, show.slot.id)).held;
    const answer = await signIn(browser, email);
    expect(answer.status).toBe(200);
    expect(answer.setCookies).toContain("cart=; Max-Age=0; Path=/; HttpOnly; SameSite=Lax");
    expect(browser.jar.has("cart")).toBe(false);
    expect(answer.body.refused).toEqual([]);
    expect(answer.body.cart.items).toHaveLength(1);
    expect(answer.body.cart.items[0]).toMatchObject({ quantity: 2, status: "held", holdExpiresAt: added.body.cart.items[0].holdExpiresAt });
    expect(await cartOf(browser)).toEqual(answer.body.cart);
    expect((await slotCounts(database.db, show.slot.id)).held).toBe(heldBefore);
    expect(await database.db.select().from(carts).where(eq(carts.id, guestCartId))).toEqual([]);
  });

  it("adds up with the cart the user already has on another device, caps at the limit and reports the excess", async () => {
    const email = await existingUser();
    const laptop = device();
    await signIn(laptop, email);
    await add(laptop, 7);
    const phone = device();
    await add(phone, 6);
    await add(phone, 1, show.slots[1]!);
    const heldBefore = (await slotCounts(database.db, show.slot.id)).held;

    const answer = await signIn(phone, email);
    expect(answer.status).toBe(200);
    expect(answer.body.refused).toEqual([
      expect.objectContaining({ slotId: show.slot.id, ticketTypeId: show.adult.id, quantity: 3, reason: "limit_exceeded", ticketType: { name: "Adult" }, exhibition: expect.objectContaining({ slug: show.exhibition.slug }) }),
    ]);
    expect((await slotCounts(database.db, show.slot.id)).held).toBe(heldBefore - 3);
    const onLaptop = await cartOf(laptop);
    expect(onLaptop.items.map((item: { quantity: number }) => item.quantity).sort()).toEqual([1, 10]);
    expect(await cartOf(phone)).toEqual(onLaptop);
  });

  it("merges on sign-up too, and a repeated sign-in adds nothing twice", async () => {
    const browser = device();
    await add(browser, 2);
    const guestCookie = browser.jar.get("cart")!;
    const email = freshEmail();
    const answer = await signUp(browser, email);
    expect(answer.body.cart.itemCount).toBe(2);

    // The same guest cookie replayed on a second sign-in (a retry, a back button) finds no guest cart.
    const replay = device();
    replay.jar.set("cart", guestCookie);
    const again = await signIn(replay, email);
    expect(again.body.cart.itemCount).toBe(2);
    expect(again.body.refused).toEqual([]);
  });

  it("creates the account's cart at sign-in, so every device can follow it from the start", async () => {
    const answer = await signUp(device());
    expect(answer.body.cart.id).toEqual(expect.any(String));
    expect(answer.body.cart.items).toEqual([]);
  });
});

describe("one visitor's cart is nobody else's", () => {
  it("answers 404 to another user, and to a guest, for a signed-in user's cart lines", async () => {
    const owner = device();
    await signUp(owner);
    const itemId = (await add(owner, 1)).body.cart.items[0].id;
    const other = device();
    await signUp(other);
    for (const stranger of [other, device()]) {
      expect((await stranger.send(patchItem, "PATCH", `/api/cart/items/${itemId}`, { body: { quantity: 2 }, params: { itemId } })).status).toBe(404);
      expect((await stranger.send(deleteItem, "DELETE", `/api/cart/items/${itemId}`, { params: { itemId } })).status).toBe(404);
    }
    expect((await cartOf(owner)).items[0].quantity).toBe(1);
  });
});

describe("staff-only routes", () => {
  it("answer 401 to guests, 403 to visitors, and 200 to staff and admins", async () => {
    // The museum's day of the slot, not its UTC one: they differ from 18:30 to midnight UTC.
    const path = `/api/staff/day?date=${venueDateOf(show.slot.startsAt, "Asia/Kolkata")}`;
    expect((await device().send(staffDay, "GET", path)).status).toBe(401);
    const visitor = device();
    await signUp(visitor);
    const refused = await visitor.send(staffDay, "GET", path);
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe("forbidden");

    for (const role of ["staff", "admin"] as const) {
      const email = freshEmail();
      await createCredentialUser(database.db, { email, name: "Door", password: PASSWORD, role, now: new Date() });
      const member = device();
      expect((await signIn(member, email)).status).toBe(200);
      expect((await member.send(getMe, "GET", "/api/me")).body.user.role).toBe(role);
      const sheet = await member.send(staffDay, "GET", path);
      expect(sheet.status).toBe(200);
      expect(sheet.body.slots.map((slot: { id: string }) => slot.id)).toContain(show.slot.id);
    }
  });
});

describe("better-auth's other endpoints", () => {
  it("keep API.md's error shape", async () => {
    const answer = await device().send(authGet, "GET", "/api/auth/no-such-endpoint");
    expect(answer.status).toBe(404);
    expect(answer.body.error.code).toBe("not_found");
  });
});
