import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { formatDay } from "@/components/format";
import { addDays } from "@/domain/calendar/venue-time";
import { adultOf, expectNoAxeViolations, expectNoHorizontalScroll, slotAt, sql, tomorrow } from "./support";

const PASSWORD = "a long enough password";
let counter = 0;
const freshEmail = () => `e2e-${Date.now()}-${counter++}@example.org`;

/** An account made through the API, signed out. */
async function account(request: APIRequestContext, name = "Meera Iyer") {
  const email = freshEmail();
  const answer = await request.post("/api/auth/sign-up/email", { data: { name, email, password: PASSWORD } });
  expect(answer.status()).toBe(200);
  await request.post("/api/auth/sign-out");
  return email;
}

async function addAdults(page: Page, slug: string, day: string, time: string, adults: number) {
  await page.goto(`/exhibitions/${slug}?date=${day}`);
  await expect(page.getByRole("heading", { name: `Times on ${formatDay(day, "long")}` })).toBeVisible();
  await page.getByRole("radio", { name: new RegExp(`^${time} to`) }).check({ force: true });
  for (let i = 0; i < adults; i++) await page.getByRole("button", { name: "Add one Adult" }).click();
  await page.getByRole("button", { name: "Add to cart" }).click();
  await expect(page.getByText(`Added ${adults} ${adults === 1 ? "ticket" : "tickets"} for ${time} to your cart.`)).toBeVisible();
}

async function signInOnPage(page: Page, email: string) {
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
}

test("a guest who signs in at checkout lands back on checkout with the cart and its holds, in one request and no retries", async ({ page, browser }) => {
  const setup = await browser.newContext();
  const email = await account(setup.request);
  await setup.close();
  const day = addDays(tomorrow(), 20);
  const slotId = await slotAt("monsoon-rivers", day, "11:00");
  await addAdults(page, "monsoon-rivers", day, "11:00", 2);

  await page.goto("/cart");
  await page.getByRole("link", { name: "Checkout" }).click();
  await expect(page.getByRole("heading", { name: "Checkout" })).toBeVisible();
  await expect(page.getByLabel("Name")).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole("main").getByRole("link", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fcheckout$/);
  await expectNoAxeViolations(page);

  const requests: string[] = [];
  page.on("request", (request) => {
    const url = new URL(request.url());
    if (url.pathname.startsWith("/api/") || request.resourceType() === "document") requests.push(`${request.method()} ${url.pathname}`);
  });
  await signInOnPage(page, email);
  await expect(page).toHaveURL(/\/checkout$/);
  await expect(page.getByTestId("checkout-who")).toHaveText(`Signed in as Meera Iyer (${email}).`);
  await expect(page.getByTestId("cart-line")).toHaveCount(1);
  await expect(page.getByTestId("cart-line")).toHaveAttribute("data-status", "held");
  await expect(page.getByTestId("countdown")).toHaveText(/^1[45]:\d\d$/);
  await expect(page.getByTestId("account-link")).toHaveText("Account");
  await expectNoAxeViolations(page);

  // One sign-in, one page load, the page's one event stream: nothing waited for, polled or retried.
  expect(requests.filter((request) => !request.startsWith("GET /api/events"))).toEqual(["POST /api/auth/sign-in/email", "GET /checkout"]);
  expect(requests.filter((request) => request.startsWith("GET /api/events")).length).toBeLessThanOrEqual(1);

  const [held] = await sql<{ held: number }>("SELECT held FROM time_slots WHERE id = $1", [slotId]);
  expect(held!.held).toBe(2);
  const lines = await sql<{ status: string; quantity: number; live: boolean }>(
    `SELECT ci.status, ci.quantity, ci.hold_expires_at > now() AS live FROM cart_items ci JOIN carts c ON c.id = ci.cart_id JOIN "user" u ON u.id = c.user_id WHERE u.email = $1`,
    [email],
  );
  expect(lines).toEqual([{ status: "held", quantity: 2, live: true }]);
});

test("signing in says which guest tickets did not fit and goes on when asked", async ({ page, browser }) => {
  const day = addDays(tomorrow(), 21);
  const slotId = await slotAt("chola-bronzes", day, "10:30");
  const laptop = await browser.newContext();
  const email = await account(laptop.request);
  await laptop.request.post("/api/auth/sign-in/email", { data: { email, password: PASSWORD } });
  expect((await laptop.request.post("/api/cart/items", { data: { slotId, ticketTypeId: await adultOf("chola-bronzes"), quantity: 8 } })).status()).toBe(201);
  await laptop.close();

  await addAdults(page, "chola-bronzes", day, "10:30", 5);
  await page.goto("/sign-in?next=/cart");
  await signInOnPage(page, email);
  const refused = page.getByTestId("refused-lines");
  await expect(refused).toContainText("3 × Adult, Chola Bronzes: The Dancing Gods");
  await expect(refused).toContainText("over the limit of tickets per time slot");
  await expectNoAxeViolations(page);
  await page.getByRole("link", { name: "Continue" }).click();
  await expect(page).toHaveURL(/\/cart$/);
  await expect(page.getByTestId("cart-badge")).toContainText("10");
});

test("two devices signed in as one user share one cart and see each other's changes live", async ({ browser }) => {
  const day = addDays(tomorrow(), 22);
  const slotId = await slotAt("machines-that-think", day, "15:00");
  const phone = await browser.newContext();
  const laptop = await browser.newContext();
  const email = await account(phone.request);
  for (const device of [phone, laptop]) expect((await device.request.post("/api/auth/sign-in/email", { data: { email, password: PASSWORD } })).status()).toBe(200);

  const onPhone = await phone.newPage();
  const onLaptop = await laptop.newPage();
  await onPhone.goto("/cart");
  await onLaptop.goto("/cart");
  await expect(onLaptop.getByText("Your cart is empty.")).toBeVisible();

  expect((await phone.request.post("/api/cart/items", { data: { slotId, ticketTypeId: await adultOf("machines-that-think"), quantity: 2 } })).status()).toBe(201);
  await expect(onLaptop.getByTestId("cart-total")).toHaveText("₹700");
  await expect(onPhone.getByTestId("cart-total")).toHaveText("₹700");

  await onLaptop.getByRole("button", { name: /^Add one Adult/ }).click();
  await expect(onPhone.getByTestId("cart-total")).toHaveText("₹1,050");
  await expect(onPhone.getByTestId("cart-badge")).toContainText("3");
  await phone.close();
  await laptop.close();
});

test("a guest creates an account with tickets in the cart, sees the account page, and signs out", async ({ page }) => {
  const day = addDays(tomorrow(), 23);
  await addAdults(page, "monsoon-rivers", day, "16:00", 1);
  // Checkout offers signing in; a new account is made from the sign-up page, which comes back to checkout.
  await page.goto(`/sign-up?next=${encodeURIComponent("/checkout")}`);
  await expectNoAxeViolations(page);
  const email = freshEmail();
  await page.getByLabel("Your name").fill("Kabir Das");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("short");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("Password must be at least 10 characters.")).toBeVisible();
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/checkout$/);
  await expect(page.getByTestId("cart-line")).toHaveCount(1);

  await page.getByTestId("account-link").click();
  await expect(page.getByRole("heading", { name: "Your account" })).toBeVisible();
  await expect(page.getByText(email)).toBeVisible();
  await expect(page.getByTestId("account-role")).toHaveText("Visitor");
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByTestId("account-link")).toHaveText("Sign in");
  await expect(page.getByTestId("cart-badge")).toContainText("0");
  expect((await page.request.get("/api/me")).status()).toBe(401);
});

test("a wrong password is said plainly and the form keeps working", async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 740 });
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill("nobody@example.org");
  await page.getByLabel("Password").fill("wrong password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "The email or password is not right." })).toBeVisible();
  await expectNoHorizontalScroll(page);
  await expectNoAxeViolations(page);
});
