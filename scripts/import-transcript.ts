// `npm run import:transcript -- <consultation-slug> <file> [--session "title"] [--date YYYY-MM-DD]`: imports a
// session's captioning transcript (.txt or .docx) into a consultation round, into the session with that title (made
// when there is none). It says what it found ("130 turns, 41 speakers, 4 proposed merges") and stores all or nothing.
// Options: --type MAIN_SESSION|WORKSHOP|OPEN_FORUM, --replace (replace the session's turns), --dry-run (check only),
// --as <secretariat email> (recorded in the audit log; without it, the import is recorded as the command line's).
import { readFile } from "node:fs/promises";
import path from "node:path";
import { resolveDatabase } from "./lib/database.ts";
import { applyMigrations } from "./lib/migrate.ts";

const USAGE = `Usage: npm run import:transcript -- <consultation-slug> <file.txt|file.docx> [--session "title"] [--date YYYY-MM-DD]
         [--type MAIN_SESSION|WORKSHOP|OPEN_FORUM] [--replace] [--dry-run] [--as <secretariat email>]`;

const VALUED = new Set(["--session", "--date", "--type", "--as"]);
const FLAGS = new Set(["--replace", "--dry-run"]);

export function parseArgs(argv: string[]): { slug: string; file: string; options: Record<string, string>; flags: Set<string> } | null {
  const options: Record<string, string> = {};
  const flags = new Set<string>();
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? "";
    if (VALUED.has(arg)) {
      const value = argv[i + 1];
      if (value === undefined || value.startsWith("--")) return null;
      options[arg.slice(2)] = value;
      i++;
    } else if (FLAGS.has(arg)) flags.add(arg.slice(2));
    else if (arg.startsWith("--")) return null;
    else positional.push(arg);
  }
  const [slug, file] = positional;
  if (!slug || !file || positional.length > 2) return null;
  return { slug, file, options, flags };
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  if (!args) {
    console.error(USAGE);
    return 2;
  }
  const { slug, file, options, flags } = args;
  if (options.date && !/^\d{4}-\d{2}-\d{2}$/.test(options.date)) {
    console.error(`--date must be YYYY-MM-DD (got "${options.date}").`);
    return 2;
  }
  if (options.type && !["MAIN_SESSION", "WORKSHOP", "OPEN_FORUM"].includes(options.type)) {
    console.error(`--type must be MAIN_SESSION, WORKSHOP or OPEN_FORUM (got "${options.type}").`);
    return 2;
  }
  const bytes = new Uint8Array(await readFile(file));
  const database = await resolveDatabase();
  try {
    await applyMigrations(database.url);
    process.env.DATABASE_URL = database.url;
    const { db, disconnectDb } = await import("../lib/db/client.ts");
    const { findOrCreateSessionForImport } = await import("../lib/meetings/sessions.ts");
    const { importTranscript, previewTranscript, summaryLine } = await import("../lib/meetings/transcripts.ts");
    const { parseTranscript } = await import("../lib/meetings/transcript.ts");
    try {
      let actor: { id: string | null; role: "ADMIN" | "SECRETARIAT" | "PARTICIPANT" } = { id: null, role: "ADMIN" };
      if (options.as) {
        const user = await db.user.findUnique({ where: { email: options.as.toLowerCase() }, select: { id: true, role: true } });
        if (!user) throw new Error(`No account with the email ${options.as}.`);
        actor = user;
      }
      const source = { file: { name: path.basename(file), bytes } };
      // The session's title: --session, else the heading the captioners put above the first turn, else the file name.
      let title = options.session;
      if (!title && !file.toLowerCase().endsWith(".docx")) title = parseTranscript(new TextDecoder().decode(bytes)).title ?? undefined;
      title ??= path.basename(file).replace(/\.[^.]+$/, "");
      const session = await findOrCreateSessionForImport(actor, slug, { title, date: options.date ?? null, type: options.type as "MAIN_SESSION" | undefined });
      if (!session.ok) {
        console.error(`Nothing was imported: ${session.error}${session.fieldErrors ? ` (${JSON.stringify(session.fieldErrors)})` : ""}.`);
        return 1;
      }
      console.log(`${session.data.created ? "New session" : "Session"}: "${session.data.title}" (${slug}/${session.data.slug})`);
      const started = performance.now();
      const preview = await previewTranscript(actor, slug, session.data.slug, source);
      if (!preview.ok) {
        console.error(`Nothing was imported: ${Object.values(preview.fieldErrors ?? {}).flat().join(", ") || preview.error}.`);
        return 1;
      }
      console.log(`Found: ${summaryLine(preview.data)}.`);
      for (const m of preview.data.merges) console.log(`  proposed merge: "${m.labels[0]}" / "${m.labels[1]}" (${m.reason})`);
      for (const w of preview.data.warnings) console.log(`  line ${w.line}: ${w.code} ${JSON.stringify(w.text)}`);
      if (flags.has("dry-run")) {
        console.log("Dry run: nothing was stored.");
        return 0;
      }
      const result = await importTranscript(actor, slug, session.data.slug, source, { expectedSha256: preview.data.sha256, replace: flags.has("replace"), via: "cli" });
      if (!result.ok) {
        console.error(`Nothing was imported: ${result.error}${result.error === "transcriptExists" ? " (the session already has turns; add --replace to replace them)" : ""}.`);
        return 1;
      }
      const seconds = ((performance.now() - started) / 1000).toFixed(2);
      console.log(`Imported ${result.data.turns} turns, ${result.data.speakers} speakers (${result.data.newSpeakers} new in the roster), ${result.data.proposedMerges} proposed merges in ${seconds} s.`);
      if (result.data.proposedMerges) console.log("Confirm or dismiss the proposed merges in the speaker roster (/secretariat/roster).");
      return 0;
    } finally {
      await disconnectDb();
    }
  } finally {
    await database.stop();
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(`[agora] ${error instanceof Error ? error.message : String(error)}`);
      process.exit(1);
    },
  );
}
