// `npm run synthesis -- <consultation-slug> --format md|docx|html [--out file]`: the live synthesis draft from the
// command line, with the same database resolution as npm start (DATABASE_URL, else the embedded PostgreSQL).
import fs from "node:fs";
import { parseArgs } from "node:util";
import { resolveDatabase } from "./lib/database.ts";
import { applyMigrations } from "./lib/migrate.ts";
import { createScriptPrismaClient } from "./lib/prisma.ts";
import { ConsultationNotFoundError } from "../lib/synthesis/build.ts";
import { buildLiveDraft } from "../lib/synthesis/draft.ts";
import { SYNTHESIS_FORMATS, type SynthesisFormatName } from "../lib/synthesis/model.ts";
import { renderSynthesis } from "../lib/synthesis/service.ts";

const USAGE = "Usage: npm run synthesis -- <consultation-slug> --format md|docx|html [--out file] [--base-url https://agora.example]";

function isFormat(value: string): value is SynthesisFormatName {
  return (SYNTHESIS_FORMATS as readonly string[]).includes(value);
}

async function main(): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      allowPositionals: true,
      options: { format: { type: "string", default: "md" }, out: { type: "string" }, "base-url": { type: "string" }, help: { type: "boolean" } },
    });
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const slug = positionals[0];
  const format = values.format ?? "md";
  if (!slug || positionals.length > 1) {
    console.error(USAGE);
    return 2;
  }
  if (!isFormat(format)) {
    console.error(`Unknown format "${format}".\n${USAGE}`);
    return 2;
  }
  if (format === "docx" && !values.out && process.stdout.isTTY) {
    console.error("A .docx is binary: give --out file.docx (or redirect the output).");
    return 2;
  }
  const database = await resolveDatabase();
  const prisma = createScriptPrismaClient(database.url);
  try {
    await applyMigrations(database.url);
    const model = await buildLiveDraft(prisma, slug);
    const body = await renderSynthesis(model, format, { baseUrl: (values["base-url"] ?? process.env.NEXTAUTH_URL ?? "").replace(/\/$/, "") });
    if (values.out) {
      fs.writeFileSync(values.out, body);
      console.error(`Wrote ${values.out} (${body.length.toLocaleString("en")} bytes): ${model.counts.submissions} submissions, ${model.counts.comments} comments.`);
    } else {
      process.stdout.write(body);
    }
    return 0;
  } catch (error) {
    if (error instanceof ConsultationNotFoundError) {
      console.error(`No consultation with the slug "${slug}".`);
      return 1;
    }
    throw error;
  } finally {
    await prisma.$disconnect();
    await database.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
