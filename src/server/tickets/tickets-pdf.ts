import PDFDocument from "pdfkit";
import QRCode from "qrcode";
import type { Order } from "@/domain/checkout/order-view";
import { VENUE } from "@/domain/venue";
import { formatWhen } from "@/components/format";
import { ticketToken } from "./ticket-qr";

/** The order's tickets as a PDF, one ticket a page, each with its QR code: to print or keep on a phone. */
export async function ticketsPdf(order: Order, timeZone: string): Promise<Buffer> {
  const document = new PDFDocument({ size: "A6", margin: 24, info: { Title: `Tickets, order ${order.number}`, Author: VENUE.name } });
  const chunks: Buffer[] = [];
  document.on("data", (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<Buffer>((resolve) => document.on("end", () => resolve(Buffer.concat(chunks))));

  for (const [index, ticket] of order.tickets.entries()) {
    if (index > 0) document.addPage();
    document.font("Helvetica-Bold").fontSize(9).fillColor("#7a2e1d").text(VENUE.name.toUpperCase());
    document.moveDown(0.4).font("Helvetica-Bold").fontSize(15).fillColor("#1f1a17").text(ticket.exhibition.title);
    document.moveDown(0.3).font("Helvetica").fontSize(11).text(formatWhen(ticket.startsAt, timeZone));
    document.text(ticket.ticketType.name);
    const qr = await QRCode.toBuffer(ticketToken(order, ticket), { type: "png", errorCorrectionLevel: "M", margin: 1, scale: 6 });
    document.image(qr, { fit: [170, 170], align: "center" });
    document.moveDown(0.3).font("Courier-Bold").fontSize(12).text(ticket.code, { align: "center" });
    document.font("Helvetica").fontSize(8).fillColor("#5b514a").text(`Order ${order.number} · ticket ${index + 1} of ${order.tickets.length} · ${order.name}`, { align: "center" });
  }
  document.end();
  return finished;
}
