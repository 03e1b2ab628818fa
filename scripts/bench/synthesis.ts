// Synthesis export at scale: seeds N published submissions (synthetic text, 5 themes, 6 groups, a campaign) with
// one INSERT ... SELECT, then times building the draft (what the synthesis.build job does) and rendering Markdown
// and DOCX, with peak memory; with 10,000 and 100,000 among the sizes it prints the ratio of their peaks.
import { spawn } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import v8 from "node:v8";
import vm from "node:vm";
import pg from "pg";
import { createScriptPrismaClient } from "../lib/prisma.ts";
import { buildLiveDraft, openLiveDraft } from "../../lib/synthesis/draft.ts";
import { synthesisFingerprint } from "../../lib/synthesis/cache.ts";
import { synthesisChunks } from "../../lib/synthesis/render.ts";
import type { SynthesisFormatName } from "../../lib/synthesis/model.ts";
import { GLOSSARY_SEED } from "../../lib/synthesis/glossary-seed.ts";
import { atMost, writeBenchReport } from "../lib/bench-report.ts";
import { dataRoot } from "../lib/paths.ts";
import { mb, measure, seconds, type Benchmark } from "./types.ts";

const SENTENCES = [
  "Affordable broadband access must reach rural communities",
  "Community networks deserve regulatory support",
  "Every new IXP keeps local traffic local and lowers transit costs",
  "IPv6 deployment remains uneven across regions",
  "The RIRs should expand capacity building for network operators",
  "ICANN accountability to all stakeholders should be strengthened",
  "Internet shutdowns during elections deprive citizens of essential information",
  "Local content in local languages drives adoption",
  "Internationalized domain names remain poorly supported by applications",
  "Cybersecurity measures must respect human rights and privacy",
  "Cooperation between national CERTs is essential",
  "Predictable spectrum licensing encourages investment in last-mile networks",
  "User awareness campaigns reduce online fraud",
  "Remote participation should be available for every session",
  "Gender balance among speakers must be a selection criterion",
  "Data protection rules should follow users across borders",
  "Open standards from the IETF and W3C keep the Internet interoperable",
  "Small businesses need affordable cloud services",
  "Universal service funds should finance rural infrastructure",
  "Digital literacy programmes belong in every school curriculum",
];

async function seed(url: string, size: number): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("BEGIN");
    await client.query(`INSERT INTO "Consultation" ("id","slug","title","description","status","updatedAt") VALUES ('bench-c','bench','Benchmark consultation','Synthetic','PUBLISHED',now())`);
    await client.query(`INSERT INTO "Theme" ("id","consultationId","slug","title","position") SELECT 'bench-t' || t, 'bench-c', 'theme-' || t, 'Theme ' || t, t FROM generate_series(1,5) t`);
    await client.query(`INSERT INTO "Campaign" ("id","consultationId","label") VALUES ('bench-camp','bench-c','Synthetic campaign')`);
    for (const term of GLOSSARY_SEED) {
      await client.query(`INSERT INTO "GlossaryTerm" ("id","acronym","expansion","updatedAt") VALUES ($1,$2,$3,now()) ON CONFLICT DO NOTHING`, [`g-${term.acronym}`, term.acronym, term.expansion]);
    }
    // Three sentences per body, picked by stride from the list, plus a varying clause so texts are not identical;
    // one in fifty submissions belongs to the campaign.
    await client.query(
      `INSERT INTO "Submission" ("id","reference","consultationId","contributorKey","contributorName","organisationName","onBehalfOf","stakeholderGroup",
         "country","region","developing","title","body","language","status","visibility","overBalance","campaignId","publishedAt","updatedAt")
       SELECT 'bench-s' || g, 'BEN-' || lpad(g::text, 7, '0'), 'bench-c', 'name:c' || (g % GREATEST($1::int / 2, 1)), 'Contributor ' || (g % GREATEST($1::int / 2, 1)),
         'Organisation ' || (g % 500), 'ORGANISATION',
         (ARRAY['GOVERNMENT','PRIVATE_SECTOR','CIVIL_SOCIETY','TECHNICAL_COMMUNITY','ACADEMIC_COMMUNITY','INTERGOVERNMENTAL_ORGANISATION'])[1 + g % 6]::"StakeholderGroup",
         (ARRAY['KE','BR','DE','IN','PL'])[1 + g % 5],
         (ARRAY['AFRICAN','LATIN_AMERICAN_AND_CARIBBEAN','WESTERN_EUROPEAN_AND_OTHERS','ASIA_PACIFIC','EASTERN_EUROPEAN'])[1 + g % 5]::"UnRegion",
         g % 5 IN (0, 1, 3), 'Contribution number ' || g,
         s[1 + g % 20] || ' in region ' || (g % 37) || '. ' || s[1 + (g * 7) % 20] || '. ' || s[1 + (g * 13) % 20] || ', as our members report.',
         'en', 'PUBLISHED', 'PUBLIC_NAMED', g % 97 = 0, CASE WHEN g % 50 = 0 THEN 'bench-camp' END, now(), now()
       FROM generate_series(1, $1::int) g, (SELECT $2::text[] AS s) sentences`,
      [size, SENTENCES],
    );
    await client.query(`INSERT INTO "SubmissionTheme" ("submissionId","themeId") SELECT 'bench-s' || g, 'bench-t' || (1 + g % 5) FROM generate_series(1, $1::int) g`, [size]);
    await client.query(`INSERT INTO "SubmissionTheme" ("submissionId","themeId") SELECT 'bench-s' || g, 'bench-t' || (1 + (g + 2) % 5) FROM generate_series(1, $1::int, 3) g`, [size]);
    await client.query("COMMIT");
    await client.query("ANALYZE");
  } finally {
    await client.end();
  }
}

// A garbage collection between sizes, so each row starts from the same baseline (no --expose-gc needed).
v8.setFlagsFromString("--expose-gc");
const gc = vm.runInNewContext("gc") as (() => void) | undefined;

function collectGarbage(): void {
  gc?.();
}

interface SizeFigures {
  buildMs: number;
  fingerprintMs: number;
  buildPeakHeap: number;
  buildPeakRss: number;
  baseline: number;
  mdMs: number;
  docxMs: number;
  mdPeakRss: number;
  docxPeakRss: number;
  mdBytes: number;
  docxBytes: number;
  paragraphs: number;
  phases: [string, number][];
}

/** The job's build and the two downloads of a seeded round, with their peaks (run in a process of its own). */
async function measureSize(url: string): Promise<SizeFigures> {
  const prisma = createScriptPrismaClient(url);
  try {
    collectGarbage();
    const baseline = process.memoryUsage.rss();
    // As the job builds it: the points mirrored, Annex I left in its rows.
    // The RSS at each progress report, by phase, so the line says which phase set the peak.
    const phases = new Map<string, number>();
    const onProgress = async (phase: string) => {
      phases.set(phase, Math.max(phases.get(phase) ?? 0, process.memoryUsage.rss()));
    };
    const built = await measure(() => buildLiveDraft(prisma, "bench", { annex: "none", onProgress }));
    // What an unchanged page load costs instead of a rebuild (lib/synthesis/cache.ts).
    const consultation = await prisma.consultation.findUniqueOrThrow({ where: { slug: "bench" }, select: { id: true } });
    const fingerprint = await measure(() => synthesisFingerprint(prisma, consultation.id));
    // As the download renders it: Annex I read from its rows a page at a time, the bytes counted as they come.
    const download = async (format: SynthesisFormatName) => {
      const live = await openLiveDraft(prisma, consultation.id);
      if (!live) throw new Error("no live draft");
      let bytes = 0;
      for await (const chunk of synthesisChunks(live.model, format, { baseUrl: "https://agora.example" }, live.annex)) bytes += chunk.length;
      return bytes;
    };
    // The job and each download are separate operations (a download is a later request): each is measured from a
    // collected heap, so one's garbage is not counted as the next one's peak.
    collectGarbage();
    const md = await measure(() => download("md"));
    collectGarbage();
    const docx = await measure(() => download("docx"));
    return {
      buildMs: built.ms, fingerprintMs: fingerprint.ms, buildPeakHeap: built.peakHeap, buildPeakRss: built.peakRss, baseline,
      mdMs: md.ms, docxMs: docx.ms, mdPeakRss: md.peakRss, docxPeakRss: docx.peakRss, mdBytes: md.result, docxBytes: docx.result,
      paragraphs: built.result.themes.reduce((n, t) => n + t.paragraphs.length + t.further.length, 0),
      phases: [...phases],
    };
  } finally {
    await prisma.$disconnect();
  }
}

const RESULT = "@@synthesis-figures ";

/**
 * Each size is measured in a fresh process (this file run as a script, with the bench's own loader flags): in one
 * process, the larger round started from the heap the smaller one had grown, so its peak carried the earlier run's.
 */
function measureInChild(url: string): Promise<SizeFigures> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), url], { stdio: ["ignore", "pipe", "inherit"] });
    let out = "";
    child.stdout.setEncoding("utf8");
    child.stdout.on("data", (chunk: string) => (out += chunk));
    child.on("error", reject);
    child.on("exit", (code) => {
      const line = out.split("\n").find((l) => l.startsWith(RESULT));
      if (code !== 0 || !line) reject(new Error(`synthesis bench child exited with ${code}`));
      else resolve(JSON.parse(line.slice(RESULT.length)) as SizeFigures);
    });
  });
}

export const benchmark: Benchmark = {
  name: "synthesis",
  quickSizes: [1000, 10_000],
  description: "build the synthesis model from N published submissions (each size in a fresh process), then download Markdown and DOCX",
  async run({ sizes, freshDatabase }) {
    const rows: string[][] = [];
    const peaks = new Map<number, number>();
    const builds = new Map<number, number>();
    for (const size of sizes) {
      const database = await freshDatabase();
      try {
        const seeded = await measure(() => seed(database.url, size));
        const f = await measureInChild(database.url);
        const peak = Math.max(f.buildPeakRss, f.mdPeakRss, f.docxPeakRss);
        peaks.set(size, peak);
        builds.set(size, f.buildMs);
        rows.push([
          size.toLocaleString("en"), seconds(seeded.ms), seconds(f.buildMs), seconds(f.fingerprintMs), mb(f.buildPeakHeap), mb(peak),
          mb(Math.max(0, f.buildPeakRss - f.baseline)), seconds(f.mdMs), seconds(f.docxMs), mb(f.mdBytes), mb(f.docxBytes), String(f.paragraphs),
        ]);
        const byPhase = f.phases.map(([phase, rss]) => `${phase} ${mb(rss)}`).join(", ");
        console.error(`[bench] synthesis ${size.toLocaleString("en")}: done; RSS at progress reports: ${byPhase}; build ${mb(f.buildPeakRss)}, md ${mb(f.mdPeakRss)}, docx ${mb(f.docxPeakRss)}`);
      } finally {
        await database.drop();
      }
    }
    // Issue 11's goal: the peak at 100,000 contributions within 1.2 times the peak at 10,000, measured in this run.
    const small = peaks.get(10_000);
    const large = peaks.get(100_000);
    if (small && large) {
      const row = atMost(large / 1024 / 1024, small / 1024 / 1024, 1.2, "peak RSS(100,000) <= 1.2 x peak RSS(10,000)", "MB");
      // A guard, not one of the goals: a build linear in the round takes about 10 x as long at 100,000; the limit
      // leaves room for noise and catches a quadratic step (one made 10,000 take 310 s, ADR 0046's amendment).
      const time = atMost((builds.get(100_000) ?? 0) / 1000, (builds.get(10_000) ?? 0) / 1000, 15, "build time(100,000) <= 15 x build time(10,000)", "s");
      writeBenchReport(path.join(dataRoot(), "reports", "bench.json"), { "synthesis 100k vs 10k: peak RSS": row, "synthesis 100k vs 10k: build time": time });
      rows.push([`100,000 / 10,000`, "", `${time.ratio.toFixed(1)} (guard <= 15: ${time.met ? "met" : "NOT met"})`, "", "", `${row.ratio.toFixed(2)} (goal <= 1.20: ${row.met ? "met" : "NOT met"})`, "", "", "", "", "", ""]);
    }
    return {
      header: ["submissions", "seed", "build model", "cache check", "peak heap (build)", "peak RSS", "RSS growth (build)", "render md", "render docx", "md size", "docx size", "points"],
      rows,
    };
  },
};

// Run as a script by measureInChild: measure the round seeded at the URL given and print the figures.
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const url = process.argv[2];
  if (!url) throw new Error("usage: synthesis.ts <database url>");
  measureSize(url).then(
    (figures) => {
      process.stdout.write(`${RESULT}${JSON.stringify(figures)}\n`);
      process.exit(0);
    },
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
