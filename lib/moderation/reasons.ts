// Reason templates the secretariat picks from when rejecting, requesting changes or hiding. Edits are audited;
// events keep the reason's text as it was, so changing or removing a template never rewrites history.
import "server-only";
import { db } from "../db/client";
import { withTransaction } from "../db/transaction";
import { recordAudit } from "../audit/log";
import { hasRole } from "../auth/session-roles";
import { fail, fieldErrorsOf, ok, type Result } from "../result";
import type { Actor } from "./service";
import { ReasonTemplateSchema } from "./schema";

export async function listReasonTemplates(actor: Actor | null) {
  if (!actor || !hasRole(actor, "SECRETARIAT")) return [];
  return db.reasonTemplate.findMany({ orderBy: [{ kind: "asc" }, { label: "asc" }] });
}

export async function createReasonTemplate(actor: Actor | null, raw: unknown): Promise<Result<{ id: string }>> {
  if (!actor || !hasRole(actor, "SECRETARIAT")) return fail("forbidden", undefined, 403);
  const parsed = ReasonTemplateSchema.safeParse(raw);
  if (!parsed.success) return fail("invalidInput", fieldErrorsOf(parsed.error));
  const created = await withTransaction(async (tx) => {
    const row = await tx.reasonTemplate.create({ data: parsed.data });
    await recordAudit(tx, { actorId: actor.id, action: "reasonTemplate.create", entityType: "ReasonTemplate", entityId: row.id, details: parsed.data });
    return row;
  });
  return ok({ id: created.id });
}

export async function updateReasonTemplate(actor: Actor | null, id: string, raw: unknown): Promise<Result<{ id: string }>> {
  if (!actor || !hasRole(actor, "SECRETARIAT")) return fail("forbidden", undefined, 403);
  const parsed = ReasonTemplateSchema.safeParse(raw);
  if (!parsed.success) return fail("invalidInput", fieldErrorsOf(parsed.error));
  const updated = await withTransaction(async (tx) => {
    const before = await tx.reasonTemplate.findUnique({ where: { id } });
    if (!before) return null;
    await tx.reasonTemplate.update({ where: { id }, data: parsed.data });
    await recordAudit(tx, {
      actorId: actor.id, action: "reasonTemplate.update", entityType: "ReasonTemplate", entityId: id,
      details: { before: { kind: before.kind, label: before.label, text: before.text }, after: parsed.data },
    });
    return id;
  });
  return updated ? ok({ id: updated }) : fail("notFound", undefined, 404);
}

export async function deleteReasonTemplate(actor: Actor | null, id: string): Promise<Result<{ id: string }>> {
  if (!actor || !hasRole(actor, "SECRETARIAT")) return fail("forbidden", undefined, 403);
  const deleted = await withTransaction(async (tx) => {
    const before = await tx.reasonTemplate.findUnique({ where: { id } });
    if (!before) return null;
    await tx.reasonTemplate.delete({ where: { id } });
    await recordAudit(tx, { actorId: actor.id, action: "reasonTemplate.delete", entityType: "ReasonTemplate", entityId: id, details: { kind: before.kind, label: before.label, text: before.text } });
    return id;
  });
  return deleted ? ok({ id: deleted }) : fail("notFound", undefined, 404);
}
