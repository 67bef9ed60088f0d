import fs from "node:fs/promises";
import path from "node:path";
import { decodedMail } from "./mail-decode";

/** A waiting-list e-mail the app wrote to DATA_DIR/outbox, decoded, waiting up to `ms` for the outbox to send it. */
export async function waitlistMail(dataDir: string, messageId: string, ms = 20_000): Promise<string> {
  const file = path.join(dataDir, "outbox", `${messageId.replace(/[^A-Za-z0-9._-]/g, "_")}.eml`);
  const until = Date.now() + ms;
  for (;;) {
    try {
      return decodedMail(await fs.readFile(file, "latin1"));
    } catch (error) {
      if (Date.now() > until) throw error;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
}
