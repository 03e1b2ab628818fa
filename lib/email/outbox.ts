// The outbox as an admin reads it at /secretariat/outbox: every message, filterable, newest first, keyset pages.
// Admins only: without SMTP the outbox is where sign-up and reset links are read, so the secretariat role is not enough.
import "server-only";
import { z } from "zod";
import { db } from "../db/client";
import { withTransaction } from "../db/transaction";
import type { Prisma } from "../db/generated/client";
import { EmailStatus } from "../db/generated/enums";
import { hasRole, type Actor } from "../auth/session-roles";
import { recordAudit } from "../audit/log";
import { decodeTimeCursor, encodeTimeCursor } from "../db/time-cursor";
import { fail, ok, type Result } from "../result";
import { enqueueJob } from "../jobs/queue";
import { mailConfig } from "./config";
import { queueEmail } from "./queue";
import { listUnsubscribeHeaders } from "./unsubscribe";
import { DELIVERY_ATTEMPTS } from "./tasks";
import { EMAIL_TEMPLATES, emailTemplate } from "./templates";

export const OUTBOX_PAGE = 50;
export const EMAIL_STATUSES = Object.values(EmailStatus);

const blank = (v: unknown) => (v === "" || v === null ? undefined : v);
export const OutboxFilterSchema = z.object({
  status: z.preprocess(blank, z.enum(EmailStatus).optional()),
  template: z.preprocess(blank, z.string().max(80).regex(/^[\w.-]+$/).optional()),
  to: z.preprocess(blank, z.string().trim().max(254).optional()),
  cursor: z.preprocess(blank, z.string().max(200).optional()),
});
export type OutboxFilter = z.infer<typeof OutboxFilterSchema>;

function canReadOutbox(actor: Actor | null | undefined): actor is Actor {
  return hasRole(actor, "ADMIN");
}

export async function listOutbox(actor: Actor | null, raw: unknown) {
  if (!canReadOutbox(actor)) return null;
  const parsed = OutboxFilterSchema.safeParse(raw);
  const filter: OutboxFilter = parsed.success ? parsed.data : {};
  const after = decodeTimeCursor(filter.cursor);
  const where: Prisma.EmailMessageWhereInput = {
    ...(filter.status ? { status: filter.status } : {}),
    ...(filter.template ? { template: filter.template } : {}),
    ...(filter.to ? { toAddress: { contains: filter.to.toLowerCase() } } : {}),
    ...(after ? { OR: [{ createdAt: { lt: after.at } }, { createdAt: after.at, id: { lt: after.id } }] } : {}),
  };
  const rows = await db.emailMessage.findMany({
    where,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: OUTBOX_PAGE + 1,
    select: { id: true, createdAt: true, status: true, toAddress: true, subject: true, template: true, attempts: true, sentAt: true, lastError: true },
  });
  const page = rows.slice(0, OUTBOX_PAGE);
  const last = page.at(-1);
  return {
    rows: page,
    nextCursor: rows.length > OUTBOX_PAGE && last ? encodeTimeCursor(last) : null,
    filter,
    templates: EMAIL_TEMPLATES.map((template) => template.name),
    smtpConfigured: mailConfig().smtpUrl !== null,
  };
}

export async function getOutboxMessage(actor: Actor | null, id: string) {
  if (!canReadOutbox(actor) || id.length > 64) return null;
  const row = await db.emailMessage.findUnique({ where: { id } });
  if (!row) return null;
  const template = emailTemplate(row.template);
  const headers = row.status === "SUPPRESSED" ? {} : listUnsubscribeHeaders(row, mailConfig());
  return {
    ...row,
    headers,
    /** The body was wiped after delivery because it carried a credential (EmailTemplate.secret). */
    wiped: row.status === "SENT" && template?.secret === true && row.html === null,
  };
}

/** Queues the test message to the admin's own address, to check the mail set-up end to end. */
export async function sendTestMessage(actor: Actor | null): Promise<Result<{ id: string; status: "QUEUED" | "SUPPRESSED" }>> {
  if (!canReadOutbox(actor)) return fail("forbidden", undefined, 403);
  const queued = await withTransaction(async (tx) => {
    const me = await tx.user.findUnique({ where: { id: actor.id }, select: { name: true } });
    const result = await queueEmail(tx, { to: { userId: actor.id }, template: "email.test", params: { requestedBy: me?.name ?? "" } });
    await recordAudit(tx, { actorId: actor.id, action: "email.test", entityType: "EmailMessage", entityId: result.id });
    return result;
  });
  return ok({ id: queued.id, status: queued.status });
}

/** Puts a FAILED message back in the queue (after the SMTP set-up was fixed, say). Conditional on it still being FAILED. */
export async function retryMessage(actor: Actor | null, id: string): Promise<Result<{ id: string }>> {
  if (!canReadOutbox(actor)) return fail("forbidden", undefined, 403);
  const retried = await withTransaction(async (tx) => {
    const updated = await tx.emailMessage.updateMany({ where: { id, status: "FAILED" }, data: { status: "QUEUED", attempts: 0, lastError: null, claimedBy: null } });
    if (updated.count !== 1) return false;
    await enqueueJob(tx, "email.deliver", { id }, { jobKey: `email:${id}`, maxAttempts: DELIVERY_ATTEMPTS });
    await recordAudit(tx, { actorId: actor.id, action: "email.retry", entityType: "EmailMessage", entityId: id });
    return true;
  });
  return retried ? ok({ id }) : fail("notRetryable", undefined, 409);
}
