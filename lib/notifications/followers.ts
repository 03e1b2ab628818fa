// notifications: telling the followers of a consultation that it opened, closes in 48 hours, or published its synthesis.
// Raised in batches by jobs (lib/notifications/tasks.ts). Each follower is told once per event: the notification's
// dedupe key is unique per person, so a job run twice, or by two workers at once, writes and sends nothing twice.
import "server-only";
import { db } from "../db/client";
import { databaseNow, withTransaction } from "../db/transaction";
import type { NotificationKind, NotificationParams } from "./kinds";
import { notifyMany } from "./service";

/** The reminder goes out this long before contributions close. */
export const CLOSING_REMINDER_MS = 48 * 3600_000;
const BATCH = 500;

export interface FollowerEvent {
  consultationId: string;
  kind: NotificationKind;
  dedupeKey: string;
  params: NotificationParams;
  link: string;
  /** only people who followed before this instant (e.g. "it opened" is news only to those who followed earlier) */
  followedBefore?: Date;
}

/** Raises one event for every follower not yet told, 500 per transaction; returns how many were told now. */
export async function notifyFollowers(event: FollowerEvent): Promise<number> {
  let told = 0;
  for (;;) {
    const batch = await withTransaction(async (tx) => {
      const followers = await tx.consultationFollow.findMany({
        where: {
          consultationId: event.consultationId,
          ...(event.followedBefore ? { createdAt: { lt: event.followedBefore } } : {}),
          user: { notifications: { none: { dedupeKey: event.dedupeKey } } },
        },
        orderBy: { userId: "asc" },
        take: BATCH,
        select: { userId: true },
      });
      const raised = await notifyMany(
        tx,
        followers.map((f) => ({ userId: f.userId, kind: event.kind, params: event.params, link: event.link, dedupeKey: event.dedupeKey })),
      );
      return { seen: followers.length, raised: raised.length };
    });
    told += batch.raised;
    if (batch.seen < BATCH) return told;
  }
}

const consultationPath = (slug: string) => `/consultations/${slug}`;

export interface ReminderOutcome {
  opened: number;
  closing: number;
}

/**
 * The scheduled pass (every 15 minutes): for each published consultation whose contributions are open, tells the
 * followers who followed before it opened that it is open, and, once its close is 48 hours away or less, that it is
 * about to close. Keys are per consultation, so each follower hears each of these once.
 */
export async function sendFollowerReminders(): Promise<ReminderOutcome> {
  const now = await databaseNow(db);
  const open = await db.consultation.findMany({
    where: { status: "PUBLISHED", contributionsOpenAt: { lte: now }, contributionsCloseAt: { gt: now }, followers: { some: {} } },
    select: { id: true, slug: true, title: true, contributionsOpenAt: true, contributionsCloseAt: true },
    take: 1000,
  });
  const outcome: ReminderOutcome = { opened: 0, closing: 0 };
  for (const c of open) {
    if (!c.contributionsOpenAt || !c.contributionsCloseAt) continue;
    const params = { title: c.title, at: c.contributionsCloseAt.toISOString() };
    outcome.opened += await notifyFollowers({
      consultationId: c.id, kind: "consultationOpened", dedupeKey: `opened:${c.id}`, params, link: consultationPath(c.slug), followedBefore: c.contributionsOpenAt,
    });
    if (c.contributionsCloseAt.getTime() - now.getTime() <= CLOSING_REMINDER_MS) {
      outcome.closing += await notifyFollowers({ consultationId: c.id, kind: "consultationClosing", dedupeKey: `closing:${c.id}`, params, link: consultationPath(c.slug) });
    }
  }
  return outcome;
}

/** After the secretariat publishes synthesis snapshot N: tells the followers, unless it was unpublished meanwhile. */
export async function announceSynthesis(consultationId: string, number: number): Promise<number> {
  const snapshot = await db.synthesisDraft.findUnique({
    where: { consultationId_number: { consultationId, number } },
    select: { published: true, consultation: { select: { slug: true, title: true, status: true } } },
  });
  if (!snapshot?.published || snapshot.consultation.status !== "PUBLISHED") return 0;
  return notifyFollowers({
    consultationId, kind: "synthesisPublished", dedupeKey: `synthesis:${consultationId}:${number}`,
    params: { title: snapshot.consultation.title }, link: `${consultationPath(snapshot.consultation.slug)}#synthesis-heading`,
  });
}
