// The audit log as the secretariat reads it: moderation events and audit events in one list, filtered,
// newest first with keyset pagination, and streamed to CSV in pages so 100,000 rows never sit in memory.
import "server-only";
import { z } from "zod";
import { db } from "../db/client";
import { Prisma } from "../db/generated/client";
import { hasRole } from "../auth/session-roles";
import type { Actor } from "../auth/session-roles";
import { decodeTimeCursor, encodeTimeCursor } from "../db/time-cursor";

export type { Actor };

const blank = (v: unknown) => (v === "" || v === null ? undefined : v);
// A real calendar day: "2026-13-45" matches the pattern but is no date (it used to reach the query as Invalid Date).
const day = z.preprocess(
  blank,
  z.string().regex(/^\d{4}-\d{2}-\d{2}$/).refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v)).optional(),
);

export const AuditFilterSchema = z.object({
  consultation: z.preprocess(blank, z.string().max(80).optional()),
  source: z.preprocess(blank, z.enum(["moderation", "audit"]).optional()),
  action: z.preprocess(blank, z.string().max(60).regex(/^[\w.]+$/).optional()),
  actor: z.preprocess(blank, z.string().max(200).optional()),
  entity: z.preprocess(blank, z.string().max(64).regex(/^[\w-]+$/).optional()),
  from: day,
  to: day,
  cursor: z.preprocess(blank, z.string().max(200).optional()),
});
export type AuditFilter = z.infer<typeof AuditFilterSchema>;

export interface AuditRow {
  source: "moderation" | "audit";
  id: string;
  createdAt: Date;
  actorName: string | null;
  actorEmail: string | null;
  action: string;
  entityType: string;
  entityId: string;
  consultationSlug: string | null;
  reason: string | null;
  fromStatus: string | null;
  toStatus: string | null;
  details: unknown;
}

export const AUDIT_PAGE = 50;

function whereOf(filter: AuditFilter): Prisma.Sql {
  const parts: Prisma.Sql[] = [Prisma.sql`TRUE`];
  if (filter.consultation) parts.push(Prisma.sql`"consultationSlug" = ${filter.consultation}`);
  if (filter.source) parts.push(Prisma.sql`source = ${filter.source}`);
  if (filter.action) parts.push(Prisma.sql`action = ${filter.action}`);
  if (filter.actor) parts.push(Prisma.sql`("actorEmail" ILIKE ${`%${filter.actor}%`} OR "actorName" ILIKE ${`%${filter.actor}%`})`);
  if (filter.entity) parts.push(Prisma.sql`"entityId" = ${filter.entity}`);
  if (filter.from) parts.push(Prisma.sql`"createdAt" >= ${new Date(`${filter.from}T00:00:00Z`)}`);
  if (filter.to) parts.push(Prisma.sql`"createdAt" < ${new Date(new Date(`${filter.to}T00:00:00Z`).getTime() + 86_400_000)}`);
  const after = decodeTimeCursor(filter.cursor);
  if (after) parts.push(Prisma.sql`("createdAt", id) < (${after.at}, ${after.id})`);
  return Prisma.join(parts, " AND ");
}


async function page(filter: AuditFilter, limit: number): Promise<AuditRow[]> {
  return db.$queryRaw<AuditRow[]>`
    SELECT * FROM (
      SELECT 'moderation' AS source, e.id, e."createdAt", u.name AS "actorName", u.email AS "actorEmail", e.action::text AS action,
             e."targetType"::text AS "entityType", COALESCE(e."submissionId", e."commentId", e."remoteMessageId", e.id) AS "entityId",
             co.slug AS "consultationSlug", e.reason, e."fromStatus", e."toStatus", e.metadata AS details
      FROM "ModerationEvent" e
      LEFT JOIN "User" u ON u.id = e."actorId"
      LEFT JOIN "Submission" s ON s.id = e."submissionId"
      LEFT JOIN "Comment" c ON c.id = e."commentId"
      LEFT JOIN "RemoteMessage" rm ON rm.id = e."remoteMessageId"
      LEFT JOIN "Consultation" co ON co.id = COALESCE(s."consultationId", c."consultationId", rm."consultationId")
      UNION ALL
      SELECT 'audit', a.id, a."createdAt", u.name, u.email, a.action, a."entityType", a."entityId", co.slug, NULL, NULL, NULL, a.details
      FROM "AuditEvent" a
      LEFT JOIN "User" u ON u.id = a."actorId"
      LEFT JOIN "Consultation" co ON co.id = a."consultationId"
    ) log
    WHERE ${whereOf(filter)}
    ORDER BY "createdAt" DESC, id DESC
    LIMIT ${limit}`;
}

export async function listAuditLog(actor: Actor | null, raw: unknown): Promise<{ rows: AuditRow[]; nextCursor: string | null; filter: AuditFilter } | null> {
  if (!actor || !hasRole(actor, "SECRETARIAT")) return null;
  const parsed = AuditFilterSchema.safeParse(raw);
  const filter: AuditFilter = parsed.success ? parsed.data : {};
  const rows = await page(filter, AUDIT_PAGE + 1);
  const shown = rows.slice(0, AUDIT_PAGE);
  const last = shown.at(-1);
  return { rows: shown, nextCursor: rows.length > AUDIT_PAGE && last ? encodeTimeCursor(last) : null, filter };
}

export const AUDIT_CSV_COLUMNS = ["time", "source", "actor", "actor_email", "action", "entity_type", "entity_id", "consultation", "reason", "from_status", "to_status", "details"] as const;

/** Every matching row, newest first, fetched a page at a time (keyset), for streaming exports. */
export async function* auditRowsForExport(filter: AuditFilter): AsyncGenerator<AuditRow> {
  let cursor: string | undefined;
  for (;;) {
    const rows = await page({ ...filter, cursor }, 1000);
    for (const row of rows) yield row;
    const last = rows.at(-1);
    if (rows.length < 1000 || !last) return;
    cursor = encodeTimeCursor(last);
  }
}

export function auditCsvRecord(row: AuditRow): string[] {
  return [
    row.createdAt.toISOString(), row.source, row.actorName ?? "", row.actorEmail ?? "", row.action, row.entityType, row.entityId,
    row.consultationSlug ?? "", row.reason ?? "", row.fromStatus ?? "", row.toStatus ?? "", row.details == null ? "" : JSON.stringify(row.details),
  ];
}

/** Distinct actions for the filter menu. */
export async function auditActions(): Promise<string[]> {
  const [mod, audit] = await Promise.all([
    db.moderationEvent.groupBy({ by: ["action"] }),
    db.auditEvent.groupBy({ by: ["action"] }),
  ]);
  return [...new Set([...mod.map((m) => String(m.action)), ...audit.map((a) => a.action)])].sort();
}
