// Builds the synthesis document model from a consultation's published submissions and comments.
//
// Submissions are streamed twice in keyset-paginated batches ordered by (contributorKey, id): the first pass counts
// term frequencies per theme, collects the Annex I entries and the acronyms; the second groups sentences into
// points. Counts come from SQL aggregates. Only per-theme aggregates and a bounded number of candidate sentences
// stay in memory, never the bodies. The same rows always give the same model (see docs/decisions/0008).
import type { Tx } from "../db/client";
import type { StakeholderGroup, UnRegion } from "../db/generated/enums";
import { INPUT_GROUPS } from "../stakeholders/groups";
import { INPUT_REGIONS } from "../geo/countries";
import { DEFAULT_POINT_OPTIONS, DocumentFrequency, orderForBalance, PointFinder, type Point, type PointOptions, type SourceRef } from "./points";
import { findAcronyms, plainBlocks, shortQuote, splitSentences } from "./text";
import { attribution, countWord, GROUP_ADJECTIVE, GROUP_LABEL, joinList, plural, pointText, REGION_LABEL, sectionLetter } from "./phrases";
import { contributionPath, draftParagraphPath } from "./paths";
import type { CommentParagraph, PointParagraph, SynthesisModel } from "./model";

export interface BuildOptions {
  batchSize: number;
  maxPointsPerTheme: number;
  maxCommentPoints: number;
  /** comments read per draft paragraph to find its main points (all are counted) */
  maxCommentsPerParagraph: number;
  maxAcronyms: number;
  points: PointOptions;
}

export const DEFAULT_BUILD_OPTIONS: BuildOptions = {
  batchSize: 1000,
  maxPointsPerTheme: 15,
  maxCommentPoints: 3,
  maxCommentsPerParagraph: 2000,
  maxAcronyms: 2000,
  points: DEFAULT_POINT_OPTIONS,
};

interface SubmissionRow {
  id: string;
  reference: string;
  title: string;
  body: string;
  contributorKey: string;
  contributorName: string;
  organisationName: string | null;
  onBehalfOf: "ORGANISATION" | "SELF";
  visibility: "PUBLIC_NAMED" | "PUBLIC_ANONYMOUS";
  stakeholderGroup: StakeholderGroup;
  campaignId: string | null;
  overBalance: boolean;
}

interface StreamedSubmission extends SubmissionRow {
  themeIds: string[];
}

/** Published submissions of a consultation in (contributorKey, id) order, one batch at a time. */
export async function* streamPublishedSubmissions(client: Tx, consultationId: string, batchSize: number): AsyncGenerator<StreamedSubmission[]> {
  let after: { key: string; id: string } | null = null;
  for (;;) {
    const rows: SubmissionRow[] = after
      ? await client.$queryRaw<SubmissionRow[]>`
          SELECT "id", "reference", "title", "body", "contributorKey", "contributorName", "organisationName", "onBehalfOf"::text AS "onBehalfOf",
                 "visibility"::text AS "visibility", "stakeholderGroup"::text AS "stakeholderGroup", "campaignId", "overBalance"
          FROM "Submission"
          WHERE "consultationId" = ${consultationId} AND "status" = 'PUBLISHED' AND ("contributorKey", "id") > (${after.key}, ${after.id})
          ORDER BY "contributorKey", "id" LIMIT ${batchSize}`
      : await client.$queryRaw<SubmissionRow[]>`
          SELECT "id", "reference", "title", "body", "contributorKey", "contributorName", "organisationName", "onBehalfOf"::text AS "onBehalfOf",
                 "visibility"::text AS "visibility", "stakeholderGroup"::text AS "stakeholderGroup", "campaignId", "overBalance"
          FROM "Submission"
          WHERE "consultationId" = ${consultationId} AND "status" = 'PUBLISHED'
          ORDER BY "contributorKey", "id" LIMIT ${batchSize}`;
    if (rows.length === 0) return;
    const links = await client.submissionTheme.findMany({
      where: { submissionId: { in: rows.map((r) => r.id) } },
      select: { submissionId: true, themeId: true },
    });
    const themesOf = new Map<string, string[]>();
    for (const link of links) themesOf.set(link.submissionId, [...(themesOf.get(link.submissionId) ?? []), link.themeId]);
    yield rows.map((r) => ({ ...r, themeIds: (themesOf.get(r.id) ?? []).sort() }));
    const last = rows.at(-1);
    if (!last || rows.length < batchSize) return;
    after = { key: last.contributorKey, id: last.id };
  }
}

/** Sentences of a Markdown body as they appear on the input's page (titles name a contribution; they make no point). */
function sentencesOf(body: string): string[] {
  return plainBlocks(body).flatMap(splitSentences);
}

const NO_THEME = "";

function contributorLabel(row: SubmissionRow): { key: string; name: string } {
  if (row.visibility === "PUBLIC_ANONYMOUS") return { key: "anonymous", name: "Anonymous contributions" };
  if (row.onBehalfOf === "ORGANISATION" && row.organisationName) return { key: row.contributorKey, name: row.organisationName };
  return { key: row.contributorKey, name: row.organisationName ? `${row.contributorName} (${row.organisationName})` : row.contributorName };
}

function byCodePoint(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

const DATE = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });

export class ConsultationNotFoundError extends Error {}

export async function buildSynthesisModel(client: Tx, consultationSlug: string, overrides: Partial<BuildOptions> = {}): Promise<SynthesisModel> {
  const options = { ...DEFAULT_BUILD_OPTIONS, ...overrides };
  const consultation = await client.consultation.findUnique({
    where: { slug: consultationSlug },
    select: { id: true, slug: true, title: true, themes: { orderBy: [{ position: "asc" }, { title: "asc" }, { slug: "asc" }], select: { id: true, slug: true, title: true } } },
  });
  if (!consultation) throw new ConsultationNotFoundError(consultationSlug);
  const cid = consultation.id;

  // ---- Counts (SQL aggregates) ----
  const [totals] = await client.$queryRaw<{ submissions: number; contributors: number; overBalance: number; campaignSubmissions: number; asOf: Date | null }[]>`
    SELECT COUNT(*)::int AS "submissions", COUNT(DISTINCT "contributorKey")::int AS "contributors",
           COUNT(*) FILTER (WHERE "overBalance")::int AS "overBalance", COUNT(*) FILTER (WHERE "campaignId" IS NOT NULL)::int AS "campaignSubmissions",
           MAX("publishedAt") AS "asOf"
    FROM "Submission" WHERE "consultationId" = ${cid} AND "status" = 'PUBLISHED'`;
  const groupRows = await client.$queryRaw<{ key: StakeholderGroup; submissions: number; contributors: number }[]>`
    SELECT "stakeholderGroup"::text AS "key", COUNT(*)::int AS "submissions", COUNT(DISTINCT "contributorKey")::int AS "contributors"
    FROM "Submission" WHERE "consultationId" = ${cid} AND "status" = 'PUBLISHED' GROUP BY 1`;
  const regionRows = await client.$queryRaw<{ key: UnRegion; submissions: number; contributors: number }[]>`
    SELECT "region"::text AS "key", COUNT(*)::int AS "submissions", COUNT(DISTINCT "contributorKey")::int AS "contributors"
    FROM "Submission" WHERE "consultationId" = ${cid} AND "status" = 'PUBLISHED' GROUP BY 1`;
  const campaignRows = await client.$queryRaw<{ id: string; label: string; submissions: number }[]>`
    SELECT c."id", c."label", COUNT(s."id")::int AS "submissions"
    FROM "Campaign" c JOIN "Submission" s ON s."campaignId" = c."id" AND s."status" = 'PUBLISHED'
    WHERE c."consultationId" = ${cid} GROUP BY c."id", c."label" ORDER BY c."id"`;
  const themeCounts = await client.$queryRaw<{ themeId: string; submissions: number }[]>`
    SELECT st."themeId", COUNT(*)::int AS "submissions" FROM "SubmissionTheme" st JOIN "Submission" s ON s."id" = st."submissionId"
    WHERE s."consultationId" = ${cid} AND s."status" = 'PUBLISHED' GROUP BY 1`;
  const [unthemed] = await client.$queryRaw<{ n: number }[]>`
    SELECT COUNT(*)::int AS "n" FROM "Submission" s WHERE s."consultationId" = ${cid} AND s."status" = 'PUBLISHED'
      AND NOT EXISTS (SELECT 1 FROM "SubmissionTheme" st WHERE st."submissionId" = s."id")`;
  const [commentTotals] = await client.$queryRaw<{ comments: number; commenters: number; asOf: Date | null }[]>`
    SELECT COUNT(*)::int AS "comments", COUNT(DISTINCT COALESCE("authorId", 'name:' || "authorName"))::int AS "commenters", MAX("publishedAt") AS "asOf"
    FROM "Comment" WHERE "consultationId" = ${cid} AND "status" = 'PUBLISHED' AND "draftId" IS NOT NULL`;
  const campaigns = new Map(campaignRows.map((c) => [c.id, c]));

  // ---- Pass 1: term frequencies per theme, Annex I, acronyms ----
  const themeKeys = [...consultation.themes.map((t) => t.id), NO_THEME];
  const frequencies = new Map(themeKeys.map((k) => [k, new DocumentFrequency()]));
  const acronyms = new Map<string, number>();
  const countAcronyms = (text: string) => {
    for (const acronym of findAcronyms(text)) {
      if (acronyms.has(acronym) || acronyms.size < options.maxAcronyms) acronyms.set(acronym, (acronyms.get(acronym) ?? 0) + 1);
    }
  };
  const annex = new Map<StakeholderGroup, Map<string, { name: string; submissions: { reference: string; title: string }[] }>>();
  for await (const batch of streamPublishedSubmissions(client, cid, options.batchSize)) {
    for (const row of batch) {
      const sentences = sentencesOf(row.body);
      for (const key of row.themeIds.length ? row.themeIds : [NO_THEME]) {
        const df = frequencies.get(key);
        if (df) for (const s of sentences) df.add(s);
      }
      countAcronyms(row.title);
      countAcronyms(row.body);
      const contributor = contributorLabel(row);
      let group = annex.get(row.stakeholderGroup);
      if (!group) annex.set(row.stakeholderGroup, (group = new Map()));
      let entry = group.get(contributor.key);
      if (!entry) group.set(contributor.key, (entry = { name: contributor.name, submissions: [] }));
      // Only reference and title: the link is derived from the reference when rendering, which keeps Annex I small.
      entry.submissions.push({ reference: row.reference, title: row.title });
    }
  }

  // ---- Pass 2: points per theme ----
  const finders = new Map(themeKeys.map((k) => [k, new PointFinder(frequencies.get(k) ?? new DocumentFrequency(), options.points)]));
  for await (const batch of streamPublishedSubmissions(client, cid, options.batchSize)) {
    for (const row of batch) {
      const source: SourceRef = { id: row.id, reference: row.reference, title: row.title };
      const sentences = sentencesOf(row.body);
      for (const key of row.themeIds.length ? row.themeIds : [NO_THEME]) {
        const finder = finders.get(key);
        if (!finder) continue;
        for (const sentence of sentences) {
          finder.add({ sentence, unit: row.contributorKey, campaignId: row.campaignId, group: row.stakeholderGroup, overBalance: row.overBalance, source });
        }
      }
    }
  }

  // ---- Assemble ----
  let number = 0;
  const next = () => ++number;
  const counts = {
    submissions: totals?.submissions ?? 0,
    contributors: totals?.contributors ?? 0,
    comments: commentTotals?.comments ?? 0,
    commenters: commentTotals?.commenters ?? 0,
    overBalance: totals?.overBalance ?? 0,
    campaignSubmissions: totals?.campaignSubmissions ?? 0,
    campaigns: campaignRows.length,
  };
  const asOfDate = [totals?.asOf, commentTotals?.asOf].filter((d): d is Date => d instanceof Date).sort((a, b) => b.getTime() - a.getTime())[0] ?? null;
  const byGroup = INPUT_GROUPS.flatMap((g) => {
    const row = groupRows.find((r) => r.key === g);
    return row ? [{ key: g, label: GROUP_LABEL[g], submissions: row.submissions, contributors: row.contributors }] : [];
  });
  const byRegion = INPUT_REGIONS.flatMap((r) => {
    const row = regionRows.find((x) => x.key === r);
    return row ? [{ key: r, label: REGION_LABEL[r], submissions: row.submissions, contributors: row.contributors }] : [];
  });

  const themeSections: SynthesisModel["themes"] = [];
  const sectionSpecs = [
    ...consultation.themes.map((t) => ({ key: t.id, slug: t.slug as string | null, title: t.title, submissions: themeCounts.find((c) => c.themeId === t.id)?.submissions ?? 0 })),
    ...((unthemed?.n ?? 0) > 0 ? [{ key: NO_THEME, slug: null, title: "Other issues raised", submissions: unthemed?.n ?? 0 }] : []),
  ];
  const commentsLetter = sectionLetter(sectionSpecs.length);
  const intro = introParagraphs(consultation.title, counts, byGroup, byRegion, asOfDate, commentsLetter, next);

  sectionSpecs.forEach((spec, index) => {
    const points = finders.get(spec.key)?.points() ?? [];
    const ordered = orderForBalance(points, options.maxPointsPerTheme);
    themeSections.push({
      letter: sectionLetter(index),
      slug: spec.slug,
      title: spec.title,
      submissions: spec.submissions,
      paragraphs: ordered.map(({ point, owner }) => pointParagraph(point, owner, consultation.slug, campaigns, next())),
      omitted: points.length - ordered.length,
    });
  });

  const comments = counts.comments > 0 ? await commentSection(client, cid, consultation.slug, commentsLetter, counts, options, next) : null;
  if (comments) for (const p of comments.paragraphs) for (const q of p.points) countAcronyms(q.quote);

  const glossary = await client.glossaryTerm.findMany({ select: { acronym: true, expansion: true } });
  const exact = new Map(glossary.map((g) => [g.acronym, g]));
  const folded = new Map(glossary.map((g) => [g.acronym.toLocaleLowerCase("en"), g]));
  const terms = new Map<string, { acronym: string; expansion: string; occurrences: number }>();
  const unknown: { acronym: string; occurrences: number }[] = [];
  for (const [acronym, occurrences] of acronyms) {
    const term = exact.get(acronym) ?? folded.get(acronym.toLocaleLowerCase("en"));
    if (term) {
      const seen = terms.get(term.acronym);
      terms.set(term.acronym, { acronym: term.acronym, expansion: term.expansion, occurrences: (seen?.occurrences ?? 0) + occurrences });
    } else {
      unknown.push({ acronym, occurrences });
    }
  }

  return {
    version: 1,
    title: `Synthesis of the contributions: ${consultation.title}`,
    consultation: { slug: consultation.slug, title: consultation.title },
    asOf: asOfDate ? asOfDate.toISOString() : null,
    counts,
    byGroup,
    byRegion,
    intro,
    themes: themeSections,
    comments,
    annexI: INPUT_GROUPS.flatMap((group) => {
      const contributors = annex.get(group);
      if (!contributors) return [];
      return [{
        group,
        label: GROUP_LABEL[group],
        contributors: [...contributors.entries()]
          .sort(([ka, a], [kb, b]) => byCodePoint(a.name.toLocaleLowerCase("en"), b.name.toLocaleLowerCase("en")) || byCodePoint(ka, kb))
          .map(([, c]) => ({ name: c.name, submissions: c.submissions.sort((a, b) => byCodePoint(a.reference, b.reference)) })),
      }];
    }),
    annexII: {
      terms: [...terms.values()].sort((a, b) => byCodePoint(a.acronym.toLocaleUpperCase("en"), b.acronym.toLocaleUpperCase("en")) || byCodePoint(a.acronym, b.acronym)),
      unknown: unknown.sort((a, b) => b.occurrences - a.occurrences || byCodePoint(a.acronym, b.acronym)),
    },
  };
}

function introParagraphs(
  title: string,
  counts: SynthesisModel["counts"],
  byGroup: SynthesisModel["byGroup"],
  byRegion: SynthesisModel["byRegion"],
  asOf: Date | null,
  commentsLetter: string,
  next: () => number,
): SynthesisModel["intro"] {
  const out: SynthesisModel["intro"] = [];
  if (counts.submissions === 0) {
    out.push({ number: next(), text: `No contributions to the consultation "${title}" have been published yet.` });
  } else {
    out.push({
      number: next(),
      text:
        `This paper summarizes the ${plural(counts.submissions, "submission", "submissions")} that ${counts.submissions === 1 ? "was" : "were"} received from ` +
        `${plural(counts.contributors, "contributor", "different contributors")} to the consultation "${title}"${asOf ? `, as published on ${DATE.format(asOf)}` : ""}. ` +
        "Views are attributed by kind of contributor, never by name; quotations are taken verbatim from the contributions, which are listed in Annex I.",
    });
    out.push({
      number: next(),
      text:
        `By stakeholder group, contributions came from ${joinList(byGroup.map((g) => `${g.label.toLocaleLowerCase("en")} (${plural(g.submissions, "submission", "submissions")} from ${plural(g.contributors, "contributor", "contributors")})`))}. ` +
        `By UN regional group: ${joinList(byRegion.map((r) => `${r.label} (${plural(r.submissions, "submission", "submissions")})`))}.`,
    });
    const marks: string[] = [];
    if (counts.campaigns > 0) {
      marks.push(
        `Of these submissions, ${counts.campaignSubmissions.toLocaleString("en")} belonged to ${plural(counts.campaigns, "campaign", "campaigns")} of near-identical inputs; ` +
          "each campaign is counted once in the sections below, and the paragraphs that draw on one say so.",
      );
    }
    if (counts.overBalance > 0) {
      marks.push(
        `${counts.campaigns > 0 ? "In addition" : "Of these submissions"}, ${counts.overBalance.toLocaleString("en")} ${counts.overBalance === 1 ? "was" : "were"} published over the balance limits set for the consultation; the paragraphs that draw on ${counts.overBalance === 1 ? "it" : "them"} say so.`,
      );
    }
    if (marks.length) out.push({ number: next(), text: marks.join(" ") });
    out.push({
      number: next(),
      text: "The sections below follow the themes of the consultation. Within each theme, every stakeholder group that contributed is represented before any group's second point.",
    });
  }
  if (counts.comments > 0) {
    out.push({
      number: next(),
      text: `The draft programme received ${plural(counts.comments, "comment", "comments")} from ${plural(counts.commenters, "commenter", "commenters")}; section ${commentsLetter} summarises them paragraph by paragraph.`,
    });
  }
  return out;
}

function pointParagraph(point: Point, owner: StakeholderGroup, slug: string, campaigns: Map<string, { label: string; submissions: number }>, number: number): PointParagraph {
  const who = attribution(point.groups);
  const pointCampaigns = point.campaignIds.flatMap((id) => {
    const c = campaigns.get(id);
    return c ? [{ label: c.label, submissions: c.submissions }] : [];
  });
  let text = pointText(who, point.support, point.quote, point.truncated);
  if (pointCampaigns.length > 0) {
    const sizes = joinList(pointCampaigns.map((c) => plural(c.submissions, "submission", "submissions")));
    text += ` (This point includes ${pointCampaigns.length === 1 ? "a campaign" : `${countWord(pointCampaigns.length)} campaigns`} of near-identical inputs (${sizes}), counted once.)`;
  }
  if (point.overBalance > 0) {
    text += ` (Includes ${point.overBalance === 1 ? "one contribution" : `${countWord(point.overBalance)} contributions`} published over the balance limits.)`;
  }
  return {
    number,
    text,
    attribution: who,
    quote: point.quote,
    truncated: point.truncated,
    support: point.support,
    groups: point.groups,
    owner,
    overBalance: point.overBalance,
    campaigns: pointCampaigns,
    sources: point.sources.map(({ source, sentence }) => ({ ...source, path: contributionPath(slug, source.reference), sentence })),
  };
}

async function commentSection(
  client: Tx,
  consultationId: string,
  slug: string,
  letter: string,
  counts: SynthesisModel["counts"],
  options: BuildOptions,
  next: () => number,
): Promise<NonNullable<SynthesisModel["comments"]>> {
  const intro = {
    number: next(),
    text: `This section summarises the ${plural(counts.comments, "comment", "comments")} received on the draft programme: for each paragraph that was commented on, the number of comments by stakeholder group and their main points.`,
  };
  const paragraphs: CommentParagraph[] = [];
  const drafts = await client.draftDocument.findMany({
    where: { consultationId },
    orderBy: [{ createdAt: "asc" }, { slug: "asc" }],
    select: { id: true, slug: true, title: true, versions: { orderBy: { number: "desc" }, take: 1, select: { paragraphs: { select: { anchorId: true, number: true, text: true, position: true } } } } },
  });
  for (const draft of drafts) {
    const latest = new Map((draft.versions[0]?.paragraphs ?? []).map((p) => [p.anchorId, p]));
    const rows = await client.$queryRaw<{ anchor: string | null; group: StakeholderGroup; n: number }[]>`
      SELECT COALESCE(c."anchorId", p."anchorId") AS "anchor", c."stakeholderGroup"::text AS "group", COUNT(*)::int AS "n"
      FROM "Comment" c LEFT JOIN "Paragraph" p ON p."id" = c."paragraphId"
      WHERE c."draftId" = ${draft.id} AND c."status" = 'PUBLISHED' GROUP BY 1, 2`;
    const anchors = new Map<string | null, Map<StakeholderGroup, number>>();
    for (const row of rows) {
      let m = anchors.get(row.anchor);
      if (!m) anchors.set(row.anchor, (m = new Map()));
      m.set(row.group, row.n);
    }
    const orderedAnchors = [...anchors.keys()].sort((a, b) => {
      // Paragraphs in document order, removed paragraphs after them, comments on the whole draft last.
      const pa = a === null ? Infinity : latest.get(a)?.position ?? Number.MAX_SAFE_INTEGER;
      const pb = b === null ? Infinity : latest.get(b)?.position ?? Number.MAX_SAFE_INTEGER;
      return pa - pb || byCodePoint(a ?? "", b ?? "");
    });
    for (const anchor of orderedAnchors) {
      const groupCounts = anchors.get(anchor) ?? new Map<StakeholderGroup, number>();
      const groups = INPUT_GROUPS.filter((g) => groupCounts.has(g))
        .map((g) => ({ group: g, count: groupCounts.get(g) ?? 0 }))
        .sort((a, b) => b.count - a.count || INPUT_GROUPS.indexOf(a.group) - INPUT_GROUPS.indexOf(b.group));
      const total = groups.reduce((s, g) => s + g.count, 0);
      let paragraph = anchor ? latest.get(anchor) : undefined;
      if (anchor && !paragraph) {
        paragraph = (await client.paragraph.findFirst({ where: { anchorId: anchor, version: { draftId: draft.id } }, orderBy: { version: { number: "desc" } }, select: { anchorId: true, number: true, text: true, position: true } })) ?? undefined;
      }
      const comments = await client.comment.findMany({
        where: {
          draftId: draft.id,
          status: "PUBLISHED",
          ...(anchor === null ? { anchorId: null, paragraphId: null } : { OR: [{ anchorId: anchor }, { anchorId: null, paragraph: { anchorId: anchor } }] }),
        },
        orderBy: { id: "asc" },
        take: options.maxCommentsPerParagraph,
        select: { id: true, body: true, authorId: true, authorName: true, stakeholderGroup: true, campaignId: true, overBalance: true },
      });
      const unitOf = (c: (typeof comments)[number]) => c.authorId ?? `name:${c.authorName}`;
      comments.sort((a, b) => byCodePoint(unitOf(a), unitOf(b)) || byCodePoint(a.id, b.id));
      const df = new DocumentFrequency();
      const bodies = comments.map((c) => ({ c, sentences: plainBlocks(c.body).flatMap(splitSentences) }));
      for (const { sentences } of bodies) for (const s of sentences) df.add(s);
      const finder = new PointFinder(df, options.points);
      const path = draftParagraphPath(slug, draft.slug, anchor);
      for (const { c, sentences } of bodies) {
        const source: SourceRef = { id: c.id, reference: draft.title, title: draft.title };
        for (const sentence of sentences) finder.add({ sentence, unit: unitOf(c), campaignId: c.campaignId, group: c.stakeholderGroup, overBalance: c.overBalance, source });
      }
      const points = finder.points().slice(0, options.maxCommentPoints).map((p) => ({
        quote: p.quote,
        truncated: p.truncated,
        support: p.support,
        source: { ...p.quoteSource, path, sentence: p.sources[0]?.sentence ?? p.quote },
      }));
      const excerpt = paragraph ? shortQuote(paragraph.text.replace(/\s+/g, " ").trim(), 12) : null;
      const where = anchor === null
        ? `The draft "${draft.title}" as a whole`
        : paragraph?.number
          ? `Paragraph ${paragraph.number} of "${draft.title}"${excerpt ? ` ("${excerpt.text}${excerpt.truncated ? "…" : ""}")` : ""}`
          : `A paragraph of "${draft.title}" no longer in the latest version${excerpt ? ` ("${excerpt.text}${excerpt.truncated ? "…" : ""}")` : ""}`;
      const groupText = joinList(groups.map((g) => `${g.count.toLocaleString("en")} ${GROUP_ADJECTIVE[g.group]}`));
      const pointsText = points.length
        ? ` The main points: ${points.map((p) => `"${p.quote}"${p.truncated ? " […]" : ""} (${p.support === 1 ? "one commenter" : `${countWord(p.support)} commenters`})`).join("; ")}.`
        : "";
      paragraphs.push({
        number: next(),
        text: `${where} received ${plural(total, "comment", "comments")} (${groupText}).${pointsText}`,
        draftTitle: draft.title,
        anchorId: anchor,
        draftNumber: paragraph?.number ?? null,
        excerpt: excerpt?.text ?? "",
        total,
        groups,
        points,
      });
    }
  }
  return { letter, title: "Comments on the draft programme", intro, paragraphs };
}
