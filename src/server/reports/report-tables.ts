import { minorDigits, type Money } from "@/domain/money";
import type { FunnelReport } from "@/domain/reports/funnel-report";
import type { OccupancyReport } from "@/domain/reports/occupancy-report";
import type { SalesReport } from "@/domain/reports/sales-report";
import type { CsvTable } from "../http/csv";

/** Money as a spreadsheet sums it: major units with the currency's digits ("1500.00"). */
const major = (value: Money): string => (value.amount / 10 ** minorDigits(value.currency)).toFixed(minorDigits(value.currency));

export const salesTable = (report: SalesReport): CsvTable => ({
  filename: `sales-by-${report.by}-${report.from}-${report.to}.csv`,
  columns: [report.by, "label", "tickets_sold", "gross", "tickets_refunded", "refunded", "net", "currency"],
  rows: report.rows.map((row) => [row.key, row.label, row.ticketsSold, major(row.gross), row.ticketsRefunded, major(row.refunded), major(row.net), row.gross.currency]),
});

export const occupancyTable = (report: OccupancyReport): CsvTable => ({
  filename: `occupancy-${report.from}-${report.to}.csv`,
  columns: ["date", "time", "exhibition", "status", "capacity", "sold", "checked_in", "occupancy", "no_shows"],
  rows: report.rows.map((row) => [row.date, row.time, row.exhibition.title, row.status, row.capacity, row.sold, row.checkedIn, row.occupancy, row.noShows]),
});

export const funnelTable = (report: FunnelReport): CsvTable => ({
  filename: `funnel-${report.from}-${report.to}.csv`,
  columns: ["figure", "value"],
  rows: [
    ["carts_added", report.cartsAdded],
    ["adds_succeeded", report.addsSucceeded],
    ["adds_refused", report.addsRefused],
    ...Object.entries(report.refusedBy).map(([code, count]): [string, number] => [`adds_refused_${code}`, count]),
    ["cart_add_success_rate", report.cartAddSuccessRate],
    ["holds_expired", report.holdsExpired],
    ["checkouts", report.checkouts],
    ["payments_started", report.paymentsStarted],
    ["paid", report.paid],
    ["sign_ins", report.signIns],
    ["sign_in_to_first_cart_count", report.signInToFirstCart.count],
    ["sign_in_to_first_cart_median_ms", report.signInToFirstCart.medianMs],
    ["sign_in_to_first_cart_p95_ms", report.signInToFirstCart.p95Ms],
  ],
});
