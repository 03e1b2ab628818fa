// notifications: the daily digest, one e-mail a day gathering the notifications of people who chose it.
// Each notification waits as email=DIGEST; one transaction per person marks what it gathers DIGESTED and queues the
// e-mail, so a worker that dies mid-way leaves everything waiting for the retry, and nothing is sent twice.
import "server-only";
import { db } from "../db/client";
import { databaseNow, lockKey, withTransaction } from "../db/transaction";
import { queueDigestEmail } from "./email";
import { isNotificationKind, parseNotificationParams } from "./kinds";
import { emailDecision, getPreferences } from "./preferences";

/** Digests gather what arrived before this hour (UTC) and go out soon after it. */
export const DIGEST_HOUR_UTC = 7;
/** At most this many notifications are spelled out in one digest; the e-mail says how many more wait in-app. */
export const DIGEST_MAX_ITEMS = 100;

/** The latest digest hour at or before `now`: what arrived before it belongs to the digest due now. */
export function digestCutoff(now: Date): Date {
  const cutoff = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), DIGEST_HOUR_UTC));
  if (cutoff > now) cutoff.setUTCDate(cutoff.getUTCDate() - 1);
  return cutoff;
}

/** People with notifications waiting for a digest that is due (arrived before the cutoff), in pages by id. */
export async function usersWithDigestDue(cutoff: Date, after: string | null, limit = 1000): Promise<string[]> {
  const rows = await db.notification.findMany({
    where: { email: "DIGEST", createdAt: { lt: cutoff }, ...(after ? { userId: { gt: after } } : {}) },
    distinct: ["userId"],
    orderBy: { userId: "asc" },
    take: limit,
    select: { userId: true },
  });
  return rows.map((row) => row.userId);
}

export interface DigestOutcome {
  /** notifications gathered into the e-mail (0: no e-mail was queued) */
  sent: number;
  /** notifications left out because their kind, or all notification e-mail, was turned off since */
  skipped: number;
}

/**
 * Sends one person's digest of what arrived before `cutoff`. Idempotent: a second run finds nothing waiting.
 * The person's current preferences decide: a kind turned off since is skipped, and a person who went back to one
 * e-mail per notification still gets what was waiting (nothing is lost in the switch).
 */
export async function sendDigest(userId: string, cutoff: Date): Promise<DigestOutcome> {
  return withTransaction(async (tx) => {
    // Two runs for one person (a retried job next to a new one) queue one e-mail between them.
    await lockKey(tx, "notification-digest", userId);
    const waiting = await tx.notification.findMany({
      where: { userId, email: "DIGEST", createdAt: { lt: cutoff } },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: { id: true, kind: true, message: true, link: true, createdAt: true },
    });
    if (waiting.length === 0) return { sent: 0, skipped: 0 };
    const preferences = await getPreferences(userId, tx);
    const wanted = (kind: string) => isNotificationKind(kind) && emailDecision({ ...preferences, delivery: "DAILY" }, kind) !== "NONE";
    const keep = waiting.filter((n) => wanted(n.kind));
    const skip = waiting.filter((n) => !wanted(n.kind));
    if (skip.length) await tx.notification.updateMany({ where: { id: { in: skip.map((n) => n.id) }, email: "DIGEST" }, data: { email: "SKIPPED" } });
    if (keep.length === 0) return { sent: 0, skipped: skip.length };
    const { count } = await tx.notification.updateMany({ where: { id: { in: keep.map((n) => n.id) }, email: "DIGEST" }, data: { email: "DIGESTED" } });
    if (count !== keep.length) throw new Error(`digest for ${userId}: ${keep.length - count} notification(s) changed meanwhile; retrying`);
    const items = keep.flatMap((n) => {
      const params = parseNotificationParams(n.message);
      return params && isNotificationKind(n.kind) ? [{ notificationId: n.id, kind: n.kind, params, link: n.link, createdAt: n.createdAt }] : [];
    });
    await queueDigestEmail(tx, userId, { items: items.slice(0, DIGEST_MAX_ITEMS), total: items.length });
    return { sent: keep.length, skipped: skip.length };
  });
}

/** The cutoff of the digest due now, by the database clock. */
export async function currentDigestCutoff(): Promise<Date> {
  return digestCutoff(await databaseNow(db));
}
