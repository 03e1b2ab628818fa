// Theme trends across the years: a theme carried across rounds (the same slug, or mapped by the secretariat to
// another round's slug) gets a page with its inputs per year by stakeholder group and by region. Counts are of
// published contributions tagged with the theme; unclassified and unknown-country ones are their own columns.
import "server-only";
import { z } from "zod";
import { db } from "../db/client";
import { Prisma } from "../db/generated/client";
import { hasRole, type Actor } from "../auth/session-roles";
import { recordAudit } from "../audit/log";
import { withTransaction } from "../db/transaction";
import { fail, fieldErrorsOf, ok, type Result } from "../result";
import { INPUT_REGIONS } from "../geo/countries";
import { INPUT_GROUPS } from "../stakeholders/groups";

const YEAR = Prisma.sql`EXTRACT(YEAR FROM COALESCE(c."contributionsOpenAt", c."commentsOpenAt", c."createdAt"))::int`;
const TREND = Prisma.sql`COALESCE(m."trendSlug", t.slug)`;

export interface TrendSummary {
  slug: string;
  title: string;
  rounds: number;
  firstYear: number;
  lastYear: number;
  contributions: number;
}

/** Every theme of a public round, by trend: how many rounds carry it, over which years, with how many inputs. */
export async function listTrends(): Promise<TrendSummary[]> {
  const [themes, counts] = await Promise.all([
    db.$queryRaw<{ slug: string; title: string; rounds: bigint; first: number; last: number }[]>`
      SELECT x.trend AS slug, (array_agg(x.title ORDER BY x.year DESC, x.created DESC))[1] AS title,
        count(DISTINCT x.consultation) AS rounds, min(x.year) AS first, max(x.year) AS last
      FROM (
        SELECT ${TREND} AS trend, t.title, c.id AS consultation, c."createdAt" AS created, ${YEAR} AS year
        FROM "Theme" t JOIN "Consultation" c ON c.id = t."consultationId" LEFT JOIN "ThemeMapping" m ON m."themeId" = t.id
        WHERE c.status = 'PUBLISHED'
      ) x
      GROUP BY x.trend`,
    db.$queryRaw<{ slug: string; n: bigint }[]>`
      SELECT ${TREND} AS slug, count(DISTINCT s.id) AS n
      FROM "SubmissionTheme" st JOIN "Submission" s ON s.id = st."submissionId" JOIN "Theme" t ON t.id = st."themeId"
        LEFT JOIN "ThemeMapping" m ON m."themeId" = t.id JOIN "Consultation" c ON c.id = s."consultationId"
      WHERE s.status = 'PUBLISHED' AND c.status = 'PUBLISHED'
      GROUP BY 1`,
  ]);
  const contributions = new Map(counts.map((r) => [r.slug, Number(r.n)]));
  return themes
    .map((r) => ({ slug: r.slug, title: r.title, rounds: Number(r.rounds), firstYear: r.first, lastYear: r.last, contributions: contributions.get(r.slug) ?? 0 }))
    .sort((a, b) => b.rounds - a.rounds || (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0));
}

export interface TrendYear {
  year: number;
  total: number;
  byGroup: Record<string, number>;
  byRegion: Record<string, number>;
}

export interface ThemeTrend {
  slug: string;
  title: string;
  rounds: { slug: string; title: string; year: number; themeTitle: string; themeSlug: string }[];
  years: TrendYear[];
  groups: readonly string[];
  regions: readonly string[];
}

/** One trend: the rounds that carry the theme and its published inputs per year, by group and by region. */
export async function getThemeTrend(slug: string): Promise<ThemeTrend | null> {
  if (!/^[a-z0-9-]{1,80}$/.test(slug)) return null;
  const rounds = await db.$queryRaw<{ slug: string; title: string; year: number; themeTitle: string; themeSlug: string }[]>`
    SELECT c.slug, c.title, ${YEAR} AS year, t.title AS "themeTitle", t.slug AS "themeSlug"
    FROM "Theme" t JOIN "Consultation" c ON c.id = t."consultationId" LEFT JOIN "ThemeMapping" m ON m."themeId" = t.id
    WHERE c.status = 'PUBLISHED' AND ${TREND} = ${slug}
    ORDER BY year ASC, c."createdAt" ASC`;
  if (rounds.length === 0) return null;
  const counts = (dimension: Prisma.Sql) => db.$queryRaw<{ year: number; key: string; n: bigint }[]>`
    SELECT ${YEAR} AS year, ${dimension} AS key, count(DISTINCT s.id) AS n
    FROM "Submission" s JOIN "Consultation" c ON c.id = s."consultationId"
    WHERE c.status = 'PUBLISHED' AND s.status = 'PUBLISHED' AND EXISTS (
      SELECT 1 FROM "SubmissionTheme" st JOIN "Theme" t ON t.id = st."themeId" LEFT JOIN "ThemeMapping" m ON m."themeId" = t.id
      WHERE st."submissionId" = s.id AND ${TREND} = ${slug})
    GROUP BY 1, 2`;
  const [groups, regions] = await Promise.all([counts(Prisma.sql`s."stakeholderGroup"::text`), counts(Prisma.sql`s.region::text`)]);
  const years = new Map<number, TrendYear>();
  for (const r of rounds) if (!years.has(r.year)) years.set(r.year, { year: r.year, total: 0, byGroup: {}, byRegion: {} });
  for (const g of groups) {
    const y = years.get(g.year) ?? { year: g.year, total: 0, byGroup: {}, byRegion: {} };
    y.byGroup[g.key] = Number(g.n);
    y.total += Number(g.n);
    years.set(g.year, y);
  }
  for (const r of regions) {
    const y = years.get(r.year);
    if (y) y.byRegion[r.key] = Number(r.n);
  }
  return {
    slug,
    title: rounds.at(-1)?.themeTitle ?? slug,
    rounds,
    years: [...years.values()].sort((a, b) => a.year - b.year),
    groups: INPUT_GROUPS,
    regions: INPUT_REGIONS,
  };
}

// ---------------------------------------------------------------------------------------------------------
// The secretariat's mapping of themes across rounds

/** Every theme of every round with the trend it counts under, for the secretariat. */
export async function listThemesForMapping(actor: Actor | null) {
  if (!hasRole(actor, "SECRETARIAT")) return null;
  return db.$queryRaw<{ id: string; slug: string; title: string; consultationSlug: string; consultationTitle: string; year: number; trendSlug: string; mapped: boolean }[]>`
    SELECT t.id, t.slug, t.title, c.slug AS "consultationSlug", c.title AS "consultationTitle", ${YEAR} AS year, ${TREND} AS "trendSlug", m.id IS NOT NULL AS mapped
    FROM "Theme" t JOIN "Consultation" c ON c.id = t."consultationId" LEFT JOIN "ThemeMapping" m ON m."themeId" = t.id
    ORDER BY year DESC, c."createdAt" DESC, t.position ASC, t.slug ASC`;
}

const MappingSchema = z.object({
  trendSlug: z.preprocess((v) => (typeof v === "string" ? v.trim().toLowerCase() : ""), z.string().max(80, { error: "slugInvalid" }).regex(/^([a-z0-9]+(-[a-z0-9]+)*)?$/, { error: "slugInvalid" })),
});

/**
 * Counts a theme under another trend (another round's slug), or under its own slug again when `trendSlug` is empty
 * or equal to it. Audited with the previous mapping.
 */
export async function setThemeMapping(actor: Actor | null, themeId: string, raw: unknown): Promise<Result<{ trendSlug: string }>> {
  if (!actor || !hasRole(actor, "SECRETARIAT")) return fail("forbidden", undefined, 403);
  const parsed = MappingSchema.safeParse(raw);
  if (!parsed.success) return fail("invalidInput", fieldErrorsOf(parsed.error));
  return withTransaction(async (tx) => {
    const theme = await tx.theme.findUnique({ where: { id: themeId }, include: { trendMapping: true } });
    if (!theme) return fail("notFound", undefined, 404);
    const target = parsed.data.trendSlug;
    const before = theme.trendMapping?.trendSlug ?? null;
    if (!target || target === theme.slug) {
      if (theme.trendMapping) await tx.themeMapping.delete({ where: { themeId } });
    } else {
      await tx.themeMapping.upsert({ where: { themeId }, update: { trendSlug: target }, create: { themeId, trendSlug: target } });
    }
    const after = !target || target === theme.slug ? null : target;
    if (before !== after) {
      await recordAudit(tx, {
        actorId: actor.id, action: "archive.theme.map", entityType: "Theme", entityId: themeId, consultationId: theme.consultationId,
        details: { theme: theme.slug, before, after },
      });
    }
    return ok({ trendSlug: after ?? theme.slug });
  });
}
