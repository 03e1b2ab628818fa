// personal-data: a person deletes their account. What they published stays on the consultation's record, as its
// snapshot named it (or, if they ask, anonymous) but no longer linked to any account; drafts are deleted; whatever
// still waited for moderation or balance is withdrawn; the audit log keeps that it happened, with the user id only.
import "server-only";
import { z } from "zod";
import { db, type Tx } from "../db/client";
import { databaseNow, lockKey, withTransaction } from "../db/transaction";
import { recordAudit } from "../audit/log";
import { verifyPassword } from "../auth/password";
import { fail, fieldErrorsOf, ok, type Result } from "../result";
import { storage } from "../storage";
import type { Actor } from "../auth/session-roles";

const checkbox = z.preprocess((v) => v === true || v === "on" || v === "true", z.boolean());

export const DeleteAccountSchema = z.object({
  password: z.string().min(1, { error: "passwordRequired" }).max(1024, { error: "passwordRequired" }),
  attribution: z.enum(["keep", "anonymous"], { error: "attributionInvalid" }),
  confirm: checkbox.refine((v) => v, { error: "confirmRequired" }),
});
export type DeleteAccountInput = z.input<typeof DeleteAccountSchema>;

/** Inputs in these statuses are not public yet: deleting the account withdraws them. */
const WITHDRAWN_SUBMISSIONS = ["PENDING", "CHANGES_REQUESTED", "HELD_FOR_BALANCE"] as const;
const WITHDRAWN_COMMENTS = ["PENDING", "HELD_FOR_BALANCE"] as const;

export interface DeletionSummary {
  draftsDeleted: number;
  withdrawn: { contributions: number; comments: number };
  kept: { contributions: number; comments: number };
  attribution: "keep" | "anonymous";
}

async function withdrawAll(tx: Tx, userId: string, now: Date): Promise<{ contributions: number; comments: number }> {
  const subs = await tx.submission.findMany({ where: { authorId: userId, status: { in: [...WITHDRAWN_SUBMISSIONS] } }, select: { id: true, status: true, version: true } });
  let contributions = 0;
  for (const s of subs) {
    // Conditional on what was read: a moderator acting at the same instant wins or loses cleanly, never half-way.
    const { count } = await tx.submission.updateMany({ where: { id: s.id, status: s.status, version: s.version }, data: { status: "WITHDRAWN", version: { increment: 1 } } });
    if (count !== 1) throw new Error("a contribution changed while the account was being deleted; retrying");
    await tx.moderationEvent.create({ data: { targetType: "SUBMISSION", submissionId: s.id, actorId: null, action: "WITHDRAW", fromStatus: s.status, toStatus: "WITHDRAWN", reason: "accountDeleted", createdAt: now } });
    contributions++;
  }
  const comments = await tx.comment.findMany({ where: { authorId: userId, status: { in: [...WITHDRAWN_COMMENTS] } }, select: { id: true, status: true, version: true } });
  for (const c of comments) {
    const { count } = await tx.comment.updateMany({ where: { id: c.id, status: c.status, version: c.version }, data: { status: "WITHDRAWN", version: { increment: 1 } } });
    if (count !== 1) throw new Error("a comment changed while the account was being deleted; retrying");
    await tx.moderationEvent.create({ data: { targetType: "COMMENT", commentId: c.id, actorId: null, action: "WITHDRAW", fromStatus: c.status, toStatus: "WITHDRAWN", reason: "accountDeleted", createdAt: now } });
  }
  return { contributions, comments: comments.length };
}

/**
 * Deletes the signed-in person's account after checking their password. `attribution: "anonymous"` removes their
 * name (and organisation) from what stays published; "keep" leaves the snapshot as it was published.
 */
export async function deleteAccount(actor: Actor | null, raw: unknown): Promise<Result<DeletionSummary>> {
  if (!actor) return fail("signInRequired", undefined, 401);
  const parsed = DeleteAccountSchema.safeParse(raw);
  if (!parsed.success) return fail("invalidInput", fieldErrorsOf(parsed.error));
  const { password, attribution } = parsed.data;
  const account = await db.user.findUnique({ where: { id: actor.id }, select: { id: true, passwordHash: true } });
  if (!account) return fail("signInRequired", undefined, 401);
  if (!(await verifyPassword(account.passwordHash, password))) return fail("invalidInput", { password: ["wrongPassword"] }, 400);

  const outcome = await withTransaction(async (tx): Promise<Result<DeletionSummary & { keys: string[] }>> => {
    // The same lock as role changes: the last administrator cannot delete themselves while another is demoted.
    await lockKey(tx, "roles", "all");
    const user = await tx.user.findUnique({ where: { id: actor.id }, select: { id: true, role: true, email: true } });
    if (!user) return fail("signInRequired", undefined, 401);
    if (user.role === "ADMIN" && (await tx.user.count({ where: { role: "ADMIN" } })) <= 1) return fail("lastAdmin", { form: ["lastAdmin"] }, 409);
    const now = await databaseNow(tx);

    const drafts = await tx.submission.findMany({ where: { authorId: user.id, status: "DRAFT" }, select: { id: true, attachments: { select: { storageKey: true } } } });
    if (drafts.length) await tx.submission.deleteMany({ where: { id: { in: drafts.map((d) => d.id) }, status: "DRAFT" } });
    const withdrawn = await withdrawAll(tx, user.id, now);

    if (attribution === "anonymous") {
      await tx.submission.updateMany({ where: { authorId: user.id }, data: { visibility: "PUBLIC_ANONYMOUS", contributorName: "", organisationName: null, organisationId: null, gender: null } });
      await tx.comment.updateMany({ where: { authorId: user.id }, data: { anonymous: true, authorName: "", organisationName: null, gender: null } });
    }
    const keptContributions = await tx.submission.count({ where: { authorId: user.id, status: { in: ["PUBLISHED", "HIDDEN"] } } });
    const keptComments = await tx.comment.count({ where: { authorId: user.id, status: { in: ["PUBLISHED", "HIDDEN"] } } });
    // The account link goes; the snapshots stay (SetNull would do it too, but saying it here keeps the rule in one place).
    await tx.submission.updateMany({ where: { authorId: user.id }, data: { authorId: null } });
    await tx.comment.updateMany({ where: { authorId: user.id }, data: { authorId: null } });
    // Earlier audit entries about the account keep what was done, not the address it was done to.
    await tx.$executeRaw`UPDATE "AuditEvent" SET details = details::jsonb - 'email' - 'name' WHERE "entityType" = 'User' AND "entityId" = ${user.id} AND details IS NOT NULL AND jsonb_typeof(details::jsonb) = 'object'`;
    const summary: DeletionSummary = { draftsDeleted: drafts.length, withdrawn, kept: { contributions: keptContributions, comments: keptComments }, attribution };
    await recordAudit(tx, { actorId: null, action: "account.delete", entityType: "User", entityId: user.id, details: { ...summary } });
    // The outbox keeps no copy of the address or of what was sent to it (a delivery job still waiting finds no row and stops).
    await tx.emailMessage.deleteMany({ where: { OR: [{ userId: user.id }, { toAddress: user.email }] } });
    // Notifications, follows, preferences and opt-outs go with the row (cascade); versions and moderation keep a null author.
    await tx.user.delete({ where: { id: user.id } });
    return ok({ ...summary, keys: drafts.flatMap((d) => d.attachments.map((a) => a.storageKey)) });
  });
  if (!outcome.ok) return outcome;
  const { keys, ...summary } = outcome.data;
  for (const key of keys) await storage().delete(key).catch(() => undefined);
  return ok(summary);
}
