// Generates the synthesis of a consultation from its published inputs (the job synthesis.build runs this).
//
// Inputs are streamed twice in keyset-paginated batches (lib/synthesis/inputs.ts): the first pass counts term
// frequencies and what each theme talks about, and collects Annex I and the acronyms; the second splits each input
// into statements (lib/synthesis/statements.ts) and groups them into points (lib/synthesis/clusters.ts), writing every
// statement as a citation row as it is placed, so members never pile up in memory. Counts per point then come from
// SQL over the citations, and each point keeps the stable key of the point it continues from the previous build
// (most shared statements), so the secretariat's edits survive regeneration. Same rows, same document.
//
// Written contributions and the substantive sentences of the round's session transcripts are grouped together, so a
// point says who made it in writing and who said it ("Several speakers from civil society, and two written
// contributions,"); published remote messages are grouped on their own, in a last section of their own.
import "server-only";
import { createHash, randomUUID } from "node:crypto";
import type { Tx } from "../db/client";
import type { StakeholderGroup, UnRegion } from "../db/generated/enums";
import { INPUT_GROUPS } from "../stakeholders/groups";
import { INPUT_REGIONS } from "../geo/countries";
import { DEFAULT_CLUSTER_OPTIONS, DocumentFrequency, PointClusterer, ThemeProfiles, type ClusterOptions } from "./clusters";
import { statementsOf, statementText, type Quote } from "./statements";
import { findAcronyms, findDefinitions, shortQuote } from "./text";
import { annexEntries, messageSource, type AnnexEntry, submissionSource, turnReference, turnSource, messageReference, type InputKind, type SynthesisInput } from "./inputs";
import { DEFAULT_QUANTIFIERS, kindAttribution, leadingVoice, paperPhrases, sortGroups, type KindGroups, type PaperPhrases, type Quantifiers } from "./phrases";
import { contributionPath, draftParagraphPath, remoteMessagePath, sessionTurnPath } from "./paths";
import type { CommentParagraph, SynthesisPointModel, SynthesisQuote, SynthesisSource } from "./model";
import { DocumentFrequency as CommentFrequency, PointFinder } from "./comment-points";

export interface BuildOptions {
  batchSize: number;
  maxCommentPoints: number;
  /** comments read per draft paragraph to find its main points (all are counted) */
  maxCommentsPerParagraph: number;
  maxAcronyms: number;
  /** statements listed under a point in the document (the citations table has them all) */
  maxSources: number;
  /** supporting quotes kept behind the main quote */
  maxSupporting: number;
  cluster: ClusterOptions;
}

export const DEFAULT_BUILD_OPTIONS: BuildOptions = {
  batchSize: 1000,
  maxCommentPoints: 3,
  maxCommentsPerParagraph: 2000,
  maxAcronyms: 2000,
  maxSources: 50,
  maxSupporting: 3,
  cluster: DEFAULT_CLUSTER_OPTIONS,
};

export type Naming = "NONE" | "INTERGOVERNMENTAL" | "ALL";

export interface SynthesisSettingsValues {
  language: string;
  bodyPoints: number;
  naming: Naming;
  quantifiers: Quantifiers;
}

export const DEFAULT_SETTINGS: SynthesisSettingsValues = { language: "en", bodyPoints: 12, naming: "INTERGOVERNMENTAL", quantifiers: DEFAULT_QUANTIFIERS };

/** A point as generated, before the secretariat's edits; the section it belongs to and its balance order. */
export interface GeneratedPoint extends SynthesisPointModel {
  /** theme id, "" for general comments */
  section: string;
  /** the stakeholder group it was taken for when ordering its section for balance */
  owner: StakeholderGroup;
  /** units behind the listed sources, for recounting merged and split points (hashed contributor keys); kind is
   *  absent in documents built before transcripts and messages joined (they were all submissions) */
  sourceUnits: { statementKey: string; unit: string; group: StakeholderGroup; reference: string; organisation: string | null; kind?: InputKind }[];
  /** units behind the point by kind of input and group (absent in older documents: submissions only) */
  kinds?: KindGroups;
}

/** The section of the paper that summarises the remote messages ("Messages from remote participants"). */
export const REMOTE_SECTION = "remote-messages";

export interface MeetingCounts {
  sessions: number;
  turns: number;
  speakers: number;
  proceduralTurns: number;
  remoteMessages: number;
  remoteAuthors: number;
}

/** What a build produces: everything the document needs except what edits decide (numbers, placement, texts). */
export interface GeneratedDocument {
  version: 3;
  generation: number;
  consultation: { id: string; slug: string; title: string };
  settings: SynthesisSettingsValues;
  period: { from: string; to: string } | null;
  asOf: string | null;
  counts: { submissions: number; contributors: number; comments: number; commenters: number; overBalance: number; campaignSubmissions: number; campaigns: number } & Partial<MeetingCounts>;
  byGroup: { key: StakeholderGroup; label: string; submissions: number; contributors: number }[];
  byRegion: { key: UnRegion; label: string; submissions: number; contributors: number }[];
  sections: { key: string; slug: string | null; title: string; submissions: number }[];
  points: GeneratedPoint[];
  comments: { paragraphs: Omit<CommentParagraph, "number" | "text">[] } | null;
  /** Annex I's size: its entries are SynthesisAnnexEntry rows of this generation (lib/synthesis/annex.ts), not here */
  annexEntries: number;
  glossary: { terms: { acronym: string; expansion: string; occurrences: number }[]; unknown: { acronym: string; occurrences: number }[] };
  /** submissions whose text makes no statement (nothing to quote): the coverage check lists them */
  silent: { id: string; reference: string; title: string }[];
}

export class ConsultationNotFoundError extends Error {}

export type ProgressReporter = (phase: string, done: number, total: number) => Promise<void>;

function byCodePoint(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

const sha = (text: string) => createHash("sha256").update(text).digest("hex");

export async function readSynthesisSettings(client: Tx, consultationId: string): Promise<SynthesisSettingsValues> {
  const row = await client.synthesisSettings.findUnique({ where: { consultationId } });
  if (!row) return DEFAULT_SETTINGS;
  return {
    language: row.language,
    bodyPoints: row.bodyPoints,
    naming: row.naming,
    quantifiers: { severalFrom: row.severalFrom, severalShare: row.severalShare, manyShare: row.manyShare, manyFrom: row.manyFrom },
  };
}

function toQuote(quote: Quote, source: SynthesisSource): SynthesisQuote {
  return { parts: quote.parts, items: quote.items, cutStart: quote.cutStart, cutEnd: quote.cutEnd, language: quote.language, source };
}

interface CitationRow {
  consultationId: string;
  generation: number;
  pointKey: string;
  inputKind: string;
  inputId: string;
  submissionId: string | null;
  statementKey: string;
  text: string;
  unit: string;
  stakeholderGroup: StakeholderGroup;
  overBalance: boolean;
  campaignId: string | null;
}

/**
 * Writes a batch of citations with one INSERT over arrays (one parameter per column). Not createMany: at 100,000
 * contributions the ORM kept memory for every batch it had written (about 5 KB per statement), so the build's peak
 * grew with the round's size; the same SQL text for every batch keeps it flat.
 */
async function insertCitations(client: Tx, rows: CitationRow[]): Promise<void> {
  const column = <K extends keyof CitationRow>(key: K) => rows.map((r) => r[key]);
  await client.$executeRaw`
    INSERT INTO "SynthesisCitation" ("id", "consultationId", "generation", "pointKey", "inputKind", "inputId", "submissionId", "statementKey", "text", "unit", "stakeholderGroup", "overBalance", "campaignId")
    SELECT x."id", x."consultationId", x."generation", x."pointKey", x."inputKind", x."inputId", x."submissionId", x."statementKey", x."text", x."unit", x."group"::"StakeholderGroup", x."overBalance", x."campaignId"
    FROM unnest(${rows.map(() => randomUUID())}::text[], ${column("consultationId")}::text[], ${column("generation")}::int[], ${column("pointKey")}::text[], ${column("inputKind")}::text[],
                ${column("inputId")}::text[], ${column("submissionId")}::text[], ${column("statementKey")}::text[], ${column("text")}::text[], ${column("unit")}::text[],
                ${column("stakeholderGroup")}::text[], ${column("overBalance")}::boolean[], ${column("campaignId")}::text[])
      AS x("id", "consultationId", "generation", "pointKey", "inputKind", "inputId", "submissionId", "statementKey", "text", "unit", "group", "overBalance", "campaignId")`;
}

/** Writes a batch of Annex I entries of a build, unordered (orderAnnexEntries numbers them once all are written). */
async function insertAnnexEntries(client: Tx, consultationId: string, generation: number, entries: AnnexEntry[]): Promise<void> {
  if (entries.length === 0) return;
  const rank = new Map<string, number>(INPUT_GROUPS.map((g, i) => [g, i]));
  await client.$executeRaw`
    INSERT INTO "SynthesisAnnexEntry" ("consultationId", "generation", "submissionId", "stakeholderGroup", "groupRank", "contributor", "name", "nameKey", "reference", "title", "pointKeys")
    SELECT ${consultationId}, ${generation}::int, x."submissionId", x."group"::"StakeholderGroup", x."groupRank", x."contributor", x."name", x."nameKey", x."reference", x."title",
      string_to_array(x."pointKeys", E'\x1f')
    FROM unnest(${entries.map((e) => e.id)}::text[], ${entries.map((e) => e.group)}::text[], ${entries.map((e) => rank.get(e.group) ?? INPUT_GROUPS.length)}::int[],
                ${entries.map((e) => e.contributor)}::text[], ${entries.map((e) => e.name)}::text[], ${entries.map((e) => e.name.toLocaleLowerCase("en"))}::text[],
                ${entries.map((e) => e.reference)}::text[], ${entries.map((e) => e.title)}::text[], ${entries.map((e) => e.pointKeys.join("\u001f"))}::text[])
      AS x("submissionId", "group", "groupRank", "contributor", "name", "nameKey", "reference", "title", "pointKeys")`;
}

/**
 * Puts a build's Annex I entries in the paper's order: groups in INPUT_GROUPS order, contributors by name (lower
 * case) then key, each contributor's submissions by reference, text compared by code point (COLLATE "C"). A
 * contributor is listed once per group, under the name of its first submission (by id).
 */
async function orderAnnexEntries(client: Tx, consultationId: string, generation: number): Promise<void> {
  // The rows were all written by this build: without fresh statistics the planner takes the table for a few pages and
  // joins it by scanning it once per entry, which made the build quadratic in the round (310 s at 10,000 contributions).
  await client.$executeRaw`ANALYZE "SynthesisAnnexEntry"`;
  await client.$executeRaw`
    UPDATE "SynthesisAnnexEntry" a SET "position" = o."position", "name" = o."name", "nameKey" = o."nameKey"
    FROM (SELECT f."submissionId", f."name", f."nameKey",
            (row_number() OVER (ORDER BY f."groupRank", f."nameKey" COLLATE "C", f."contributor" COLLATE "C", f."reference" COLLATE "C", f."submissionId" COLLATE "C"))::int - 1 AS "position"
          FROM (SELECT e."submissionId", e."groupRank", e."contributor", e."reference", first_value(e."name") OVER w AS "name", first_value(e."nameKey") OVER w AS "nameKey"
                FROM "SynthesisAnnexEntry" e WHERE e."consultationId" = ${consultationId} AND e."generation" = ${generation}
                WINDOW w AS (PARTITION BY e."groupRank", e."contributor" ORDER BY e."submissionId" COLLATE "C")) f) o
    WHERE a."consultationId" = ${consultationId} AND a."generation" = ${generation} AND a."submissionId" = o."submissionId"`;
}

export async function generateSynthesis(client: Tx, consultationSlug: string, options: Partial<BuildOptions> & { onProgress?: ProgressReporter } = {}): Promise<GeneratedDocument> {
  const opts = { ...DEFAULT_BUILD_OPTIONS, ...options };
  const progress: ProgressReporter = options.onProgress ?? (async () => {});
  const consultation = await client.consultation.findUnique({
    where: { slug: consultationSlug },
    select: { id: true, slug: true, title: true, themes: { orderBy: [{ position: "asc" }, { title: "asc" }, { slug: "asc" }], select: { id: true, slug: true, title: true } } },
  });
  if (!consultation) throw new ConsultationNotFoundError(consultationSlug);
  const cid = consultation.id;
  const settings = await readSynthesisSettings(client, cid);
  const phrases = paperPhrases(settings.language);
  const build = await client.synthesisBuild.findUnique({ where: { consultationId: cid }, select: { generation: true } });
  const previous = build?.generation ?? 0;
  const generation = previous + 1;

  // ---- Counts (SQL aggregates) ----
  const [totals] = await client.$queryRaw<{ submissions: number; contributors: number; overBalance: number; campaignSubmissions: number; asOf: Date | null; from: Date | null; to: Date | null }[]>`
    SELECT COUNT(*)::int AS "submissions", COUNT(DISTINCT "contributorKey")::int AS "contributors",
           COUNT(*) FILTER (WHERE "overBalance")::int AS "overBalance", COUNT(*) FILTER (WHERE "campaignId" IS NOT NULL)::int AS "campaignSubmissions",
           MAX("publishedAt") AS "asOf",
           MIN(COALESCE("receivedAt", "submittedAt", "createdAt")) AS "from", MAX(COALESCE("receivedAt", "submittedAt", "createdAt")) AS "to"
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
  const [commentTotals] = await client.$queryRaw<{ comments: number; commenters: number; asOf: Date | null; from: Date | null; to: Date | null }[]>`
    SELECT COUNT(*)::int AS "comments", COUNT(DISTINCT COALESCE("authorId", 'name:' || "authorName"))::int AS "commenters", MAX("publishedAt") AS "asOf",
           MIN("createdAt") AS "from", MAX("createdAt") AS "to"
    FROM "Comment" WHERE "consultationId" = ${cid} AND "status" = 'PUBLISHED' AND "draftId" IS NOT NULL`;
  // Turns that say something (procedural ones stay in the transcript only) and published remote messages.
  const [meetingTotals] = await client.$queryRaw<MeetingCounts[]>`
    SELECT (SELECT COUNT(DISTINCT "sessionId")::int FROM "SessionTurn" WHERE "consultationId" = ${cid}) AS "sessions",
           (SELECT COUNT(*)::int FROM "SessionTurn" WHERE "consultationId" = ${cid} AND NOT "procedural") AS "turns",
           (SELECT COUNT(*)::int FROM "SessionTurn" WHERE "consultationId" = ${cid} AND "procedural") AS "proceduralTurns",
           (SELECT COUNT(DISTINCT COALESCE('speaker:' || "speakerId", 'turn:' || "id"))::int FROM "SessionTurn" WHERE "consultationId" = ${cid} AND NOT "procedural") AS "speakers",
           (SELECT COUNT(*)::int FROM "RemoteMessage" WHERE "consultationId" = ${cid} AND "status" = 'PUBLISHED') AS "remoteMessages",
           (SELECT COUNT(DISTINCT COALESCE('speaker:' || "speakerId", 'handle:' || lower("handle")))::int FROM "RemoteMessage" WHERE "consultationId" = ${cid} AND "status" = 'PUBLISHED') AS "remoteAuthors"`;
  const meetings: MeetingCounts = meetingTotals ?? { sessions: 0, turns: 0, speakers: 0, proceduralTurns: 0, remoteMessages: 0, remoteAuthors: 0 };
  const campaigns = new Map(campaignRows.map((c) => [c.id, c]));
  const submissionsTotal = totals?.submissions ?? 0;
  const total = submissionsTotal + meetings.turns + meetings.remoteMessages;
  const contributors = totals?.contributors ?? 0;

  const sources = [submissionSource(phrases.t("anonymous")), turnSource(phrases.t("unidentifiedSpeaker")), messageSource()];
  const streamAll = async function* (): AsyncGenerator<SynthesisInput[]> {
    for (const source of sources) yield* source.stream(client, cid, opts.batchSize);
  };
  const themeOrder = consultation.themes.map((t) => t.id);

  // ---- Pass 1: frequencies, theme profiles, Annex I, acronyms ----
  const df = new DocumentFrequency();
  const statementsOfInput = (input: SynthesisInput) => statementsOf(input.text, input.language);
  const acronyms = new Map<string, number>();
  const definitions = new Map<string, string>();
  const countAcronyms = (text: string) => {
    for (const acronym of findAcronyms(text)) if (acronyms.has(acronym) || acronyms.size < opts.maxAcronyms) acronyms.set(acronym, (acronyms.get(acronym) ?? 0) + 1);
    for (const d of findDefinitions(text)) if (!definitions.has(d.acronym)) definitions.set(d.acronym, d.expansion);
  };
  const silent: GeneratedDocument["silent"] = [];
  let read = 0;
  await progress("reading", 0, total * 2);
  // Statements are not kept between passes: segmenting again on pass 2 keeps memory flat whatever the round's size.
  const profiles = new ThemeProfiles(df);
  for await (const batch of streamAll()) {
    for (const input of batch) {
      const statements = statementsOfInput(input);
      for (const s of statements) {
        df.add(s);
        // Themes are what written contributions were filed under; spoken and remote inputs are matched to them.
        if (input.kind === "submission") profiles.add(s, input.themes);
      }
      countAcronyms(input.text);
      if (input.kind !== "submission") continue;
      countAcronyms(input.title);
      if (input.attribution.organisation) countAcronyms(input.attribution.organisation);
      if (statements.length === 0) silent.push({ id: input.id, reference: input.reference, title: input.title });
    }
    read += batch.length;
    await progress("reading", read, total * 2);
  }

  // ---- Pass 2: statements into points, each written as a citation as it is placed ----
  const clusterer = new PointClusterer(df, opts.cluster);
  // Remote messages make the points of their own section: a 3,000-post stream must not drown the written record.
  const remoteClusterer = new PointClusterer(df, opts.cluster);
  /** kinds of the (few) inputs that are not submissions, to describe their quotes */
  const kindOf = new Map<string, InputKind>();
  let buffer: CitationRow[] = [];
  const flush = async () => {
    if (buffer.length === 0) return;
    await insertCitations(client, buffer);
    buffer = [];
  };
  await client.synthesisCitation.deleteMany({ where: { consultationId: cid, generation } });
  for await (const batch of streamAll()) {
    for (const input of batch) {
      if (input.kind !== "submission") kindOf.set(input.id, input.kind);
      for (const statement of statementsOfInput(input)) {
        const remote = input.kind === "message";
        const theme = remote ? REMOTE_SECTION : input.kind === "turn" ? profiles.matching(statement, themeOrder) : profiles.best(statement, input.themes);
        const text = statementText(statement);
        const statementKey = `${input.id}:${sha(text).slice(0, 16)}`;
        const id = (remote ? remoteClusterer : clusterer).add(statement, { inputId: input.id, themes: [theme], unit: input.attribution.unit });
        buffer.push({
          consultationId: cid, generation, pointKey: `${remote ? "r" : "c"}:${id}`, inputKind: input.kind, inputId: input.id, submissionId: input.kind === "submission" ? input.id : null, statementKey, text,
          unit: input.attribution.unit, stakeholderGroup: input.attribution.group, overBalance: input.attribution.overBalance, campaignId: input.attribution.campaignId,
        });
        if (buffer.length >= 500) await flush();
      }
    }
    read += batch.length;
    await progress("grouping", read, total * 2);
  }
  await flush();
  const found = [
    ...clusterer.finish(themeOrder).map((p) => ({ ...p, prefix: "c" })),
    ...remoteClusterer.finish([REMOTE_SECTION]).map((p) => ({ ...p, prefix: "r" })),
  ];
  const freshKey = (p: { prefix: string; id: number }) => `${p.prefix}:${p.id}`;
  for (const point of found) {
    if (point.merged.length === 0) continue;
    await client.synthesisCitation.updateMany({ where: { consultationId: cid, generation, pointKey: { in: point.merged.map((m) => `${point.prefix}:${m}`) } }, data: { pointKey: freshKey(point) } });
  }
  await progress("counting", total * 2, total * 2);

  // ---- Stable keys: each point continues the previous build's point with which it shares most statements ----
  const overlaps = previous > 0
    ? await client.$queryRaw<{ fresh: string; old: string; shared: number }[]>`
        SELECT n."pointKey" AS "fresh", o."pointKey" AS "old", COUNT(*)::int AS "shared"
        FROM "SynthesisCitation" n JOIN "SynthesisCitation" o
          ON o."consultationId" = n."consultationId" AND o."statementKey" = n."statementKey" AND o."generation" = ${previous}
        WHERE n."consultationId" = ${cid} AND n."generation" = ${generation}
        GROUP BY 1, 2 ORDER BY 3 DESC, 1, 2`
    : [];
  const keyOf = new Map<string, string>();
  const taken = new Set<string>();
  for (const o of overlaps) {
    if (keyOf.has(o.fresh) || taken.has(o.old)) continue;
    keyOf.set(o.fresh, o.old);
    taken.add(o.old);
  }
  const oldKeys = new Set(previous > 0 ? (await client.$queryRaw<{ k: string }[]>`
    SELECT DISTINCT "pointKey" AS "k" FROM "SynthesisCitation" WHERE "consultationId" = ${cid} AND "generation" = ${previous}`).map((r) => r.k) : []);
  const firstStatement = new Map((await client.$queryRaw<{ pointKey: string; statementKey: string }[]>`
    SELECT "pointKey", MIN("statementKey") AS "statementKey" FROM "SynthesisCitation"
    WHERE "consultationId" = ${cid} AND "generation" = ${generation} GROUP BY 1`).map((r) => [r.pointKey, r.statementKey]));
  const isNew = new Set<string>();
  for (const point of found) {
    const fresh = freshKey(point);
    if (keyOf.has(fresh)) continue;
    let key = `p${sha(firstStatement.get(fresh) ?? fresh).slice(0, 12)}`;
    while (taken.has(key) || oldKeys.has(key)) key = `p${sha(key).slice(0, 12)}`;
    keyOf.set(fresh, key);
    taken.add(key);
    if (previous > 0) isNew.add(key);
  }
  for (const point of found) {
    const fresh = freshKey(point);
    await client.synthesisCitation.updateMany({ where: { consultationId: cid, generation, pointKey: fresh }, data: { pointKey: keyOf.get(fresh) ?? fresh } });
  }
  await client.synthesisCitation.deleteMany({ where: { consultationId: cid, generation: { not: generation } } });

  // ---- Counts per point, from the citations ----
  const allowNaming = (group: StakeholderGroup) => settings.naming === "ALL" || (settings.naming === "INTERGOVERNMENTAL" && group === "INTERGOVERNMENTAL_ORGANISATION");
  const perGroup = await client.$queryRaw<{ pointKey: string; kind: InputKind; group: StakeholderGroup; units: number; overBalance: number }[]>`
    SELECT "pointKey", "inputKind" AS "kind", "stakeholderGroup"::text AS "group", COUNT(DISTINCT "unit")::int AS "units", COUNT(DISTINCT "unit") FILTER (WHERE "overBalance")::int AS "overBalance"
    FROM "SynthesisCitation" WHERE "consultationId" = ${cid} AND "generation" = ${generation} GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`;
  const perPoint = await client.$queryRaw<{ pointKey: string; statements: number; hash: string; campaigns: string[] | null }[]>`
    SELECT "pointKey", COUNT(*)::int AS "statements", md5(string_agg("statementKey", ',' ORDER BY "statementKey")) AS "hash",
           array_agg(DISTINCT "campaignId") FILTER (WHERE "campaignId" IS NOT NULL) AS "campaigns"
    FROM "SynthesisCitation" WHERE "consultationId" = ${cid} AND "generation" = ${generation} GROUP BY 1`;
  const listedRows = await client.$queryRaw<(DescribedRow & { pointKey: string; statementKey: string; text: string; unit: string; group: StakeholderGroup; organisation: string | null })[]>`
    SELECT x."pointKey", x."statementKey", x."text", x."unit", x."stakeholderGroup"::text AS "group", x."inputKind" AS "kind", x."inputId" AS "id",
           s."reference", s."title", CASE WHEN s."visibility" = 'PUBLIC_NAMED' AND s."onBehalfOf" = 'ORGANISATION' THEN s."organisationName" END AS "organisation",
           ms."slug" AS "sessionSlug", ms."title" AS "sessionTitle", t."number" AS "turnNumber", COALESCE(sp."name", NULLIF(t."speakerLabel", '')) AS "speaker", m."handle"
    FROM (SELECT c.*, row_number() OVER (PARTITION BY c."pointKey" ORDER BY c."unit", c."statementKey") AS rn
          FROM "SynthesisCitation" c WHERE c."consultationId" = ${cid} AND c."generation" = ${generation}) x
    LEFT JOIN "Submission" s ON s."id" = x."submissionId"
    LEFT JOIN "SessionTurn" t ON x."inputKind" = 'turn' AND t."id" = x."inputId"
    LEFT JOIN "MeetingSession" ms ON ms."id" = t."sessionId"
    LEFT JOIN "Speaker" sp ON sp."id" = t."speakerId"
    LEFT JOIN "RemoteMessage" m ON x."inputKind" = 'message' AND m."id" = x."inputId"
    WHERE x.rn <= ${opts.maxSources} ORDER BY x."pointKey", x.rn`;
  const describe = describer(consultation.slug, phrases.t("unidentifiedSpeaker"));
  const listed = listedRows.map((r) => ({ ...r, ...describe(r) }));
  const namedRows = await client.$queryRaw<{ pointKey: string; organisation: string; group: StakeholderGroup }[]>`
    SELECT DISTINCT c."pointKey", s."organisationName" AS "organisation", s."stakeholderGroup"::text AS "group"
    FROM "SynthesisCitation" c JOIN "Submission" s ON s."id" = c."submissionId"
    WHERE c."consultationId" = ${cid} AND c."generation" = ${generation} AND s."visibility" = 'PUBLIC_NAMED' AND s."onBehalfOf" = 'ORGANISATION'
      AND s."organisationName" IS NOT NULL AND c."campaignId" IS NULL
    ORDER BY 1, 2`;
  const groupsOf = new Map<string, { group: StakeholderGroup; count: number }[]>();
  const kindsOf = new Map<string, KindGroups>();
  const overOf = new Map<string, number>();
  for (const r of perGroup) {
    const groups = groupsOf.get(r.pointKey) ?? [];
    const same = groups.find((g) => g.group === r.group);
    if (same) same.count += r.units;
    else groups.push({ group: r.group, count: r.units });
    groupsOf.set(r.pointKey, groups);
    const kinds = kindsOf.get(r.pointKey) ?? {};
    kinds[r.kind] = [...(kinds[r.kind] ?? []), { group: r.group, count: r.units }];
    kindsOf.set(r.pointKey, kinds);
    overOf.set(r.pointKey, (overOf.get(r.pointKey) ?? 0) + r.overBalance);
  }
  const pointInfo = new Map(perPoint.map((r) => [r.pointKey, r]));
  const sourcesOf = new Map<string, typeof listed>();
  for (const r of listed) sourcesOf.set(r.pointKey, [...(sourcesOf.get(r.pointKey) ?? []), r]);
  const namedOf = new Map<string, { organisation: string; group: StakeholderGroup }[]>();
  for (const r of namedRows) namedOf.set(r.pointKey, [...(namedOf.get(r.pointKey) ?? []), r]);
  const inputOf = new Map<string, Described>();
  for (const r of listed) inputOf.set(r.id, r);
  const missing = [...new Set(found.flatMap((p) => p.quotes.map((q) => q.inputId)))].filter((id) => !inputOf.has(id));
  if (missing.length) {
    const submissionIds = missing.filter((id) => !kindOf.has(id));
    const turnIds = missing.filter((id) => kindOf.get(id) === "turn");
    const messageIds = missing.filter((id) => kindOf.get(id) === "message");
    for (const s of await client.submission.findMany({ where: { id: { in: submissionIds } }, select: { id: true, reference: true, title: true } })) {
      inputOf.set(s.id, { reference: s.reference, title: s.title, path: contributionPath(consultation.slug, s.reference) });
    }
    for (const t of await client.sessionTurn.findMany({ where: { id: { in: turnIds } }, select: { id: true, number: true, speakerLabel: true, speaker: { select: { name: true } }, session: { select: { slug: true, title: true } } } })) {
      inputOf.set(t.id, describe({ kind: "turn", id: t.id, reference: null, title: null, sessionSlug: t.session.slug, sessionTitle: t.session.title, turnNumber: t.number, speaker: t.speaker?.name ?? (t.speakerLabel || null), handle: null }));
    }
    for (const m of await client.remoteMessage.findMany({ where: { id: { in: messageIds } }, select: { id: true, handle: true } })) {
      inputOf.set(m.id, describe({ kind: "message", id: m.id, reference: null, title: null, sessionSlug: null, sessionTitle: null, turnNumber: null, speaker: null, handle: m.handle }));
    }
  }

  const slug = consultation.slug;
  const sourceFor = (inputId: string, sentence: string): SynthesisSource => {
    const input = inputOf.get(inputId) ?? { reference: "", title: "", path: contributionPath(slug, "") };
    return { id: inputId, reference: input.reference, title: input.title, path: input.path, sentence, statementKey: "" };
  };
  const bases = { submission: contributors, turn: meetings.speakers, message: meetings.remoteAuthors };
  const points: GeneratedPoint[] = found.map((p) => {
    const key = keyOf.get(freshKey(p)) ?? freshKey(p);
    const groups = sortGroups(groupsOf.get(key) ?? []);
    const support = groups.reduce((n, g) => n + g.count, 0);
    const info = pointInfo.get(key);
    const nameable = (namedOf.get(key) ?? []).filter((n) => allowNaming(n.group)).map((n) => ({ group: n.group, name: n.organisation }));
    const quotes = p.quotes.map((q) => toQuote(q.quote, sourceFor(q.inputId, statementText(q.statement))));
    const [quote, ...supporting] = quotes;
    if (!quote) throw new Error("synthesis: a point without a quote");
    const pointCampaigns = (info?.campaigns ?? []).sort().flatMap((id) => {
      const c = campaigns.get(id);
      return c ? [{ label: c.label, submissions: c.submissions }] : [];
    });
    const kinds = kindsOf.get(key) ?? { submission: groups };
    const who = kindAttribution(phrases, kinds, bases, settings.quantifiers, nameable);
    const point: GeneratedPoint = {
      key,
      number: null,
      text: "",
      edited: false,
      attribution: who,
      quote,
      supporting: supporting.slice(0, opts.maxSupporting),
      support,
      groups,
      named: [...new Set(nameable.map((n) => n.name))].sort(),
      overBalance: overOf.get(key) ?? 0,
      campaigns: pointCampaigns,
      sources: (sourcesOf.get(key) ?? []).map((s) => ({ id: s.id, reference: s.reference, title: s.title, path: s.path, sentence: s.text, statementKey: s.statementKey })),
      statements: info?.statements ?? 0,
      membersHash: info?.hash ?? "",
      flags: { isNew: isNew.has(key), sourcesChanged: false },
      setAsideReason: null,
      section: p.theme,
      owner: groups[0]?.group ?? "CIVIL_SOCIETY",
      sourceUnits: (sourcesOf.get(key) ?? []).map((s) => ({ statementKey: s.statementKey, unit: sha(s.unit).slice(0, 16), group: s.group, reference: s.reference, organisation: s.organisation, kind: s.kind })),
      kinds,
      voice: leadingVoice(kinds),
    };
    point.text = pointText(phrases, point);
    return point;
  });
  const ordered = orderSections(points, themeOrder);
  // ---- Annex I: every published submission under its group and contributor, with the points citing it. Written as
  // rows in batches and put in order by Postgres, so the build never holds the annex (ADR 0046). ----
  let annexEntryCount = 0;
  await client.synthesisAnnexEntry.deleteMany({ where: { consultationId: cid, generation: { gte: generation } } });
  // The annex reads the points citing each submission from the citations this build just wrote: with statistics from
  // before them, the planner may read every citation of the generation for each row instead of using the index.
  await client.$executeRaw`ANALYZE "SynthesisCitation"`;
  for await (const batch of annexEntries(client, cid, generation, phrases.t("anonymous"), opts.batchSize)) {
    await insertAnnexEntries(client, cid, generation, batch);
    annexEntryCount += batch.length;
  }
  await orderAnnexEntries(client, cid, generation);

  // ---- Comments on the draft programme ----
  const comments = (commentTotals?.comments ?? 0) > 0 ? await commentSection(client, cid, slug, phrases, opts) : null;
  if (comments) for (const p of comments.paragraphs) for (const q of p.points) countAcronyms(q.quote);

  // ---- Glossary: the secretariat's terms, then expansions the inputs give themselves ("Council of Europe (CoE)") ----
  const glossary = await client.glossaryTerm.findMany({ select: { acronym: true, expansion: true } });
  const exact = new Map(glossary.map((g) => [g.acronym, g]));
  const folded = new Map(glossary.map((g) => [g.acronym.toLocaleLowerCase("en"), g]));
  const terms = new Map<string, { acronym: string; expansion: string; occurrences: number }>();
  const unknown: { acronym: string; occurrences: number }[] = [];
  for (const [acronym, occurrences] of acronyms) {
    const term = exact.get(acronym) ?? folded.get(acronym.toLocaleLowerCase("en"));
    const defined = definitions.get(acronym);
    if (term || defined) {
      const name = term?.acronym ?? acronym;
      const seen = terms.get(name);
      terms.set(name, { acronym: name, expansion: term?.expansion ?? defined ?? "", occurrences: (seen?.occurrences ?? 0) + occurrences });
    } else unknown.push({ acronym, occurrences });
  }

  const dates = [totals?.from, totals?.to, commentTotals?.from, commentTotals?.to].filter((d): d is Date => d instanceof Date).map((d) => d.toISOString()).sort();
  const asOf = [totals?.asOf, commentTotals?.asOf].filter((d): d is Date => d instanceof Date).map((d) => d.toISOString()).sort().at(-1) ?? null;
  return {
    version: 3,
    generation,
    consultation: { id: cid, slug, title: consultation.title },
    settings,
    period: dates.length ? { from: dates[0] ?? "", to: dates.at(-1) ?? "" } : null,
    asOf,
    counts: {
      submissions: submissionsTotal,
      contributors,
      comments: commentTotals?.comments ?? 0,
      commenters: commentTotals?.commenters ?? 0,
      overBalance: totals?.overBalance ?? 0,
      campaignSubmissions: totals?.campaignSubmissions ?? 0,
      campaigns: campaignRows.length,
      ...meetings,
    },
    byGroup: INPUT_GROUPS.flatMap((g) => {
      const row = groupRows.find((r) => r.key === g);
      return row ? [{ key: g, label: phrases.t(`group.label.${g}`), submissions: row.submissions, contributors: row.contributors }] : [];
    }),
    byRegion: INPUT_REGIONS.flatMap((r) => {
      const row = regionRows.find((x) => x.key === r);
      return row ? [{ key: r, label: phrases.t(`region.${r}`), submissions: row.submissions, contributors: row.contributors }] : [];
    }),
    sections: [
      ...((unthemed?.n ?? 0) > 0 || ordered.some((p) => p.section === "") ? [{ key: "", slug: null, title: phrases.t("headings.generalComments"), submissions: unthemed?.n ?? 0 }] : []),
      ...consultation.themes.map((t) => ({ key: t.id, slug: t.slug as string | null, title: t.title, submissions: themeCounts.find((c) => c.themeId === t.id)?.submissions ?? 0 })),
      ...(ordered.some((p) => p.section === REMOTE_SECTION) ? [{ key: REMOTE_SECTION, slug: null, title: phrases.t("headings.remoteMessages"), submissions: 0 }] : []),
    ],
    points: ordered,
    comments,
    annexEntries: annexEntryCount,
    glossary: {
      terms: [...terms.values()].sort((a, b) => byCodePoint(a.acronym.toLocaleUpperCase("en"), b.acronym.toLocaleUpperCase("en")) || byCodePoint(a.acronym, b.acronym)),
      unknown: unknown.sort((a, b) => b.occurrences - a.occurrences || byCodePoint(a.acronym, b.acronym)),
    },
    silent,
  };
}

/** The quote as the paper prints it in plain text: marks, elisions, list items after the lead-in, language. */
export function quoteText(phrases: PaperPhrases, quote: SynthesisQuote): string {
  const elision = phrases.t("elision");
  const body = [quote.cutStart ? `${elision} ` : "", quote.parts.join(" "), quote.items.length ? ` ${quote.items.join(" ")}` : "", quote.cutEnd ? ` ${elision}` : ""].join("");
  const marked = `${phrases.t("quoteOpen")}${body}${phrases.t("quoteClose")}`;
  return languageDiffers(phrases.locale, quote.language) ? `${marked} ${phrases.t("inLanguage", { language: phrases.languageName(quote.language) })}` : marked;
}

export function languageDiffers(paper: string, quote: string): boolean {
  const base = (quote || "und").toLowerCase().split("-")[0] ?? "und";
  return base !== "und" && base !== paper;
}

/** Generated text of a point paragraph (plain): attribution, the quote, and the campaign and balance notes. */
export function pointText(phrases: PaperPhrases, point: Pick<SynthesisPointModel, "attribution" | "support" | "quote" | "campaigns" | "overBalance" | "voice">): string {
  const frame = point.voice === "speaker" ? "pointSpeakers" : point.voice === "remote" ? "pointRemote" : "point";
  let text = phrases.t(`${frame}.${point.support <= 1 ? "one" : "many"}`, { who: point.attribution, quote: quoteText(phrases, point.quote) });
  if (point.campaigns.length > 0) {
    text += ` ${phrases.t("campaign", { count: point.campaigns.length, sizes: phrases.list(point.campaigns.map((c) => phrases.t("campaignSize", { submissions: c.submissions }))) })}`;
  }
  if (point.overBalance > 0) text += ` ${phrases.t("overBalance", { count: point.overBalance })}`;
  return text;
}

/**
 * Orders points by section (general comments first, then the consultation's themes), and within a section so that
 * every stakeholder group that made a point is represented before any group's second point: in each round, each
 * group (strongest first) takes its strongest remaining point.
 */
export function orderSections(points: GeneratedPoint[], themeOrder: string[]): GeneratedPoint[] {
  const sectionRank = (s: string) => (s === "" ? -1 : s === REMOTE_SECTION ? themeOrder.length : themeOrder.indexOf(s));
  const bySection = new Map<string, GeneratedPoint[]>();
  for (const p of points) bySection.set(p.section, [...(bySection.get(p.section) ?? []), p]);
  const out: GeneratedPoint[] = [];
  for (const section of [...bySection.keys()].sort((a, b) => sectionRank(a) - sectionRank(b))) {
    const remaining = [...(bySection.get(section) ?? [])].sort((a, b) => b.support - a.support || b.statements - a.statements || byCodePoint(a.key, b.key));
    const containing = (group: StakeholderGroup) => remaining.find((p) => p.groups.some((g) => g.group === group));
    while (remaining.length > 0) {
      const groups = INPUT_GROUPS.map((group) => ({ group, best: containing(group) }))
        .filter((g): g is { group: StakeholderGroup; best: GeneratedPoint } => g.best !== undefined)
        .sort((a, b) =>
          b.best.support - a.best.support ||
          remaining.indexOf(a.best) - remaining.indexOf(b.best) ||
          Number(b.best.groups[0]?.group === b.group) - Number(a.best.groups[0]?.group === a.group) ||
          INPUT_GROUPS.indexOf(a.group) - INPUT_GROUPS.indexOf(b.group));
      if (groups.length === 0) {
        out.push(...remaining.splice(0));
        break;
      }
      const represented = new Set<StakeholderGroup>();
      for (const { group } of groups) {
        if (represented.has(group)) continue;
        const point = containing(group);
        if (!point) continue;
        remaining.splice(remaining.indexOf(point), 1);
        out.push({ ...point, owner: group });
        for (const g of point.groups) represented.add(g.group);
      }
    }
  }
  return out;
}

async function commentSection(client: Tx, consultationId: string, slug: string, phrases: PaperPhrases, options: BuildOptions): Promise<NonNullable<GeneratedDocument["comments"]>> {
  const paragraphs: Omit<CommentParagraph, "number" | "text">[] = [];
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
      const pa = a === null ? Infinity : latest.get(a)?.position ?? Number.MAX_SAFE_INTEGER;
      const pb = b === null ? Infinity : latest.get(b)?.position ?? Number.MAX_SAFE_INTEGER;
      return pa - pb || byCodePoint(a ?? "", b ?? "");
    });
    for (const anchor of orderedAnchors) {
      const groupCounts = anchors.get(anchor) ?? new Map<StakeholderGroup, number>();
      const groups = sortGroups(INPUT_GROUPS.filter((g) => groupCounts.has(g)).map((g) => ({ group: g, count: groupCounts.get(g) ?? 0 })));
      const total = groups.reduce((s, g) => s + g.count, 0);
      let paragraph = anchor ? latest.get(anchor) : undefined;
      if (anchor && !paragraph) {
        paragraph = (await client.paragraph.findFirst({ where: { anchorId: anchor, version: { draftId: draft.id } }, orderBy: { version: { number: "desc" } }, select: { anchorId: true, number: true, text: true, position: true } })) ?? undefined;
      }
      const found = await client.comment.findMany({
        where: { draftId: draft.id, status: "PUBLISHED", ...(anchor === null ? { anchorId: null, paragraphId: null } : { OR: [{ anchorId: anchor }, { anchorId: null, paragraph: { anchorId: anchor } }] }) },
        orderBy: { id: "asc" },
        take: options.maxCommentsPerParagraph,
        select: { id: true, body: true, authorId: true, authorName: true, stakeholderGroup: true, campaignId: true, overBalance: true },
      });
      const unitOf = (c: (typeof found)[number]) => c.authorId ?? `name:${c.authorName}`;
      found.sort((a, b) => byCodePoint(unitOf(a), unitOf(b)) || byCodePoint(a.id, b.id));
      const df = new CommentFrequency();
      const bodies = found.map((c) => ({ c, statements: statementsOf(c.body, "und") }));
      for (const { statements } of bodies) for (const s of statements) df.add(statementText(s));
      const finder = new PointFinder(df);
      const path = draftParagraphPath(slug, draft.slug, anchor);
      for (const { c, statements } of bodies) {
        for (const s of statements) finder.add({ sentence: statementText(s), unit: unitOf(c), campaignId: c.campaignId, group: c.stakeholderGroup, overBalance: c.overBalance, source: { id: c.id, reference: draft.title, title: draft.title } });
      }
      const points = finder.points().slice(0, options.maxCommentPoints).map((p) => ({
        quote: p.quote,
        truncated: p.truncated,
        support: p.support,
        source: { ...p.quoteSource, path, sentence: p.sources[0]?.sentence ?? p.quote, statementKey: "" },
      }));
      const excerpt = paragraph ? shortQuote(paragraph.text.replace(/\s+/g, " ").trim(), 12) : null;
      paragraphs.push({ draftTitle: draft.title, anchorId: anchor, draftNumber: paragraph?.number ?? null, excerpt: excerpt ? `${excerpt.text}${excerpt.truncated ? "…" : ""}` : "", total, groups, points });
    }
  }
  return { paragraphs };
}

interface DescribedRow {
  kind: InputKind;
  id: string;
  reference: string | null;
  title: string | null;
  sessionSlug: string | null;
  sessionTitle: string | null;
  turnNumber: number | null;
  speaker: string | null;
  handle: string | null;
}

interface Described {
  reference: string;
  title: string;
  path: string;
}

/** How the paper refers to and links an input of any kind: a contribution, a turn of a session, a remote message. */
function describer(slug: string, unidentified: string): (row: DescribedRow) => Described {
  return (row) => {
    if (row.kind === "turn" && row.sessionSlug !== null && row.turnNumber !== null) {
      return {
        reference: turnReference(row.sessionSlug, row.turnNumber),
        title: `${row.speaker ?? unidentified}, ${row.sessionTitle ?? ""}`,
        path: sessionTurnPath(slug, row.sessionSlug, row.turnNumber),
      };
    }
    if (row.kind === "message" && row.handle !== null) {
      const reference = messageReference(row.handle);
      return { reference, title: reference, path: remoteMessagePath(slug, row.id) };
    }
    const reference = row.reference ?? "";
    return { reference, title: row.title ?? "", path: contributionPath(slug, reference) };
  };
}
