import type { Metadata } from "next";
import { OrderResults, STATUS_WORDS } from "@/components/staff/orders/order-results";
import { StaffRefusal } from "@/components/staff/staff-refusal";
import { isVenueDate } from "@/domain/calendar/venue-time";
import { searchOrders, type OrderHit } from "@/domain/desk/search-orders";
import { isDomainError } from "@/domain/errors";
import { staffPage } from "@/server/page-staff";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Orders" };

const one = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value)?.trim() || undefined;
const isStatus = (value: string | undefined): value is OrderHit["status"] => value !== undefined && value in STATUS_WORDS;

/** Staff: the service desk's search, by order number, ticket code, name or e-mail, visit day and status. */
export default async function OrdersPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const page = await staffPage("staff", "/staff/orders");
  if ("refused" in page) return <StaffRefusal {...page} />;
  const params = await searchParams;
  // As the API's plainText would refuse them: PostgreSQL cannot even compare a NUL.
  const q = one(params.q)?.replace(/[\u0000-\u001f\u007f]/g, "").slice(0, 200) || undefined;
  const date = one(params.date);
  const status = one(params.status);
  const input = { q, date: date && isVenueDate(date) ? date : undefined, status: isStatus(status) ? status : undefined };
  const found = await searchOrders({ ctx: page.ctx, input }).catch((error: unknown) => {
    if (isDomainError(error) && error.code === "invalid_request") return Object.values((error.details.fields ?? {}) as Record<string, string>).join("; ") || error.message;
    throw error;
  });
  const query = new URLSearchParams(Object.entries(input).filter((entry): entry is [string, string] => entry[1] !== undefined)).toString();
  const field = "mt-1 rounded-lg border border-line bg-white px-3 py-2 font-normal";

  return (
    <div>
      <h1 className="font-serif text-3xl font-semibold text-ink">Orders</h1>
      <p className="mt-1 text-muted">Find a booking by its number, a ticket code, or part of the buyer&apos;s name or e-mail. Newest first.</p>
      <form method="get" action="/staff/orders" role="search" className="mt-6 flex flex-wrap items-end gap-4" aria-label="Search orders">
        <label className="flex grow flex-col text-sm font-semibold text-ink">
          Search
          <input type="search" name="q" defaultValue={q} placeholder="1042, ABCD-EFGH-…, Rao, asha@…" maxLength={200} className={`${field} min-w-64`} />
        </label>
        <label className="flex flex-col text-sm font-semibold text-ink">
          Visit day
          <input type="date" name="date" defaultValue={input.date} className={field} />
        </label>
        <label className="flex flex-col text-sm font-semibold text-ink">
          Status
          <select name="status" defaultValue={input.status ?? ""} className={field}>
            <option value="">Any</option>
            {Object.entries(STATUS_WORDS).map(([value, label]) => (
              <option key={value} value={value}>{label}</option>
            ))}
          </select>
        </label>
        <button type="submit" className="rounded-lg bg-accent px-4 py-2 font-semibold text-white hover:bg-accent-dark">Search</button>
      </form>
      {typeof found === "string" ? (
        <p className="mt-6 text-ink" role="alert">The search {found}.</p>
      ) : (
        <OrderResults key={query} first={found.orders} nextCursor={found.nextCursor} query={query} timeZone={page.ctx.settings.venueTimeZone} />
      )}
    </div>
  );
}
