import fs from "node:fs/promises";
import path from "node:path";

/** A mail file's text (read as latin1) with its quoted-printable encoding undone. */
export const mailText = (raw: string): string =>
  Buffer.from(raw.replace(/=\r?\n/g, "").replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))), "latin1").toString("utf8");

/** A mail the app wrote to DATA_DIR/outbox (no SMTP_URL), by its message id, with its quoted-printable text undone. */
export async function readOutboxMail(dataDir: string, messageId: string): Promise<string> {
  return mailText(await fs.readFile(path.join(dataDir, "outbox", `${messageId.replace(/[^A-Za-z0-9._-]/g, "_")}.eml`), "latin1"));
}
