// The inputs a synthesis is built from, behind one interface so that other kinds can join (issue 12 adds meeting
// transcript turns and remote messages): each input has a source kind, an attribution (stakeholder group, who it
// counts for, whether it may be named), a text (Markdown), a language and the themes it was filed under.
import type { Tx } from "../db/client";
import type { StakeholderGroup, UnRegion } from "../db/generated/enums";

export type InputKind = "submission";

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

function annexName(row: SubmissionRow, anonymous: string): string {
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
