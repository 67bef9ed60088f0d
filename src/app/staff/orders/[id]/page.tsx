import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { OrderDesk } from "@/components/staff/orders/order-desk";
import { StaffRefusal } from "@/components/staff/staff-refusal";
import { staffOrder } from "@/domain/desk/staff-order-view";
import { isDomainError } from "@/domain/errors";
import { staffPage } from "@/server/page-staff";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Order" };

/** Staff: one order at the service desk, with refund, move and resend. */
export default async function DeskOrderPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const page = await staffPage("staff", `/staff/orders/${encodeURIComponent(id)}`);
  if ("refused" in page) return <StaffRefusal {...page} />;
  const order = await staffOrder({ ctx: page.ctx, input: { orderId: id } }).catch((error: unknown) => {
    if (isDomainError(error) && error.code === "not_found") notFound();
    throw error;
  });
  return (
    <div>
      <Link href="/staff/orders" className="text-sm font-semibold text-accent underline-offset-4 hover:underline">← Orders</Link>
      <OrderDesk key={order.id} initial={order} timeZone={page.ctx.settings.venueTimeZone} />
    </div>
  );
}
