// `npm run admin:create -- <email> [name]`: creates the first admin, or promotes an existing account.
// The password comes from AGORA_ADMIN_PASSWORD or an interactive prompt: never from the code.
import { createInterface } from "node:readline/promises";
import { resolveDatabase } from "./lib/database.ts";
import { applyMigrations } from "./lib/migrate.ts";
import { createScriptPrismaClient } from "./lib/prisma.ts";
import { hashPassword, passwordProblems } from "../lib/auth/password.ts";

async function askPassword(): Promise<string> {
  if (process.env.AGORA_ADMIN_PASSWORD) return process.env.AGORA_ADMIN_PASSWORD;
  if (!process.stdin.isTTY) throw new Error("Set AGORA_ADMIN_PASSWORD, or run this command in a terminal to be asked for a password.");
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  try {
    return await rl.question("Password for the new admin (at least 10 characters): ");
  } finally {
    rl.close();
  }
}

async function main(): Promise<void> {
  const [emailArg, ...nameParts] = process.argv.slice(2);
  const email = emailArg?.trim().toLowerCase();
  if (!email || !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email)) {
    throw new Error("Usage: npm run admin:create -- <email> [display name]");
  }
  const database = await resolveDatabase();
  const db = createScriptPrismaClient(database.url);
  try {
    await applyMigrations(database.url);
    const existing = await db.user.findUnique({ where: { email } });
    if (existing) {
      await db.$transaction([
        db.user.update({ where: { id: existing.id }, data: { role: "ADMIN" } }),
        db.auditEvent.create({ data: { action: "role.grant", entityType: "User", entityId: existing.id, details: { role: "ADMIN", from: existing.role, via: "cli" } } }),
      ]);
      console.log(`${email} is now an admin (it was ${existing.role.toLowerCase()}).`);
      return;
    }
    const password = await askPassword();
    const problems = passwordProblems(password, email);
    if (problems.length) throw new Error(`The password is not acceptable: ${problems.join(", ")}`);
    const user = await db.user.create({
      data: {
        email, name: nameParts.join(" ") || "Administrator", role: "ADMIN", passwordHash: await hashPassword(password),
        stakeholderGroup: "TECHNICAL_COMMUNITY", country: "CH",
        // Created by whoever runs the server: the address is taken as theirs, or nobody could sign in without e-mail.
        emailVerifiedAt: new Date(),
      },
    });
    await db.auditEvent.create({ data: { action: "role.grant", entityType: "User", entityId: user.id, details: { role: "ADMIN", via: "cli" } } });
    console.log(`Created admin ${email}. Sign in and complete the profile (stakeholder group, country).`);
  } finally {
    await db.$disconnect();
    await database.stop();
  }
}

main().catch((error: unknown) => {
  console.error(`[agora] ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
