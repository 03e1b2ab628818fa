// consultations (admin): the secretariat creates and edits consultations, their phases and themes. Audited.
import "server-only";
import { db, type Tx } from "../db/client";
import { enqueueSettleAtClose } from "../balance/tasks";
import { isUniqueViolation, withTransaction } from "../db/transaction";
import { recordAudit } from "../audit/log";
import { fail, fieldErrorsOf, ok, type Result } from "../result";
import { hasRole } from "../auth/session-roles";
import { ConsultationSchema, ThemeSchema } from "./schema";
import type { Actor } from "../auth/session-roles";

export type { Actor };

function forbidden() {
  return fail("forbidden", undefined, 403);
}

export async function listAllConsultations() {
  return db.consultation.findMany({
    orderBy: [{ createdAt: "desc" }],
    select: {
      id: true, slug: true, title: true, status: true, contributionsOpenAt: true, contributionsCloseAt: true, commentsOpenAt: true, commentsCloseAt: true,
      _count: { select: { submissions: true, themes: true } },
    },
  });
}

export async function getConsultationForAdmin(slug: string) {
  return db.consultation.findUnique({
    where: { slug },
    include: {
      themes: { orderBy: [{ position: "asc" }, { title: "asc" }], include: { _count: { select: { submissions: true } } } },
      _count: { select: { submissions: true, drafts: true, comments: true } },
    },
  });
}

/** Held inputs are published (over balance) the moment a phase closes: one job per closing date, moved when it changes. */
async function settleAtCloseOf(tx: Tx, c: { id: string; contributionsCloseAt: Date | null; commentsCloseAt: Date | null }): Promise<void> {
  await enqueueSettleAtClose(tx, c.id, "contributions", c.contributionsCloseAt);
  await enqueueSettleAtClose(tx, c.id, "comments", c.commentsCloseAt);
}

export async function createConsultation(actor: Actor, raw: unknown): Promise<Result<{ id: string; slug: string }>> {
  if (!hasRole(actor, "SECRETARIAT")) return forbidden();
  const parsed = ConsultationSchema.safeParse(raw);
  if (!parsed.success) return fail("invalidInput", fieldErrorsOf(parsed.error));
  try {
    const created = await withTransaction(async (tx) => {
      const c = await tx.consultation.create({ data: { ...parsed.data, balancePolicy: { create: {} } } });
      await settleAtCloseOf(tx, c);
      await recordAudit(tx, { actorId: actor.id, action: "consultation.create", entityType: "Consultation", entityId: c.id, consultationId: c.id, details: { slug: c.slug, title: c.title } });
      return c;
    });
    return ok({ id: created.id, slug: created.slug });
  } catch (error) {
    if (isUniqueViolation(error, "slug")) return fail("invalidInput", { slug: ["slugTaken"] }, 409);
    throw error;
  }
}

export async function updateConsultation(actor: Actor, id: string, raw: unknown): Promise<Result<{ id: string; slug: string }>> {
  if (!hasRole(actor, "SECRETARIAT")) return forbidden();
  const parsed = ConsultationSchema.safeParse(raw);
  if (!parsed.success) return fail("invalidInput", fieldErrorsOf(parsed.error));
  try {
    const updated = await withTransaction(async (tx) => {
      const before = await tx.consultation.findUnique({ where: { id } });
      if (!before) return null;
      const after = await tx.consultation.update({ where: { id }, data: parsed.data });
      await settleAtCloseOf(tx, after);
      const changed = Object.keys(parsed.data).filter((k) => {
        const key = k as keyof typeof parsed.data;
        return String(before[key] instanceof Date ? (before[key] as Date).toISOString() : before[key]) !==
          String(after[key] instanceof Date ? (after[key] as Date).toISOString() : after[key]);
      });
      await recordAudit(tx, {
        actorId: actor.id, action: "consultation.update", entityType: "Consultation", entityId: id, consultationId: id,
        details: { changed, before: Object.fromEntries(changed.map((k) => [k, String(before[k as keyof typeof before] ?? "")])) },
      });
      return after;
    });
    if (!updated) return fail("notFound", undefined, 404);
    return ok({ id: updated.id, slug: updated.slug });
  } catch (error) {
    if (isUniqueViolation(error, "slug")) return fail("invalidInput", { slug: ["slugTaken"] }, 409);
    throw error;
  }
}

export async function addTheme(actor: Actor, consultationId: string, raw: unknown): Promise<Result<{ id: string }>> {
  if (!hasRole(actor, "SECRETARIAT")) return forbidden();
  const parsed = ThemeSchema.safeParse(raw);
  if (!parsed.success) return fail("invalidInput", fieldErrorsOf(parsed.error));
  try {
    const theme = await withTransaction(async (tx) => {
      const t = await tx.theme.create({ data: { ...parsed.data, consultationId } });
      await recordAudit(tx, { actorId: actor.id, action: "theme.create", entityType: "Theme", entityId: t.id, consultationId, details: { slug: t.slug, title: t.title } });
      return t;
    });
    return ok({ id: theme.id });
  } catch (error) {
    if (isUniqueViolation(error)) return fail("invalidInput", { slug: ["slugTaken"] }, 409);
    throw error;
  }
}

export async function updateTheme(actor: Actor, themeId: string, raw: unknown): Promise<Result<{ id: string }>> {
  if (!hasRole(actor, "SECRETARIAT")) return forbidden();
  const parsed = ThemeSchema.safeParse(raw);
  if (!parsed.success) return fail("invalidInput", fieldErrorsOf(parsed.error));
  try {
    const result = await withTransaction(async (tx) => {
      const before = await tx.theme.findUnique({ where: { id: themeId } });
      if (!before) return null;
      const t = await tx.theme.update({ where: { id: themeId }, data: parsed.data });
      await recordAudit(tx, { actorId: actor.id, action: "theme.update", entityType: "Theme", entityId: t.id, consultationId: t.consultationId, details: { before: { slug: before.slug, title: before.title } } });
      return t;
    });
    if (!result) return fail("notFound", undefined, 404);
    return ok({ id: result.id });
  } catch (error) {
    if (isUniqueViolation(error)) return fail("invalidInput", { slug: ["slugTaken"] }, 409);
    throw error;
  }
}

/** A theme that contributions already use cannot be removed: that would silently re-tag inputs. */
export async function deleteTheme(actor: Actor, themeId: string): Promise<Result<{ id: string }>> {
  if (!hasRole(actor, "SECRETARIAT")) return forbidden();
  return withTransaction(async (tx) => {
    const theme = await tx.theme.findUnique({ where: { id: themeId }, include: { _count: { select: { submissions: true } } } });
    if (!theme) return fail("notFound", undefined, 404);
    if (theme._count.submissions > 0) return fail("themeInUse", undefined, 409);
    await tx.theme.delete({ where: { id: themeId } });
    await recordAudit(tx, { actorId: actor.id, action: "theme.delete", entityType: "Theme", entityId: themeId, consultationId: theme.consultationId, details: { slug: theme.slug, title: theme.title } });
    return ok({ id: themeId });
  });
}
