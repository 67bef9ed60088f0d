type Exhibition = { slug: string; ticketTypes: { id: string; consumesCapacity: boolean }[] };
type Slot = { id: string; available: number; status: string };

async function getJson<T>(url: string): Promise<T> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`GET ${url} answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as T;
}

/** The first exhibition of the catalogue: the one a visitor meets first on the home page. */
export async function firstExhibitionSlug(baseUrl: string): Promise<string> {
  const { exhibitions } = await getJson<{ exhibitions: { slug: string }[] }>(`${baseUrl}/api/exhibitions`);
  const first = exhibitions[0];
  if (!first) throw new Error("The catalogue is empty: the server should have seeded the demo museum.");
  return first.slug;
}

/**
 * Holds two tickets for a new guest through the API, as the booking page would, and returns that
 * guest's cookie so the cart and checkout pages can be audited with something in the cart.
 */
export async function guestCartCookie(baseUrl: string, slug: string): Promise<string> {
  const { exhibition } = await getJson<{ exhibition: Exhibition }>(`${baseUrl}/api/exhibitions/${slug}`);
  const { slots } = await getJson<{ slots: Slot[] }>(`${baseUrl}/api/exhibitions/${slug}/slots`);
  const slot = slots.find((candidate) => (candidate.status === "open" || candidate.status === "few_left") && candidate.available >= 2);
  const ticketType = exhibition.ticketTypes.find((type) => type.consumesCapacity);
  if (!slot || !ticketType) throw new Error(`${slug} has no open slot with two places, or no ticket type that takes a place.`);
  const response = await fetch(`${baseUrl}/api/cart/items`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ slotId: slot.id, ticketTypeId: ticketType.id, quantity: 2 }),
  });
  if (response.status !== 201) throw new Error(`Adding to the cart answered ${response.status}: ${await response.text()}`);
  const cookie = response.headers.getSetCookie().find((line) => line.startsWith("cart="));
  if (!cookie) throw new Error("Adding to the cart set no cart cookie.");
  return cookie.split(";")[0]!;
}
