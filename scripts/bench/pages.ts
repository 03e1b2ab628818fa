// Public pages against a production build (issue 13): the draft page with 300 paragraphs and 5,000 comments (HTML
// bytes against the text it shows), the first-load JavaScript of each public page (gzipped), and the largest
// contentful paint on a slow 3G profile against the same HTML served as a static page (its scripts removed, the
// same CSS). Needs a `next build` in NEXT_DIST_DIR (default .next; `npm start` or the e2e run makes one: this
// benchmark builds only when there is none), Debian's chromium (/usr/bin/chromium) and a free PORT.
import { spawn } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { gzipSync } from "node:zlib";
import pg from "pg";
import { chromium, type Browser, type Page } from "@playwright/test";
import { BENCH_CONSULTATION_ID, BENCH_SLUG, seedScaleData } from "../lib/bench-data.ts";
import { atMost, goalTable, writeBenchReport, type GoalRow } from "../lib/bench-report.ts";
import { dataRoot, projectRoot } from "../lib/paths.ts";
import type { Benchmark } from "./types.ts";

const PARAGRAPHS = 300;
const COMMENTS = 5000;
const JS_LIMIT_BYTES = 100 * 1024;
const CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];
// Chrome DevTools' "Slow 3G": 2 s round trip (400 ms × 5 as DevTools applies it), 400 kbit/s down and up.
const SLOW_3G = { offline: false, latency: 2000, downloadThroughput: (400 * 1024) / 8, uploadThroughput: (400 * 1024) / 8 };

/** A draft source of `n` paragraphs under headings every 20, each a distinct sentence or two. */
function draftSource(n: number): string {
  const lines: string[] = ["# Benchmark draft"];
  for (let i = 1; i <= n; i++) {
    if (i % 20 === 1) lines.push(`## Section ${Math.ceil(i / 20)}`);
    lines.push(`Paragraph ${i} sets out how the forum will treat item ${i}: every stakeholder group takes part on an equal footing, and the secretariat publishes the summary of point ${i} within two weeks.`);
  }
  return lines.join("\n\n");
}

async function seedDraft(url: string): Promise<{ draftSlug: string; busiest: string }> {
  process.env.DATABASE_URL = url;
  const { createDraft } = await import("../../lib/drafts/service.ts");
  const created = await createDraft({ id: "bench-secretariat", role: "SECRETARIAT" }, BENCH_CONSULTATION_ID, {
    title: "Benchmark draft", slug: "bench-draft", source: draftSource(PARAGRAPHS - Math.ceil(PARAGRAPHS / 20)), commentsOpenAt: "", commentsCloseAt: "",
  });
  if (!created.ok) throw new Error(`createDraft: ${JSON.stringify(created)}`);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  // 5,000 published comments: a tenth on the whole draft, the rest over the paragraphs, the first paragraph busiest.
  await client.query(
    `WITH v AS (SELECT id FROM "DraftVersion" WHERE "draftId" = $1 ORDER BY number DESC LIMIT 1),
          p AS (SELECT id, "anchorId", row_number() OVER (ORDER BY position) AS r, count(*) OVER () AS n FROM "Paragraph" WHERE "versionId" = (SELECT id FROM v) AND number IS NOT NULL)
     INSERT INTO "Comment" ("id","consultationId","draftId","draftVersionId","paragraphId","anchorId","authorName","stakeholderGroup","country","region","language","body","status","createdAt","updatedAt","publishedAt")
     SELECT 'bench-k' || g, $2, $1, (SELECT id FROM v), p.id, p."anchorId", 'Commenter ' || g,
       (ARRAY['CIVIL_SOCIETY','GOVERNMENT','PRIVATE_SECTOR','TECHNICAL_COMMUNITY','ACADEMIC_COMMUNITY'])[1 + g % 5]::"StakeholderGroup",
       (ARRAY['KE','BR','DE','IN','PL'])[1 + g % 5], (ARRAY['AFRICAN','LATIN_AMERICAN_AND_CARIBBEAN','WESTERN_EUROPEAN_AND_OTHERS','ASIA_PACIFIC','EASTERN_EUROPEAN'])[1 + g % 5]::"UnRegion",
       'en', 'Comment ' || g || ': the wording of this point should say who reports back, and by when; item ' || (g * 7) % 977 || ' needs the same.',
       'PUBLISHED', now() - make_interval(secs => g), now(), now() - make_interval(secs => g)
     FROM generate_series(1, $3::int) g
     LEFT JOIN p ON g % 10 <> 0 AND p.r = CASE WHEN g % 3 = 0 THEN 1 ELSE 1 + g % p.n END`,
    [created.data.id, BENCH_CONSULTATION_ID, COMMENTS],
  );
  const busiest = await client.query<{ anchorId: string }>(`SELECT "anchorId" FROM "Comment" WHERE "draftId" = $1 AND "anchorId" IS NOT NULL GROUP BY 1 ORDER BY count(*) DESC LIMIT 1`, [created.data.id]);
  await client.query("ANALYZE");
  await client.end();
  return { draftSlug: created.data.slug, busiest: busiest.rows[0]?.anchorId ?? "" };
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve) => spawn(command, args, { cwd: projectRoot, env, stdio: ["ignore", "inherit", "inherit"] }).once("exit", (code) => resolve(code ?? 1)));
}

async function startNext(url: string, port: number): Promise<() => Promise<void>> {
  const distDir = process.env.NEXT_DIST_DIR || ".next";
  const nextBin = path.join(projectRoot, "node_modules", "next", "dist", "bin", "next");
  const env = { ...process.env, DATABASE_URL: url, PORT: String(port), NEXTAUTH_URL: `http://127.0.0.1:${port}`, NEXTAUTH_SECRET: "bench-secret-bench-secret-bench-secret-0123", AGORA_WORKER: "off", NODE_ENV: "production" as const };
  if (!fs.existsSync(path.join(projectRoot, distDir, "BUILD_ID"))) {
    console.error("[bench] pages: no production build; running next build (several minutes)");
    if ((await run(process.execPath, [nextBin, "build"], env)) !== 0) throw new Error("next build failed");
  }
  const child = spawn(process.execPath, [nextBin, "start", "-p", String(port), "-H", "127.0.0.1"], { cwd: projectRoot, env, stdio: ["ignore", "ignore", "inherit"] });
  for (let i = 0; i < 240; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/`)).status < 500) break;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  return async () => {
    child.kill("SIGTERM");
    await new Promise((r) => child.once("exit", r));
  };
}

/** The framework's own scripts of the build (Next.js's runtime and React), which every page loads whatever it renders. */
function frameworkScripts(): Set<string> {
  const manifest = JSON.parse(fs.readFileSync(path.join(projectRoot, process.env.NEXT_DIST_DIR || ".next", "build-manifest.json"), "utf8")) as { rootMainFiles?: string[] };
  return new Set((manifest.rootMainFiles ?? []).map((f) => `/_next/${f}`));
}

/** First-load JS of a page: every script the browser fetched for it, each gzipped here (level 6); and how much of it is the framework's. */
async function firstLoadJs(browser: Browser, url: string, framework: Set<string>): Promise<{ gzipped: number; scripts: number; frameworkGzipped: number }> {
  const page = await browser.newPage();
  const bodies: Promise<{ path: string; body: Buffer }>[] = [];
  page.on("response", (response) => {
    if (response.request().resourceType() === "script") bodies.push(response.body().catch(() => Buffer.alloc(0)).then((body) => ({ path: new URL(response.url()).pathname, body })));
  });
  await page.goto(url, { waitUntil: "networkidle" });
  const all = (await Promise.all(bodies)).map((s) => ({ ...s, gzipped: gzipSync(s.body).byteLength }));
  await page.close();
  const sum = (list: typeof all) => list.reduce((total, s) => total + s.gzipped, 0);
  return { gzipped: sum(all), scripts: all.length, frameworkGzipped: sum(all.filter((s) => framework.has(s.path))) };
}

async function lcpOf(page: Page, url: string): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
  await cdp.send("Network.emulateNetworkConditions", SLOW_3G);
  await page.goto(url, { waitUntil: "load", timeout: 600_000 });
  return page.evaluate(() => new Promise<number>((resolve) => {
    new PerformanceObserver((list) => {
      const last = list.getEntries().at(-1);
      resolve(last ? last.startTime : 0);
    }).observe({ type: "largest-contentful-paint", buffered: true });
    setTimeout(() => resolve(0), 5000);
  }));
}

/** Serves `html` at / and passes everything else (CSS, fonts, images) through to the Next server. */
function staticServer(html: string, upstream: number, port: number): Promise<http.Server> {
  const server = http.createServer((req, res) => {
    if (req.url === "/" || req.url?.startsWith("/?")) {
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
      res.end(html);
      return;
    }
    const proxied = http.request({ host: "127.0.0.1", port: upstream, path: req.url, method: req.method, headers: req.headers }, (up) => {
      res.writeHead(up.statusCode ?? 502, up.headers);
      up.pipe(res);
    });
    proxied.on("error", () => res.writeHead(502).end());
    req.pipe(proxied);
  });
  return new Promise((resolve) => server.listen(port, "127.0.0.1", () => resolve(server)));
}

export const benchmark: Benchmark = {
  name: "pages",
  description: "public pages on a production build: draft page HTML against its visible text, first-load JS, LCP on slow 3G",
  defaultSizes: [1000],
  quickSizes: [1000],
  async run(context) {
    const db = await context.freshDatabase();
    const port = Number(process.env.PORT ?? 3000) + 7;
    const staticPort = port + 1;
    let stop = async () => {};
    let browser: Browser | undefined;
    let statics: http.Server | undefined;
    try {
      const client = new pg.Client({ connectionString: db.url });
      await client.connect();
      await seedScaleData(client, { size: context.sizes[0] ?? 1000, pending: 0, participants: 1 });
      await client.end();
      const { draftSlug, busiest } = await seedDraft(db.url);
      const { disconnectDb } = await import("../../lib/db/client.ts");
      await disconnectDb();
      stop = await startNext(db.url, port);
      browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: CHROMIUM_ARGS });
      const base = `http://127.0.0.1:${port}`;
      const draftPath = `/consultations/${BENCH_SLUG}/drafts/${draftSlug}`;

      // Draft page: bytes of HTML against the bytes of the text a reader sees (innerText, UTF-8).
      const draftRows: string[][] = [];
      const rows: Record<string, GoalRow> = {};
      for (const [label, url] of [["draft page", draftPath], ["draft page, busiest thread open", `${draftPath}?p=${encodeURIComponent(busiest)}`]] as const) {
        const html = await (await fetch(base + url)).text();
        const page = await browser.newPage();
        await page.goto(base + url, { waitUntil: "load" });
        const text = await page.evaluate(() => document.body.innerText);
        await page.close();
        const htmlBytes = Buffer.byteLength(html);
        const textBytes = Buffer.byteLength(text);
        draftRows.push([label, `${(htmlBytes / 1024).toFixed(0)} KB`, `${(textBytes / 1024).toFixed(0)} KB`, (htmlBytes / textBytes).toFixed(2)]);
        rows[`${label}, ${PARAGRAPHS} paragraphs / ${COMMENTS.toLocaleString("en")} comments: HTML bytes`] = atMost(htmlBytes, textBytes, 2, "HTML <= 2 x the text it shows", "B");
      }

      // First-load JS and LCP of each public page.
      const pages: [string, string][] = [["home", "/"], ["consultation", `/consultations/${BENCH_SLUG}`], ["contributions", `/consultations/${BENCH_SLUG}/contributions`], ["draft", draftPath]];
      const pageRows: string[][] = [];
      const framework = frameworkScripts();
      for (const [name, url] of pages) {
        const js = await firstLoadJs(browser, base + url, framework);
        const html = await (await fetch(base + url)).text();
        statics?.close();
        statics = await staticServer(html.replace(/<script\b[^>]*>[\s\S]*?<\/script>/gi, "").replace(/<link[^>]+rel="(?:preload|modulepreload)"[^>]+as="script"[^>]*>/gi, ""), port, staticPort);
        const live = await browser.newPage();
        const lcp = await lcpOf(live, base + url);
        await live.close();
        const still = await browser.newPage();
        const lcpStatic = await lcpOf(still, `http://127.0.0.1:${staticPort}/`);
        await still.close();
        pageRows.push([name, `${(js.gzipped / 1024).toFixed(0)} KB (${js.scripts})`, `${(js.frameworkGzipped / 1024).toFixed(0)} KB`, `${((js.gzipped - js.frameworkGzipped) / 1024).toFixed(0)} KB`, `${(lcp / 1000).toFixed(2)} s`, `${(lcpStatic / 1000).toFixed(2)} s`]);
        rows[`first-load JS, ${name} (gzipped)`] = atMost(js.gzipped, JS_LIMIT_BYTES, 1, "<= 100 KB gzipped", "B");
        rows[`LCP on slow 3G, ${name}`] = atMost(lcp, lcpStatic, 1.5, "<= 1.5 x the same HTML as a static page", "ms");
      }
      writeBenchReport(path.join(dataRoot(), "reports", "bench.json"), rows);
      const table = (header: string[], body: string[][]) => [`| ${header.join(" | ")} |`, `| ${header.map(() => "---").join(" | ")} |`, ...body.map((r) => `| ${r.join(" | ")} |`)].join("\n");
      console.log(`${table(["draft page", "HTML", "visible text", "ratio"], draftRows)}\n`);
      console.log(`${table(["page", "first-load JS gzipped (scripts)", "of it the runtime (rootMainFiles)", "route chunks", "LCP slow 3G", "LCP static HTML"], pageRows)}\n`);
      return goalTable(rows);
    } finally {
      statics?.close();
      await browser?.close();
      await stop();
      await db.drop();
    }
  },
};
