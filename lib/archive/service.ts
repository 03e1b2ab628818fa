// archive: every public round and meeting by year, each with its synthesis, sessions, transcripts and contributions,
// and one full-text search across all of them (contributions, transcript turns, remote messages, rapporteur reports
// and published syntheses), filterable by year, theme, stakeholder group and source type. Read-only; public data only.
import "server-only";
import { z } from "zod";
import { db } from "../db/client";
import { Prisma } from "../db/generated/client";
import { INPUT_GROUPS } from "../stakeholders/groups";
import type { StakeholderGroup } from "../db/generated/enums";

/** The kinds of record the archive searches; "contribution" covers web and imported written inputs. */
export const SOURCE_TYPES = ["contribution", "transcript", "remote", "report", "synthesis"] as const;
export type SourceType = (typeof SOURCE_TYPES)[number];

export const ARCHIVE_PAGE = 20;
const SEARCH_MAX = 200;

/** A round's year: when its contributions (or comments) opened, else when it was created, in UTC. */
const YEAR_OF_CONSULTATION = Prisma.sql`EXTRACT(YEAR FROM COALESCE(c."contributionsOpenAt", c."commentsOpenAt", c."createdAt"))::int`;

const optional = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === "" || v === null ? undefined : Array.isArray(v) ? v[0] : v), schema.optional());

export const ArchiveQuerySchema = z.object({
  q: optional(z.string().trim().max(SEARCH_MAX)),
  year: optional(z.coerce.number().int().min(1990).max(2200)),
  theme: optional(z.string().trim().toLowerCase().max(80).regex(/^[a-z0-9-]+$/)),
  group: optional(z.enum(INPUT_GROUPS)),
  source: optional(z.enum(SOURCE_TYPES)),
  page: z.preprocess((v) => (v === "" || v === undefined ? 1 : Array.isArray(v) ? v[0] : v), z.coerce.number().int().min(1).max(500)).catch(1),
});
export type ArchiveQuery = z.infer<typeof ArchiveQuerySchema>;

/** Query parameters → query, or the names of the invalid ones (the page says which). */
export function parseArchiveQuery(params: Record<string, string | string[] | undefined>): { ok: true; query: ArchiveQuery } | { ok: false; invalid: string[] } {
  const parsed = ArchiveQuerySchema.safeParse(params);
  if (!parsed.success) return { ok: false, invalid: [...new Set(parsed.error.issues.map((i) => String(i.path[0] ?? "query")))] };
  return { ok: true, query: parsed.data };
}

// ---------------------------------------------------------------------------------------------------------
// By year

export interface ArchiveRound {
  slug: string;
  title: string;
  summary: string;
  year: number;
  contributions: number;
  sessions: { slug: string; title: string; type: string; date: Date | null; turns: number; report: boolean }[];
  remoteMessages: number;
  synthesis: number | null;
  themes: { slug: string; title: string }[];
}

/** Every public round, newest year first, with what it holds. */
export async function listArchive(): Promise<{ year: number; rounds: ArchiveRound[] }[]> {
  const rows = await db.$queryRaw<{ id: string; year: number }[]>`
    SELECT c.id, ${YEAR_OF_CONSULTATION} AS year FROM "Consultation" c WHERE c.status = 'PUBLISHED'`;
  const yearOf = new Map(rows.map((r) => [r.id, r.year]));
  const consultations = await db.consultation.findMany({
    where: { id: { in: rows.map((r) => r.id) } },
    orderBy: [{ contributionsOpenAt: "desc" }, { createdAt: "desc" }],
    select: {
      id: true, slug: true, title: true, summary: true,
      themes: { orderBy: { position: "asc" }, select: { slug: true, title: true, trendMapping: { select: { trendSlug: true } } } },
      meetingSessions: {
        orderBy: [{ date: { sort: "asc", nulls: "last" } }, { title: "asc" }],
        select: { slug: true, title: true, type: true, date: true, _count: { select: { turns: true, documents: true } } },
      },
      synthesisDrafts: { where: { published: true }, orderBy: { number: "desc" }, take: 1, select: { number: true } },
      _count: { select: { submissions: { where: { status: "PUBLISHED" } }, remoteMessages: { where: { status: "PUBLISHED" } } } },
    },
  });
  const byYear = new Map<number, ArchiveRound[]>();
  for (const c of consultations) {
    const year = yearOf.get(c.id) ?? 0;
    const round: ArchiveRound = {
      slug: c.slug, title: c.title, summary: c.summary, year, contributions: c._count.submissions, remoteMessages: c._count.remoteMessages,
      synthesis: c.synthesisDrafts[0]?.number ?? null,
      // A theme mapped to another round's theme links to that trend.
      themes: c.themes.map((t) => ({ slug: t.trendMapping?.trendSlug ?? t.slug, title: t.title })),
      sessions: c.meetingSessions.map((s) => ({ slug: s.slug, title: s.title, type: s.type, date: s.date, turns: s._count.turns, report: s._count.documents > 0 })),
    };
    byYear.set(year, [...(byYear.get(year) ?? []), round]);
  }
  return [...byYear].sort(([a], [b]) => b - a).map(([year, rounds]) => ({ year, rounds }));
}

/** Years, themes (by slug) and groups that the filters offer. */
export async function archiveFacets(): Promise<{ years: number[]; themes: { slug: string; title: string }[] }> {
  const [years, themes] = await Promise.all([
    db.$queryRaw<{ year: number }[]>`SELECT DISTINCT ${YEAR_OF_CONSULTATION} AS year FROM "Consultation" c WHERE c.status = 'PUBLISHED' ORDER BY year DESC`,
    db.$queryRaw<{ slug: string; title: string }[]>`
      SELECT DISTINCT ON (COALESCE(m."trendSlug", t.slug)) COALESCE(m."trendSlug", t.slug) AS slug, t.title
      FROM "Theme" t JOIN "Consultation" c ON c.id = t."consultationId" LEFT JOIN "ThemeMapping" m ON m."themeId" = t.id
      WHERE c.status = 'PUBLISHED' ORDER BY COALESCE(m."trendSlug", t.slug), c."createdAt" DESC`,
  ]);
  return { years: years.map((y) => y.year), themes };
}

// ---------------------------------------------------------------------------------------------------------
// Search

export interface ArchiveHit {
  source: SourceType;
  /** where the record is read in full */
  href: string;
  title: string;
  /** excerpt with \u0001…\u0002 around the matched words (the page escapes the text and marks them) */
  excerpt: string;
  year: number;
  consultation: { slug: string; title: string };
  group: StakeholderGroup | null;
  /** who: contributor, speaker, handle (null for anonymous contributions, reports and syntheses) */
  by: string | null;
  date: Date | null;
  rank: number;
}

export interface ArchiveResults {
  total: number;
  bySource: Record<SourceType, number>;
  hits: ArchiveHit[];
  page: number;
  pages: number;
}

const HEADLINE = `StartSel=${"\u0001"}, StopSel=${"\u0002"}, MaxWords=30, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "`;

/**
 * One UNION ALL over the public records, each branch filtered by the same query, year, theme and group. A theme
 * narrows to contributions tagged with it (only contributions carry themes); a group to records of that group
 * (reports and syntheses have none).
 */
function branches(q: ArchiveQuery): Prisma.Sql[] {
  const query = Prisma.sql`websearch_to_tsquery('simple', ${q.q ?? ""})`;
  const out: Prisma.Sql[] = [];
  const want = (source: SourceType) => !q.source || q.source === source;
  const yearCond = (expr: Prisma.Sql) => (q.year ? Prisma.sql` AND ${expr} = ${q.year}` : Prisma.empty);
  const groupCond = (column: Prisma.Sql) => (q.group ? Prisma.sql` AND ${column} = ${q.group}::"StakeholderGroup"` : Prisma.empty);
  const themeCond = q.theme
    ? Prisma.sql` AND EXISTS (SELECT 1 FROM "SubmissionTheme" st JOIN "Theme" t ON t.id = st."themeId" LEFT JOIN "ThemeMapping" m ON m."themeId" = t.id
        WHERE st."submissionId" = s.id AND COALESCE(m."trendSlug", t.slug) = ${q.theme})`
    : Prisma.empty;
  const noThemeOrGroupless = !q.theme && !q.group;

  if (want("contribution")) {
    out.push(Prisma.sql`
      SELECT 'contribution' AS source, c.slug AS "consultationSlug", c.title AS "consultationTitle", ${YEAR_OF_CONSULTATION} AS year,
        '/consultations/' || c.slug || '/contributions/' || s.reference AS href, s.title AS title,
        ts_headline('simple', s.title || ' — ' || s.body, ${query}, ${HEADLINE}) AS excerpt,
        s."stakeholderGroup"::text AS "group", CASE WHEN s.visibility = 'PUBLIC_NAMED' THEN COALESCE(s."organisationName", s."contributorName") END AS "by",
        COALESCE(s."submittedAt", s."publishedAt") AS date, ts_rank(s."searchVector", ${query}) AS rank
      FROM "Submission" s JOIN "Consultation" c ON c.id = s."consultationId"
      WHERE c.status = 'PUBLISHED' AND s.status = 'PUBLISHED' AND s."searchVector" @@ ${query}
        ${yearCond(YEAR_OF_CONSULTATION)}${groupCond(Prisma.sql`s."stakeholderGroup"`)}${themeCond}`);
  }
  if (!q.theme && want("transcript")) {
    const turnYear = Prisma.sql`COALESCE(EXTRACT(YEAR FROM ms.date)::int, ${YEAR_OF_CONSULTATION})`;
    out.push(Prisma.sql`
      SELECT 'transcript' AS source, c.slug AS "consultationSlug", c.title AS "consultationTitle", ${turnYear} AS year,
        '/consultations/' || c.slug || '/sessions/' || ms.slug || '#t' || t.number AS href, ms.title AS title,
        ts_headline('simple', t.body, ${query}, ${HEADLINE}) AS excerpt,
        t."stakeholderGroup"::text AS "group", COALESCE(sp.name, NULLIF(t."speakerLabel", '')) AS "by",
        ms.date::timestamp AS date, ts_rank(t."searchVector", ${query}) AS rank
      FROM "SessionTurn" t JOIN "MeetingSession" ms ON ms.id = t."sessionId" JOIN "Consultation" c ON c.id = t."consultationId"
        LEFT JOIN "Speaker" sp ON sp.id = t."speakerId"
      WHERE c.status = 'PUBLISHED' AND t."searchVector" @@ ${query}${yearCond(turnYear)}${groupCond(Prisma.sql`t."stakeholderGroup"`)}`);
  }
  if (!q.theme && want("remote")) {
    const msgYear = Prisma.sql`EXTRACT(YEAR FROM r."postedAt")::int`;
    out.push(Prisma.sql`
      SELECT 'remote' AS source, c.slug AS "consultationSlug", c.title AS "consultationTitle", ${msgYear} AS year,
        '/consultations/' || c.slug || '/remote?message=' || r.id || '#m-' || r.id AS href, r.handle AS title,
        ts_headline('simple', r.body, ${query}, ${HEADLINE}) AS excerpt,
        r."stakeholderGroup"::text AS "group", r.handle AS "by", r."postedAt" AS date, ts_rank(r."searchVector", ${query}) AS rank
      FROM "RemoteMessage" r JOIN "Consultation" c ON c.id = r."consultationId"
      WHERE c.status = 'PUBLISHED' AND r.status = 'PUBLISHED' AND r."searchVector" @@ ${query}${yearCond(msgYear)}${groupCond(Prisma.sql`r."stakeholderGroup"`)}`);
  }
  if (noThemeOrGroupless && want("report")) {
    const docYear = Prisma.sql`COALESCE(EXTRACT(YEAR FROM ms.date)::int, ${YEAR_OF_CONSULTATION})`;
    out.push(Prisma.sql`
      SELECT 'report' AS source, c.slug AS "consultationSlug", c.title AS "consultationTitle", ${docYear} AS year,
        '/consultations/' || c.slug || '/sessions/' || ms.slug AS href, d.title || ' — ' || ms.title AS title,
        ts_headline('simple', d.body, ${query}, ${HEADLINE}) AS excerpt, NULL::text AS "group", NULL::text AS "by", ms.date::timestamp AS date,
        ts_rank(to_tsvector('simple', d.title || ' ' || d.body), ${query}) AS rank
      FROM "SessionDocument" d JOIN "MeetingSession" ms ON ms.id = d."sessionId" JOIN "Consultation" c ON c.id = ms."consultationId"
      WHERE c.status = 'PUBLISHED' AND to_tsvector('simple', d.title || ' ' || d.body) @@ ${query}${yearCond(docYear)}`);
  }
  if (noThemeOrGroupless && want("synthesis")) {
    // The latest published snapshot of each round: the paper the public can download.
    out.push(Prisma.sql`
      SELECT 'synthesis' AS source, c.slug AS "consultationSlug", c.title AS "consultationTitle", ${YEAR_OF_CONSULTATION} AS year,
        '/api/v1/consultations/' || c.slug || '/synthesis?format=html' AS href, c.title AS title,
        ts_headline('simple', sd.markdown, ${query}, ${HEADLINE}) AS excerpt, NULL::text AS "group", NULL::text AS "by", sd."createdAt" AS date,
        ts_rank(to_tsvector('simple', sd.markdown), ${query}) AS rank
      FROM "SynthesisDraft" sd JOIN "Consultation" c ON c.id = sd."consultationId"
      WHERE c.status = 'PUBLISHED' AND sd.published
        AND sd.number = (SELECT max(x.number) FROM "SynthesisDraft" x WHERE x."consultationId" = sd."consultationId" AND x.published)
        AND to_tsvector('simple', sd.markdown) @@ ${query}${yearCond(YEAR_OF_CONSULTATION)}`);
  }
  return out;
}

interface Row {
  source: SourceType;
  consultationSlug: string;
  consultationTitle: string;
  year: number;
  href: string;
  title: string;
  excerpt: string;
  group: StakeholderGroup | null;
  by: string | null;
  date: Date | null;
  rank: number;
}

/** Full-text search across the archive; no query, no search (the page shows the years instead). */
export async function searchArchive(q: ArchiveQuery): Promise<ArchiveResults> {
  const empty: ArchiveResults = { total: 0, bySource: { contribution: 0, transcript: 0, remote: 0, report: 0, synthesis: 0 }, hits: [], page: q.page, pages: 1 };
  if (!q.q) return empty;
  // Counts per source ignore the source filter, so the page can offer the others with their numbers.
  const all = branches({ ...q, source: undefined });
  const parts = branches(q);
  if (all.length === 0) return empty;
  const union = (list: Prisma.Sql[]) => Prisma.join(list, " UNION ALL ");
  const [counts, rows] = await Promise.all([
    db.$queryRaw<{ source: SourceType; n: bigint }[]>`SELECT source, count(*) AS n FROM (${union(all)}) x GROUP BY source`,
    parts.length
      ? db.$queryRaw<Row[]>`SELECT * FROM (${union(parts)}) x ORDER BY rank DESC, date DESC NULLS LAST, href ASC LIMIT ${ARCHIVE_PAGE} OFFSET ${(q.page - 1) * ARCHIVE_PAGE}`
      : Promise.resolve([] as Row[]),
  ]);
  const bySource = { ...empty.bySource };
  for (const c of counts) bySource[c.source] = Number(c.n);
  const total = q.source ? bySource[q.source] : Object.values(bySource).reduce((a, b) => a + b, 0);
  return {
    total, bySource, page: q.page, pages: Math.max(1, Math.ceil(total / ARCHIVE_PAGE)),
    hits: rows.map((r) => ({
      source: r.source, href: r.href, title: r.title, excerpt: r.excerpt, year: Number(r.year), consultation: { slug: r.consultationSlug, title: r.consultationTitle },
      group: r.group, by: r.by, date: r.date, rank: Number(r.rank),
    })),
  };
}
