// The inputs a synthesis is built from, behind one interface: written contributions, the speaker turns of the
// round's session transcripts and its published remote messages (issue 12). Each input has a source kind, an
// attribution (stakeholder group, who it counts for, whether it may be named), a text (Markdown), a language and the
// themes it was filed under.
import type { Tx } from "../db/client";
import type { StakeholderGroup, UnRegion } from "../db/generated/enums";
import { spokenSentences, isProcedural } from "../meetings/courtesy";

/** submission: a written contribution; turn: a speaker turn of a session transcript; message: a remote message */
export type InputKind = "submission" | "turn" | "message";
export const INPUT_KINDS: readonly InputKind[] = ["submission", "turn", "message"];

export interface SynthesisInput {
  kind: InputKind;
  /** the row's id (a submission id) */
  id: string;
  /** the human reference shown in the paper and its annex */
  reference: string;
  title: string;
  /** Markdown source; quotes are taken from its visible text */
  text: string;
  language: string;
  /** theme ids; empty for general comments */
  themes: string[];
  attribution: {
    group: StakeholderGroup;
    /** who the input counts for: the contributor, or its campaign (counted once) */
    unit: string;
    contributorKey: string;
    /** name for Annex I ("Anonymous contributions" for anonymous inputs) */
    annexName: string;
    /** the organisation that published under its own name, when it may be named */
    organisation: string | null;
    campaignId: string | null;
    overBalance: boolean;
    region: UnRegion;
  };
}

/** A kind of input: streamed in batches, in a fixed order (same rows, same order, same paper). */
export interface SynthesisInputSource {
  kind: InputKind;
  /** inputs in the order the build reads them; inputs of one contributor come together */
  stream(client: Tx, consultationId: string, batchSize: number): AsyncGenerator<SynthesisInput[]>;
}

interface SubmissionRow {
  id: string;
  reference: string;
  title: string;
  body: string;
  language: string;
  contributorKey: string;
  contributorName: string;
  organisationName: string | null;
  onBehalfOf: "ORGANISATION" | "SELF";
  visibility: "PUBLIC_NAMED" | "PUBLIC_ANONYMOUS";
  stakeholderGroup: StakeholderGroup;
  region: UnRegion;
  campaignId: string | null;
  overBalance: boolean;
}

export const ANONYMOUS_KEY = "anonymous";

function annexName(row: Pick<SubmissionRow, "visibility" | "onBehalfOf" | "organisationName" | "contributorName">, anonymous: string): string {
  if (row.visibility === "PUBLIC_ANONYMOUS") return anonymous;
  if (row.onBehalfOf === "ORGANISATION" && row.organisationName) return row.organisationName;
  return row.organisationName ? `${row.contributorName} (${row.organisationName})` : row.contributorName;
}

/** Published submissions in (contributorKey, id) order, keyset-paginated. */
export function submissionSource(anonymousName: string): SynthesisInputSource {
  return {
    kind: "submission",
    async *stream(client, consultationId, batchSize) {
      let after: { key: string; id: string } | null = null;
      for (;;) {
        // Two statements rather than one with "IS NULL OR": the row comparison must stay a plain index range scan,
        // or every batch sorts the whole round again.
        const rows: SubmissionRow[] = after
          ? await client.$queryRaw<SubmissionRow[]>`
              SELECT "id", "reference", "title", "body", "language", "contributorKey", "contributorName", "organisationName",
                     "onBehalfOf"::text AS "onBehalfOf", "visibility"::text AS "visibility", "stakeholderGroup"::text AS "stakeholderGroup",
                     "region"::text AS "region", "campaignId", "overBalance"
              FROM "Submission"
              WHERE "consultationId" = ${consultationId} AND "status" = 'PUBLISHED' AND ("contributorKey", "id") > (${after.key}, ${after.id})
              ORDER BY "contributorKey", "id" LIMIT ${batchSize}`
          : await client.$queryRaw<SubmissionRow[]>`
              SELECT "id", "reference", "title", "body", "language", "contributorKey", "contributorName", "organisationName",
                     "onBehalfOf"::text AS "onBehalfOf", "visibility"::text AS "visibility", "stakeholderGroup"::text AS "stakeholderGroup",
                     "region"::text AS "region", "campaignId", "overBalance"
              FROM "Submission"
              WHERE "consultationId" = ${consultationId} AND "status" = 'PUBLISHED'
              ORDER BY "contributorKey", "id" LIMIT ${batchSize}`;
        if (rows.length === 0) return;
        const links = await client.submissionTheme.findMany({ where: { submissionId: { in: rows.map((r) => r.id) } }, select: { submissionId: true, themeId: true } });
        const themesOf = new Map<string, string[]>();
        for (const link of links) themesOf.set(link.submissionId, [...(themesOf.get(link.submissionId) ?? []), link.themeId]);
        yield rows.map((row) => ({
          kind: "submission" as const,
          id: row.id,
          reference: row.reference,
          title: row.title,
          text: row.body,
          language: row.language,
          themes: (themesOf.get(row.id) ?? []).sort(),
          attribution: {
            group: row.stakeholderGroup,
            unit: row.campaignId ? `campaign:${row.campaignId}` : row.contributorKey,
            contributorKey: row.visibility === "PUBLIC_ANONYMOUS" ? `${ANONYMOUS_KEY}:${row.contributorKey}` : row.contributorKey,
            annexName: annexName(row, anonymousName),
            organisation: row.visibility === "PUBLIC_NAMED" && row.onBehalfOf === "ORGANISATION" && row.organisationName ? row.organisationName : null,
            campaignId: row.campaignId,
            overBalance: row.overBalance,
            region: row.region,
          },
        }));
        const last = rows.at(-1);
        if (!last || rows.length < batchSize) return;
        after = { key: last.contributorKey, id: last.id };
      }
    },
  };
}

/** A published submission as Annex I lists it: under its group and contributor, with the points citing it. */
export interface AnnexEntry {
  id: string;
  reference: string;
  title: string;
  group: StakeholderGroup;
  /** the contributor it is listed under ("anonymous" for every anonymous contribution of a group) */
  contributor: string;
  name: string;
  /** keys of the build's points that cite it, in key order */
  pointKeys: string[];
}

/**
 * Annex I's entries, in the order the inputs are read (contributorKey, id), keyset-paginated, each with the keys of
 * the points of `generation` that cite it: read after the points are made, so the build does not carry every
 * contribution through the grouping pass.
 */
export async function* annexEntries(client: Tx, consultationId: string, generation: number, anonymousName: string, batchSize: number): AsyncGenerator<AnnexEntry[]> {
  type Row = Pick<SubmissionRow, "id" | "reference" | "title" | "contributorKey" | "contributorName" | "organisationName" | "onBehalfOf" | "visibility" | "stakeholderGroup"> & { pointKeys: string[] | null };
  let after: { key: string; id: string } | null = null;
  for (;;) {
    const rows: Row[] = await client.$queryRaw<Row[]>`
      SELECT s."id", s."reference", s."title", s."contributorKey", s."contributorName", s."organisationName",
             s."onBehalfOf"::text AS "onBehalfOf", s."visibility"::text AS "visibility", s."stakeholderGroup"::text AS "stakeholderGroup",
             (SELECT array_agg(DISTINCT c."pointKey" ORDER BY c."pointKey") FROM "SynthesisCitation" c
               WHERE c."submissionId" = s."id" AND c."consultationId" = ${consultationId} AND c."generation" = ${generation}) AS "pointKeys"
      FROM "Submission" s
      WHERE s."consultationId" = ${consultationId} AND s."status" = 'PUBLISHED' AND (s."contributorKey", s."id") > (${after?.key ?? ""}, ${after?.id ?? ""})
      ORDER BY s."contributorKey", s."id" LIMIT ${batchSize}`;
    if (rows.length === 0) return;
    yield rows.map((row) => ({
      id: row.id,
      reference: row.reference,
      title: row.title,
      group: row.stakeholderGroup,
      contributor: row.visibility === "PUBLIC_ANONYMOUS" ? ANONYMOUS_KEY : row.contributorKey,
      name: annexName(row, anonymousName),
      pointKeys: row.pointKeys ?? [],
    }));
    const last = rows.at(-1);
    if (!last || rows.length < batchSize) return;
    after = { key: last.contributorKey, id: last.id };
  }
}

/** Turn and message texts are plain text: Markdown's own marks in them are said, not formatting. */
function plainAsMarkdown(text: string): string {
  return text.replace(/([\\`*_[\]<>#|~])/g, "\\$1").replace(/^(\s*)(\d+)([.)])/gm, "$1$2\\$3").replace(/^(\s*)([-+])(\s)/gm, "$1\\$2$3");
}

/**
 * What of a turn a synthesis may draw on: its substantive sentences, paragraph by paragraph, verbatim. Procedural and
 * courtesy sentences ("Thank you, Chair", "I give the floor to…") stay in the transcript and never become statements.
 */
export function substantiveTurnText(body: string): string {
  return body
    .split(/\n\s*\n/)
    .map((paragraph) => spokenSentences(paragraph).filter((s) => !isProcedural(s)).join(" "))
    .filter((p) => p.length > 0)
    .join("\n\n");
}

interface TurnRow {
  id: string;
  number: number;
  body: string;
  language: string;
  speakerId: string | null;
  speakerName: string | null;
  speakerLabel: string;
  sessionSlug: string;
  sessionTitle: string;
  stakeholderGroup: StakeholderGroup;
  region: UnRegion;
}

/** The reference a turn has in the paper's sources: the session and the turn's number (its link is #t<number>). */
export function turnReference(sessionSlug: string, number: number): string {
  return `${sessionSlug}#t${number}`;
}

/**
 * Speaker turns of the round's session transcripts that say something (not procedural), in (unit, id) order: a
 * mapped or named speaker counts once across sessions; an unidentified speaker's turn counts for itself.
 */
export function turnSource(unidentified: string): SynthesisInputSource {
  return {
    kind: "turn",
    async *stream(client, consultationId, batchSize) {
      let after: { key: string; id: string } | null = null;
      for (;;) {
        // The unit is computed in SQL so the keyset order is the order the rows are counted in.
        const rows: (TurnRow & { unit: string })[] = await client.$queryRaw<(TurnRow & { unit: string })[]>`
          SELECT * FROM (
            SELECT t."id", t."number", t."body", t."language", t."speakerId", sp."name" AS "speakerName", t."speakerLabel",
                   ms."slug" AS "sessionSlug", ms."title" AS "sessionTitle", t."stakeholderGroup"::text AS "stakeholderGroup", t."region"::text AS "region",
                   COALESCE('speaker:' || t."speakerId", 'turn:' || t."id") AS "unit"
            FROM "SessionTurn" t JOIN "MeetingSession" ms ON ms."id" = t."sessionId" LEFT JOIN "Speaker" sp ON sp."id" = t."speakerId"
            WHERE t."consultationId" = ${consultationId} AND NOT t."procedural") x
          WHERE ${after === null} OR (x."unit", x."id") > (${after?.key ?? ""}, ${after?.id ?? ""})
          ORDER BY x."unit", x."id" LIMIT ${batchSize}`;
        if (rows.length === 0) return;
        yield rows.map((row) => ({
          kind: "turn" as const,
          id: row.id,
          reference: turnReference(row.sessionSlug, row.number),
          title: row.sessionTitle,
          text: plainAsMarkdown(substantiveTurnText(row.body)),
          language: row.language,
          themes: [],
          attribution: {
            group: row.stakeholderGroup,
            unit: row.unit,
            contributorKey: row.unit,
            annexName: row.speakerName ?? (row.speakerLabel || unidentified),
            organisation: null,
            campaignId: null,
            overBalance: false,
            region: row.region,
          },
        }));
        const last = rows.at(-1);
        if (!last || rows.length < batchSize) return;
        after = { key: last.unit, id: last.id };
      }
    },
  };
}

interface MessageRow {
  id: string;
  body: string;
  language: string;
  handle: string;
  unit: string;
  stakeholderGroup: StakeholderGroup;
  region: UnRegion;
}

/** The reference a remote message has in the paper's sources. */
export function messageReference(handle: string): string {
  return handle.startsWith("@") ? handle : `@${handle}`;
}

/** Published remote messages of the round, in (unit, id) order: an author (a roster speaker or a handle) counts once. */
export function messageSource(): SynthesisInputSource {
  return {
    kind: "message",
    async *stream(client, consultationId, batchSize) {
      let after: { key: string; id: string } | null = null;
      for (;;) {
        const rows: MessageRow[] = await client.$queryRaw<MessageRow[]>`
          SELECT * FROM (
            SELECT m."id", m."body", m."language", m."handle", m."stakeholderGroup"::text AS "stakeholderGroup", m."region"::text AS "region",
                   COALESCE('speaker:' || m."speakerId", 'handle:' || lower(m."handle")) AS "unit"
            FROM "RemoteMessage" m WHERE m."consultationId" = ${consultationId} AND m."status" = 'PUBLISHED') x
          WHERE ${after === null} OR (x."unit", x."id") > (${after?.key ?? ""}, ${after?.id ?? ""})
          ORDER BY x."unit", x."id" LIMIT ${batchSize}`;
        if (rows.length === 0) return;
        yield rows.map((row) => ({
          kind: "message" as const,
          id: row.id,
          reference: messageReference(row.handle),
          title: messageReference(row.handle),
          text: plainAsMarkdown(row.body),
          language: row.language === "und" ? "und" : row.language,
          themes: [],
          attribution: {
            group: row.stakeholderGroup,
            unit: row.unit,
            contributorKey: row.unit,
            annexName: row.handle,
            organisation: null,
            campaignId: null,
            overBalance: false,
            region: row.region,
          },
        }));
        const last = rows.at(-1);
        if (!last || rows.length < batchSize) return;
        after = { key: last.unit, id: last.id };
      }
    },
  };
}
