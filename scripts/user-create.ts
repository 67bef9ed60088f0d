import { parseArgs } from "node:util";
import { z } from "zod";
import { createCredentialUser, generatePassword, setRole } from "@/db/accounts";
import { migrateDatabase } from "@/db/migrate";
import { config } from "@/server/config";
import { databaseHandle, openDatabase } from "@/server/database";
import { logger } from "@/server/logger";
import { startDatabase } from "@/server/start/database";

// npm run user:create -- --email a@b.org --role admin [--name "A B"] [--password …]
// Creates the account, or gives an existing one the role. Without --password one is generated and printed once.
const usage = "usage: npm run user:create -- --email EMAIL --role visitor|staff|admin [--name NAME] [--password PASSWORD]";
const { values } = parseArgs({ options: { email: { type: "string" }, role: { type: "string" }, name: { type: "string" }, password: { type: "string" } } });
const parsed = z
  .object({
    email: z.string().trim().toLowerCase().pipe(z.email()),
    role: z.enum(["visitor", "staff", "admin"]),
    name: z.string().min(1).optional(),
    password: z.string().min(10, "must be at least 10 characters").optional(),
  })
  .safeParse(values);
if (!parsed.success) {
  process.stderr.write(`${parsed.error.issues.map((issue) => `--${String(issue.path[0])}: ${issue.message}`).join("\n")}\n${usage}\n`);
  process.exit(2);
}

const { email, role, name, password: given } = parsed.data;
const cfg = config();
const database = await startDatabase(cfg, logger());
try {
  await migrateDatabase(database.url);
  const handle = databaseHandle(openDatabase(database.url));
  const password = given ?? generatePassword();
  const now = new Date();
  const user = await createCredentialUser(handle.db, { email, name: name ?? email.split("@")[0]!, password, role, now });
  if (user.created) {
    process.stdout.write(`Created ${role} ${email}${given ? "" : ` with password ${password} (shown once; change it after signing in)`}\n`);
  } else {
    await setRole(handle.db, user.id, role, now);
    process.stdout.write(`${email} already had an account; its role is now ${role}. Its password is unchanged.\n`);
  }
  await handle.close();
} finally {
  if (!database.wasRunning) await database.stop();
}
