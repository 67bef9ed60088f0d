"use client";

import Link from "next/link";
import { useState } from "react";
import { formatMoney, formatWhen } from "@/components/format";
import type { OrderHit } from "@/domain/desk/search-orders";
import { problemMessage, staffApi } from "../staff-api";
import { TableHead } from "../table-head";

export const STATUS_WORDS: Record<OrderHit["status"], string> = { pending_payment: "Awaiting payment", paid: "Paid", expired: "Expired", cancelled: "Cancelled", refunded: "Refunded" };

/** The search's hits as a table, newest first; "Load more" appends the next page by its cursor. */
export function OrderResults({ first, nextCursor, query, timeZone }: { first: OrderHit[]; nextCursor: string | null; query: string; timeZone: string }) {
  const [orders, setOrders] = useState(first);
  const [cursor, setCursor] = useState(nextCursor);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string>();

  async function more() {
    if (!cursor) return;
    setBusy(true);
    setProblem(undefined);
    try {
      const page = await staffApi<{ orders: OrderHit[]; nextCursor: string | null }>(`/api/staff/orders?${new URLSearchParams([...new URLSearchParams(query), ["cursor", cursor]])}`);
      setOrders((shown) => [...shown, ...page.orders]);
      setCursor(page.nextCursor);
    } catch (error) {
      setProblem(problemMessage(error));
    } finally {
      setBusy(false);
    }
  }

  if (orders.length === 0) return <p className="mt-6 text-muted" role="status">No order matches.</p>;
  return (
    <div className="mt-6">
      <table className="w-full border-collapse text-sm" data-testid="order-results">
        <TableHead caption="Orders found, newest first" columns={["Order", "Buyer", "Visit", { label: "Tickets", align: "right" }, { label: "Total", align: "right" }, "Status"]} />
        <tbody>
          {orders.map((order) => (
            <tr key={order.id} className="border-b border-line/60 align-top" data-testid="order-hit">
              <td className="py-2 pr-3">
                <Link href={`/staff/orders/${order.id}`} className="font-semibold text-accent underline-offset-4 hover:underline">
                  {order.number}
                </Link>
                <div className="text-xs text-muted">{formatWhen(order.createdAt, timeZone)}</div>
              </td>
              <td className="py-2 pr-3">
                {order.name}
                <div className="break-all text-xs text-muted">{order.email}</div>
              </td>
              <td className="py-2 pr-3">{order.visit ? <>{order.visit.exhibition.title}<div className="text-xs text-muted">{formatWhen(order.visit.startsAt, timeZone)}</div></> : "—"}</td>
              <td className="py-2 pr-3 text-right tabular-nums">{order.ticketCount}</td>
              <td className="py-2 pr-3 text-right tabular-nums">{formatMoney(order.total)}</td>
              <td className="py-2 pr-3">{STATUS_WORDS[order.status]}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {problem && <p role="alert" className="mt-3 rounded-lg border border-sold/30 bg-sold/5 px-3 py-2 text-sm text-sold">{problem}</p>}
      {cursor && (
        <button type="button" onClick={() => void more()} disabled={busy} className="mt-4 rounded-lg border border-line bg-white px-4 py-2 font-semibold text-ink hover:bg-paper disabled:opacity-50">
          {busy ? "Loading…" : "Load more"}
        </button>
      )}
    </div>
  );
}
