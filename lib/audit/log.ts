// The audit log: one append-only row per action the secretariat or admins must be able to account for.
import "server-only";
import type { Tx } from "../db/client";
import type { Prisma } from "../db/generated/client";

export interface AuditEntry {
  actorId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  consultationId?: string | null;
  details?: Prisma.InputJsonValue;
}

export async function recordAudit(tx: Tx, entry: AuditEntry): Promise<void> {
  await tx.auditEvent.create({
    data: {
      actorId: entry.actorId,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId,
      consultationId: entry.consultationId ?? null,
      details: entry.details,
    },
  });
}
