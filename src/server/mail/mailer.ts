import fs from "node:fs/promises";
import path from "node:path";
import nodemailer from "nodemailer";
import type Mail from "nodemailer/lib/mailer";
import { config } from "../config";
import { processSingleton } from "../shared";

export type Message = Mail.Options & { messageId: string };

// Our order mails name one recipient: `{ name, address }`, whose address a walk-up sale leaves empty.
const toNobody = (to: Mail.Options["to"]): boolean => typeof to === "object" && to !== null && !Array.isArray(to) && "address" in to && !to.address?.trim();

/**
 * Sends through SMTP_URL; without it, writes each message to DATA_DIR/outbox/<id>.eml, so a
 * museum trying the app sees exactly what would have been sent. The file is named by the
 * message id: a retried send overwrites rather than duplicates. A message to an order without an
 * address (a box-office sale whose buyer gave none) has nobody to go to: it is done without
 * sending, rather than failing its outbox job until the job is dead.
 */
export async function sendMail(message: Message): Promise<void> {
  if (toNobody(message.to)) return;
  const { smtpUrl, dataDir } = config();
  if (smtpUrl) {
    const transport = processSingleton("smtp-transport", () => nodemailer.createTransport(smtpUrl));
    await transport.sendMail(message);
    return;
  }
  const transport = processSingleton("eml-transport", () => nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "unix" }));
  const { message: raw } = (await transport.sendMail(message)) as { message: Buffer };
  const folder = path.join(dataDir, "outbox");
  await fs.mkdir(folder, { recursive: true });
  await fs.writeFile(path.join(folder, `${message.messageId.replace(/[^A-Za-z0-9._-]/g, "_")}.eml`), raw);
}
