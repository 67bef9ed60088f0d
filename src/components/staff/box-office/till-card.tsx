import { formatDay, formatMoney } from "@/components/format";
import type { TillSummary } from "@/domain/box-office/till-summary";
import { TableHead } from "../table-head";
import { PAYMENT_NAMES } from "./payment-names";

const count = (label: string) => ({ label, align: "right" as const });
const COLUMNS = ["Payment", count("Sales"), count("Tickets"), count("Taken"), count("Refunded"), count("Net")];

/** The signed-in seller's till for the day, per payment type: what to count in the drawer and the terminal at close. */
export function TillCard({ till }: { till: TillSummary }) {
  const mine = till.staff[0];
  return (
    <section aria-labelledby="till-heading" className="mt-10 rounded-xl border border-line bg-white p-4" data-testid="till">
      <h2 id="till-heading" className="font-serif text-2xl font-semibold text-ink">Your till, {formatDay(till.date, "long")}</h2>
      {!mine ? (
        <p className="mt-2 text-muted">No sales yet today.</p>
      ) : (
        <table className="mt-3 w-full border-collapse text-sm">
          <TableHead caption="Your sales today per payment type" columns={COLUMNS} />
          <tbody>
            {mine.lines.map((line) => (
              <tr key={line.payment} className="border-b border-line/60" data-payment={line.payment}>
                <th scope="row" className="py-2 pr-3 text-left font-normal">{PAYMENT_NAMES[line.payment]}{line.payment === "invoice" && <span className="text-muted"> (owed)</span>}</th>
                <td className="py-2 pr-3 text-right tabular-nums">{line.sales}</td>
                <td className="py-2 pr-3 text-right tabular-nums">{line.tickets}</td>
                <td className="py-2 pr-3 text-right tabular-nums">{formatMoney(line.total)}</td>
                <td className="py-2 pr-3 text-right tabular-nums">{formatMoney(line.refunded)}</td>
                <td className="py-2 pr-3 text-right tabular-nums" data-testid="till-net">{formatMoney(line.net)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr className="font-semibold">
              <th scope="row" className="py-2 pr-3 text-left">Day</th>
              <td className="py-2 pr-3 text-right tabular-nums">{mine.lines.reduce((sum, line) => sum + line.sales, 0)}</td>
              <td className="py-2 pr-3 text-right tabular-nums">{mine.lines.reduce((sum, line) => sum + line.tickets, 0)}</td>
              <td className="py-2 pr-3 text-right tabular-nums">{formatMoney(mine.total)}</td>
              <td className="py-2 pr-3 text-right tabular-nums">{formatMoney(mine.refunded)}</td>
              <td className="py-2 pr-3 text-right tabular-nums">{formatMoney(mine.net)}</td>
            </tr>
          </tfoot>
        </table>
      )}
    </section>
  );
}
