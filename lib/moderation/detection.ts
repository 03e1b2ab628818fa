// Campaign detection at intake: each input is examined once, by a job on the app's queue enqueued in the transaction
// that stored it (lib/moderation/tasks.ts). Its MinHash fingerprint (lib/moderation/fingerprint.ts) is stored, and one
// GIN lookup on the band keys finds the few earlier inputs of the same consultation that may be near-identical. Each
// candidate is then compared on the texts with pg_trgm's similarity() (the measure BalancePolicy.duplicateThreshold
// has always meant), and those at or above the threshold join one campaign with it. A handful of exact comparisons per
// input, instead of trigram probes over every body. Nothing here runs in a page request (docs/decisions/0027).
import "server-only";
import { db, type Tx } from "../db/client";
import { Prisma } from "../db/generated/client";
import { lockKey, withTransaction } from "../db/transaction";
import { getBalancePolicy } from "../balance/policy";
import { excerpt } from "../balance/service";
import { estimatedSimilarity, fingerprintOf } from "./fingerprint";
import type { TargetType } from "./schema";

/** Very short texts ("I agree") look alike without being a campaign. */
export const MIN_CAMPAIGN_TEXT = 40;
/**
 * An input at least this similar to one already indexed is recorded (examined, in the campaign) without band keys of
 * its own: later copies find the indexed one. This keeps each band key's posting list to the distinct variants of a
 * campaign, so that the 20,000th copy costs what the second did.
 */
const INDEX_NOVELTY = 0.95;
/** Inputs examined per batch by the consultation sweep. */
const SWEEP_BATCH = 500;
/** Candidates compared on their texts per examination, the most likely first (by signature agreement). */
const MAX_CANDIDATES = 2000;

interface Input {
  id: string;
  consultationId: string;
  body: string;
  label: string;
  campaignId: string | null;
}

async function loadInput(tx: Tx, kind: TargetType, id: string): Promise<Input | null> {
  if (kind === "SUBMISSION") {
    const s = await tx.submission.findUnique({ where: { id }, select: { id: true, consultationId: true, body: true, title: true, campaignId: true, status: true } });
    // Drafts are private work in progress: examined once they are sent.
    return s && s.status !== "DRAFT" ? { id: s.id, consultationId: s.consultationId, body: s.body, label: s.title, campaignId: s.campaignId } : null;
  }
  const c = await tx.comment.findUnique({ where: { id }, select: { id: true, consultationId: true, body: true, campaignId: true } });
  return c ? { id: c.id, consultationId: c.consultationId, body: c.body, label: c.body, campaignId: c.campaignId } : null;
}

interface Candidate {
  inputId: string;
  signature: number[];
}

interface Match {
  id: string;
  similarity: number;
}

export interface Examination {
  /** the campaign the input is in after the examination, if any */
  campaignId: string | null;
  /** inputs that joined a campaign because of this examination (the input itself included) */
  joined: number;
}

/**
 * Examines one input: stores its fingerprint and groups it with its near-duplicates. Idempotent (a job that runs twice
 * finds the same campaign); re-examining an edited input refreshes its fingerprint and may join it to a campaign, but
 * never takes it out of one (the secretariat saw it there).
 */
export async function examineInput(kind: TargetType, id: string): Promise<Examination> {
  // The fingerprint is computed outside the transaction: hashing a long text must not hold the consultation's lock.
  const first = await loadInput(db, kind, id);
  if (!first) return { campaignId: null, joined: 0 };
  const scope = `${first.consultationId}:${kind}`;
  const fingerprint = first.body.trim().length >= MIN_CAMPAIGN_TEXT ? fingerprintOf(first.body, scope) : { signature: [], bands: [] };

  return withTransaction(async (tx) => {
    // One examination per consultation at a time: two copies arriving together end in one campaign, not two.
    await lockKey(tx, "campaigns", first.consultationId);
    const input = await loadInput(tx, kind, id);
    if (!input) return { campaignId: null, joined: 0 };
    // The author may have edited the text since: the job enqueued by that edit will examine the new text.
    const current = input.body === first.body ? fingerprint : { signature: [], bands: [] };

    let matches: Match[] = [];
    let best = 0;
    if (current.bands.length > 0) {
      const policy = await getBalancePolicy(tx, input.consultationId);
      const candidates = await tx.$queryRaw<Candidate[]>`
        SELECT f."inputId", f.signature FROM "InputFingerprint" f
        WHERE f.bands && ${current.bands}::int4[] AND f.kind = ${kind}::"ModerationTarget"
          AND f."consultationId" = ${input.consultationId} AND f."inputId" <> ${input.id}`;
      const likely = candidates
        .map((c) => ({ id: c.inputId, estimate: estimatedSimilarity(current.signature, c.signature) }))
        .sort((a, b) => b.estimate - a.estimate)
        .slice(0, MAX_CANDIDATES)
        .map((c) => c.id);
      if (likely.length > 0) {
        const table = kind === "SUBMISSION" ? Prisma.raw(`"Submission"`) : Prisma.raw(`"Comment"`);
        const compared = await tx.$queryRaw<{ id: string; similarity: number }[]>`
          SELECT id, similarity(body, ${input.body})::float8 AS similarity FROM ${table} WHERE id = ANY(${likely}::text[])`;
        for (const c of compared) {
          best = Math.max(best, c.similarity);
          if (c.similarity >= policy.duplicateThreshold - 1e-9) matches.push(c);
        }
      }
    }
    const bands = best >= INDEX_NOVELTY ? [] : current.bands;
    await tx.$executeRaw`
      INSERT INTO "InputFingerprint" (kind, "inputId", "consultationId", signature, bands, "examinedAt")
      VALUES (${kind}::"ModerationTarget", ${input.id}, ${input.consultationId}, ${current.signature}::int4[], ${bands}::int4[], now())
      ON CONFLICT (kind, "inputId") DO UPDATE SET signature = EXCLUDED.signature, bands = EXCLUDED.bands, "examinedAt" = EXCLUDED."examinedAt"`;
    if (matches.length === 0) return { campaignId: input.campaignId, joined: 0 };
    matches = matches.slice(0, 10_000);
    return group(tx, kind, input, matches.map((m) => m.id));
  });
}

interface Member {
  id: string;
  campaignId: string | null;
}

async function membersOf(tx: Tx, kind: TargetType, ids: string[]): Promise<Member[]> {
  return kind === "SUBMISSION"
    ? tx.submission.findMany({ where: { id: { in: ids }, status: { not: "DRAFT" } }, select: { id: true, campaignId: true } })
    : tx.comment.findMany({ where: { id: { in: ids } }, select: { id: true, campaignId: true } });
}

async function group(tx: Tx, kind: TargetType, input: Input, matchIds: string[]): Promise<Examination> {
  const members = await membersOf(tx, kind, matchIds);
  if (members.length === 0) return { campaignId: input.campaignId, joined: 0 };
  const campaignIds = [...new Set([input.campaignId, ...members.map((m) => m.campaignId)].filter((c): c is string => c !== null))];
  // Several campaigns that this input bridges become one: the oldest keeps its id and label.
  const existing = campaignIds.length
    ? await tx.campaign.findMany({ where: { id: { in: campaignIds } }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: { id: true } })
    : [];
  const target = existing[0]?.id ?? (await tx.campaign.create({ data: { consultationId: input.consultationId, label: excerpt(input.label, 60) } })).id;
  const merged = existing.slice(1).map((c) => c.id);
  const ids = [input.id, ...members.map((m) => m.id)];
  const table = kind === "SUBMISSION" ? Prisma.raw(`"Submission"`) : Prisma.raw(`"Comment"`);
  const joined = await tx.$executeRaw`
    UPDATE ${table} SET "campaignId" = ${target}
    WHERE (id = ANY(${ids}::text[]) AND "campaignId" IS NULL)${merged.length ? Prisma.sql` OR "campaignId" = ANY(${merged}::text[])` : Prisma.empty}`;
  if (merged.length) {
    // Only emptied campaigns go: a campaign is a grouping, and its members now all belong to the target.
    await tx.$executeRaw`DELETE FROM "Campaign" c WHERE c.id = ANY(${merged}::text[])
      AND NOT EXISTS (SELECT 1 FROM "Submission" s WHERE s."campaignId" = c.id) AND NOT EXISTS (SELECT 1 FROM "Comment" m WHERE m."campaignId" = c.id)`;
  }
  return { campaignId: target, joined };
}

/**
 * Examines every input of a consultation that has not been examined yet, oldest first: after an import, for data
 * written outside the services, and as the hourly backstop should a job ever be lost. Returns how many inputs joined
 * a campaign.
 */
export async function detectCampaigns(consultationId: string): Promise<number> {
  let joined = 0;
  for (const kind of ["SUBMISSION", "COMMENT"] as const) {
    for (;;) {
      const rows =
        kind === "SUBMISSION"
          ? await db.$queryRaw<{ id: string }[]>`
              SELECT s.id FROM "Submission" s
              WHERE s."consultationId" = ${consultationId} AND s.status <> 'DRAFT'
                AND NOT EXISTS (SELECT 1 FROM "InputFingerprint" f WHERE f.kind = 'SUBMISSION' AND f."inputId" = s.id)
              ORDER BY s."submittedAt" ASC NULLS LAST, s.id ASC LIMIT ${SWEEP_BATCH}`
          : await db.$queryRaw<{ id: string }[]>`
              SELECT c.id FROM "Comment" c
              WHERE c."consultationId" = ${consultationId}
                AND NOT EXISTS (SELECT 1 FROM "InputFingerprint" f WHERE f.kind = 'COMMENT' AND f."inputId" = c.id)
              ORDER BY c."createdAt" ASC, c.id ASC LIMIT ${SWEEP_BATCH}`;
      for (const row of rows) joined += (await examineInput(kind, row.id)).joined;
      if (rows.length < SWEEP_BATCH) break;
    }
  }
  return joined;
}

/** Consultations that have inputs not yet examined (for the hourly sweep). */
export async function consultationsToSweep(): Promise<string[]> {
  const rows = await db.$queryRaw<{ id: string }[]>`
    SELECT c.id FROM "Consultation" c
    WHERE EXISTS (SELECT 1 FROM "Submission" s WHERE s."consultationId" = c.id AND s.status <> 'DRAFT'
                    AND NOT EXISTS (SELECT 1 FROM "InputFingerprint" f WHERE f.kind = 'SUBMISSION' AND f."inputId" = s.id))
       OR EXISTS (SELECT 1 FROM "Comment" m WHERE m."consultationId" = c.id
                    AND NOT EXISTS (SELECT 1 FROM "InputFingerprint" f WHERE f.kind = 'COMMENT' AND f."inputId" = m.id))`;
  return rows.map((r) => r.id);
}
