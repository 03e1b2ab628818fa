// notifications: in-app messages about what happened to a person's inputs, replies and the consultations they follow,
// each also sent by e-mail (one by one or in a daily digest) as their preferences say. How to add a kind: kinds.ts.
import "server-only";
import { db, type Tx } from "../db/client";
import { databaseNow } from "../db/transaction";
import { decodeTimeCursor, encodeTimeCursor } from "../db/time-cursor";
import { queueNotificationEmail } from "./email";
import { NOTIFICATION_KINDS, parseNotificationParams, type NotificationKind, type NotificationParams } from "./kinds";
import { emailDecision, recipientsOf } from "./preferences";

export { NOTIFICATION_KINDS, type NotificationKind, type NotificationParams };

/** Where an author follows up on a contribution; the "My contributions" page of the contributions concern. */
export const MY_CONTRIBUTIONS_PATH = "/my/contributions";

export interface NotifyInput {
  /** null for inputs nobody signed (imports) or whose author deleted their account: nobody to tell */
  userId: string | null;
  kind: NotificationKind;
  params: NotificationParams;
  /** a same-origin path, e.g. /my/contributions/<id> */
  link?: string | null;
  /**
   * At most one notification per key and person, however often (or by however many workers) it is raised, e.g.
   * `closing:<consultationId>`. A repeat writes nothing and sends nothing.
   */
  dedupeKey?: string | null;
}

export interface RaisedNotification {
  id: string;
  userId: string;
  kind: NotificationKind;
  email: "NONE" | "QUEUED" | "DIGEST";
}

/**
 * Raises notifications inside the caller's transaction: the in-app rows, and for each, per the person's preferences,
 * its e-mail queued now, its place in tomorrow's digest, or nothing. Returns the ones actually written (repeats of a
 * dedupeKey are left out).
 */
export async function notifyMany(tx: Tx, inputs: readonly NotifyInput[]): Promise<RaisedNotification[]> {
  const wanted = inputs.filter((input): input is NotifyInput & { userId: string } => input.userId !== null);
  if (wanted.length === 0) return [];
  const recipients = await recipientsOf(tx, [...new Set(wanted.map((input) => input.userId))]);
  const rows = await tx.notification.createManyAndReturn({
    data: wanted.map((input) => ({
      userId: input.userId,
      kind: input.kind,
      message: JSON.stringify(input.params),
      link: input.link ?? null,
      dedupeKey: input.dedupeKey ?? null,
      email: emailDecision(recipients.get(input.userId)?.preferences ?? { emailOff: [], allEmailOff: false, delivery: "IMMEDIATE" }, input.kind),
    })),
    // ON CONFLICT DO NOTHING: a concurrent or repeated raise of the same dedupeKey waits for the first and is skipped.
    skipDuplicates: true,
    select: { id: true, userId: true, kind: true, email: true, message: true, link: true, createdAt: true },
  });
  const raised: RaisedNotification[] = [];
  for (const row of rows) {
    const kind = row.kind as NotificationKind;
    const email = row.email === "QUEUED" || row.email === "DIGEST" ? row.email : "NONE";
    const recipient = recipients.get(row.userId);
    if (email === "QUEUED" && recipient) {
      const params = parseNotificationParams(row.message);
      if (params) await queueNotificationEmail(tx, { notificationId: row.id, userId: row.userId, kind, params, link: row.link, createdAt: row.createdAt }, recipient);
    }
    raised.push({ id: row.id, userId: row.userId, kind, email });
  }
  return raised;
}

/** One notification; see notifyMany. Returns null when nothing was written (nobody to tell, or a repeat). */
export async function notify(tx: Tx, input: NotifyInput): Promise<RaisedNotification | null> {
  const [raised] = await notifyMany(tx, [input]);
  return raised ?? null;
}

export async function unreadNotificationCount(userId: string): Promise<number> {
  return db.notification.count({ where: { userId, readAt: null } });
}

export interface NotificationView {
  id: string;
  kind: NotificationKind | "unknown";
  params: NotificationParams | null;
  link: string | null;
  read: boolean;
  createdAt: Date;
}

const PAGE = 30;

/** Newest first, keyset-paged on (createdAt, id). */
export async function listNotifications(userId: string, cursor?: string | null): Promise<{ items: NotificationView[]; nextCursor: string | null }> {
  const after = decodeTimeCursor(cursor);
  const rows = await db.notification.findMany({
    where: {
      userId,
      ...(after ? { OR: [{ createdAt: { lt: after.at } }, { createdAt: after.at, id: { lt: after.id } }] } : {}),
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: PAGE + 1,
  });
  const page = rows.slice(0, PAGE);
  const last = page.at(-1);
  return {
    items: page.map((n) => ({
      id: n.id,
      kind: (NOTIFICATION_KINDS as readonly string[]).includes(n.kind) ? (n.kind as NotificationKind) : "unknown",
      params: parseNotificationParams(n.message),
      link: n.link,
      read: n.readAt !== null,
      createdAt: n.createdAt,
    })),
    nextCursor: rows.length > PAGE && last ? encodeTimeCursor(last) : null,
  };
}

/** Marks one (when id is given) or all of the user's notifications read; only ever the user's own. */
export async function markNotificationsRead(userId: string, id?: string): Promise<number> {
  const { count } = await db.notification.updateMany({ where: { userId, readAt: null, ...(id ? { id } : {}) }, data: { readAt: await databaseNow(db) } });
  return count;
}
