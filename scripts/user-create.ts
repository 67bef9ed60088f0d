import { parseArgs } from "node:util";
import { eq } from "drizzle-orm";
import { z } from "zod";
import { createCredentialUser, generatePassword } from "@/db/accounts";
import { connectDatabase } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { auditLog, users } from "@/db/schema";
import { config, isConfigError } from "@/server/config";
import { databaseForCommand } from "@/server/start/database";

// npm run user:create -- --email a@b.org --role admin [--name "A B"] [--password …]
// Creates the account, or gives an existing one the role (and enables it again). Without --password
// one is generated and printed once. Works with the app running on its embedded database (it uses
// the app's) and without it. The result goes to stdout, progress and errors to stderr; the exit code
// is 0 when done, 1 when it failed, 2 for a mistake in the arguments.
const usage = "usage: npm run user:create -- --email EMAIL --role visitor|door|staff|admin [--name NAME] [--password PASSWORD]";
const ACTOR = "npm run user:create";

const fail = (message: string, code = 1): never => {
  process.stderr.write(`user:create: ${message}\n`);
  process.exit(code);
};

const args = (() => {
  try {
    return parseArgs({ options: { email: { type: "string" }, role: { type: "string" }, name: { type: "string" }, password: { type: "string" } } }).values;
  } catch (error) {
    return fail(`${(error as Error).message}\n${usage}`, 2);
  }
})();
const parsed = z
  .object({
    email: z.string("is required").trim().toLowerCase().pipe(z.email("must be an email address")),
    role: z.enum(["visitor", "door", "staff", "admin"], "must be visitor, door, staff or admin"),
    name: z.string().trim().min(1).max(100).optional(),
    password: z.string().min(10, "must be at least 10 characters").max(128, "must be at most 128 characters").optional(),
  })
  .safeParse(args);
if (!parsed.success) fail(`${parsed.error.issues.map((issue) => `--${String(issue.path[0])} ${issue.message}`).join("\n")}\n${usage}`, 2);
const { email, role, name, password: given } = parsed.data!;

const cfg = (() => {
  try {
    return config();
  } catch (error) {
    return fail(isConfigError(error) ? error.message : String(error));
  }
})();

const say = (message: string) => process.stderr.write(`${message}\n`);

try {
  const database = await databaseForCommand(cfg, say);
  try {
    await migrateDatabase(database.url);
    const handle = connectDatabase(database.url, { max: 1 });
    try {
      const password = given ?? generatePassword();
      const now = new Date();
      const outcome = await handle.db.transaction(async (tx) => {
        const user = await createCredentialUser(tx, { email, name: name ?? email.split("@")[0]!, password, role, now });
        const [before] = await tx.select({ role: users.role, disabledAt: users.disabledAt }).from(users).where(eq(users.id, user.id)).for("update");
        if (user.created) {
          await tx.insert(auditLog).values({ at: now, actorEmail: ACTOR, action: "account.create", entityType: "user", entityId: user.id, before: null, after: { email, role, disabled: false } });
          return { created: true, enabled: false };
        }
        await tx.update(users).set({ role, disabledAt: null, updatedAt: now }).where(eq(users.id, user.id));
        const after = { email, role, disabled: false };
        if (before!.role !== role || before!.disabledAt) {
          await tx.insert(auditLog).values({ at: now, actorEmail: ACTOR, action: "account.role", entityType: "user", entityId: user.id, before: { email, role: before!.role, disabled: before!.disabledAt !== null }, after });
        }
        return { created: false, enabled: before!.disabledAt !== null };
      });
      if (outcome.created) {
        process.stdout.write(`Created ${role} ${email}${given ? "" : ` with password ${password} (shown once: hand it over, and change it after the first sign-in)`}\n`);
      } else {
        process.stdout.write(`${email} already had an account; its role is now ${role}${outcome.enabled ? " and it is enabled again" : ""}. Its password is unchanged.\n`);
      }
    } finally {
      await handle.close();
    }
  } finally {
    await database.stop();
  }
} catch (error) {
  fail((error as Error).message);
}
