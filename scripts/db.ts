// Database CLI: `npm run db:migrate`, `npm run db:diff -- <name>`, `npm run db:seed` (see docs/decisions/0001).
import path from "node:path";
import { resolveDatabase, type ResolvedDatabase } from "./lib/database.ts";
import { applyMigrations, createMigration } from "./lib/migrate.ts";
import { dataRoot, projectRoot, redactUrl } from "./lib/paths.ts";
import { createScriptPrismaClient, formatAccounts, loadSeed, writeDemoAccounts } from "./lib/prisma.ts";

const USAGE = `Usage:
  npm run db:migrate            apply pending migrations (DATABASE_URL, or the embedded PostgreSQL)
  npm run db:diff -- <name>     write prisma/migrations/<timestamp>_<name>/migration.sql from schema.prisma changes
  npm run db:seed               migrate, then load the demo data (prisma/seed.ts)`;

async function migrate(db: ResolvedDatabase): Promise<void> {
  const applied = await applyMigrations(db.url);
  console.log(
    applied.length > 0
      ? `Applied ${applied.length} migration(s) to ${redactUrl(db.url)}:\n${applied.map((name) => `  ${name}`).join("\n")}`
      : `Database ${redactUrl(db.url)} is up to date.`,
  );
}

async function diff(db: ResolvedDatabase, name: string | undefined): Promise<void> {
  if (!name) throw new Error(`A migration name is required.\n${USAGE}`);
  const created = await createMigration(db.adminUrl, name);
  if (!created) {
    console.log("no changes: prisma/migrations already matches prisma/schema.prisma");
    return;
  }
  console.log(`Wrote ${path.relative(projectRoot, created.file)}:\n\n${created.sql}`);
  console.log("Review it, then apply with `npm run db:migrate` (npm start also applies it).");
}

async function seed(db: ResolvedDatabase): Promise<void> {
  await applyMigrations(db.url);
  const run = await loadSeed();
  const prisma = createScriptPrismaClient(db.url);
  try {
    const result = await run(prisma);
    const file = path.join(dataRoot(), "demo-accounts.json");
    const accounts = writeDemoAccounts(file, result);
    console.log(`Seeded ${redactUrl(db.url)}. Demo accounts (also in ${path.relative(projectRoot, file)}):`);
    console.log(formatAccounts(accounts));
  } finally {
    await prisma.$disconnect();
  }
}

async function main(): Promise<number> {
  const [command, ...args] = process.argv.slice(2);
  if (command !== "migrate" && command !== "diff" && command !== "seed") {
    console.error(USAGE);
    return 2;
  }
  if (command === "diff" && !args[0]) {
    console.error(`A migration name is required.\n${USAGE}`);
    return 2;
  }
  const db = await resolveDatabase();
  try {
    if (command === "migrate") await migrate(db);
    else if (command === "diff") await diff(db, args[0]);
    else await seed(db);
  } finally {
    await db.stop();
  }
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
