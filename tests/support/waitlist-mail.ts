import { readOutboxMail } from "./mail-files";

/** A mail file's text with its body decoded: nodemailer writes text that is not Latin as base64. */
export function decodedMail(raw: string): string {
  const split = raw.search(/\r?\n\r?\n/);
  const head = split < 0 ? raw : raw.slice(0, split);
  const body = split < 0 ? "" : raw.slice(split).trim();
  return /Content-Transfer-Encoding: base64/i.test(head) ? `${head}\n\n${Buffer.from(body.replace(/\s+/g, ""), "base64").toString("utf8")}` : raw;
}

/** A waiting-list e-mail the app wrote to DATA_DIR/outbox, decoded, waiting up to `ms` for the outbox to send it. */
export async function waitlistMail(dataDir: string, messageId: string, ms = 20_000): Promise<string> {
  const until = Date.now() + ms;
  for (;;) {
    try {
      return decodedMail(await readOutboxMail(dataDir, messageId));
    } catch (error) {
      if (Date.now() > until) throw error;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
}
