// `npm run import -- <consultation-slug> <file> [--as <secretariat email>]`: imports contributions from CSV or JSON.
// Same database resolution as `npm start`; attachment paths in the file are read relative to the file's folder.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { resolveDatabase } from "./lib/database.ts";
import { applyMigrations } from "./lib/migrate.ts";

const USAGE = "Usage: npm run import -- <consultation-slug> <file.csv|file.json> [--as <secretariat email>]";

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const asIndex = args.indexOf("--as");
  const asEmail = asIndex >= 0 ? args[asIndex + 1] : undefined;
  const positional = args.filter((_, i) => asIndex < 0 || (i !== asIndex && i !== asIndex + 1));
  const [slug, file] = positional;
  if (!slug || !file || (asIndex >= 0 && !asEmail)) {
    console.error(USAGE);
    return 2;
  }
  const bytes = new Uint8Array(await readFile(file));
  const database = await resolveDatabase();
  try {
    await applyMigrations(database.url);
    // lib/ reads DATABASE_URL on first use: point it at the resolved database before importing the services.
    process.env.DATABASE_URL = database.url;
    const { db, disconnectDb } = await import("../lib/db/client.ts");
    const { runImport } = await import("../lib/import/service.ts");
    try {
      let actor: { id: string | null; role: "ADMIN" | "SECRETARIAT" | "PARTICIPANT" } = { id: null, role: "ADMIN" };
      if (asEmail) {
        const user = await db.user.findUnique({ where: { email: asEmail.toLowerCase() }, select: { id: true, role: true } });
        if (!user) throw new Error(`No account with the email ${asEmail}.`);
        actor = user;
      }
      const result = await runImport(actor, slug, path.basename(file), bytes, { attachmentsDir: path.dirname(path.resolve(file)), via: "cli" });
      if (!result.ok) {
        console.error(`Nothing was imported: ${result.error}${result.params?.detail ? ` (${result.params.detail})` : ""}.`);
        const { describeProblem } = await import("../lib/import/report.ts");
        for (const row of result.detail?.rows.filter((r) => r.status === "invalid") ?? []) {
          for (const problem of row.problems) console.error(`  ${describeProblem(problem)}`);
        }
        return 1;
      }
      console.log(`Imported ${result.data.created} contribution(s) into ${slug}; ${result.data.skipped} already imported (same external id).`);
      for (const w of result.data.warnings) console.log(`  warning: the column "${w.column}" is not read and was ignored${w.suggestion ? ` (did you mean ${w.suggestion}?)` : ""}`);
      if (result.data.references.length) console.log(`References: ${result.data.references.join(", ")}`);
      if (result.data.created) console.log("They are pending moderation.");
      return 0;
    } finally {
      await disconnectDb();
    }
  } finally {
    await database.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`[agora] ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
