// notifications: the e-mails of notifications, one by one or as a daily digest, queued through the app's one e-mail
// outbox (lib/email) in the transaction that raises (or gathers) them. Templates: lib/email/templates/notification*.tsx.
import "server-only";
import type { Tx } from "../db/client";
import { queueEmail } from "../email/queue";
import type { NotificationKind, NotificationParams } from "./kinds";

export interface NotificationEmail {
  notificationId: string;
  userId: string;
  kind: NotificationKind;
  params: NotificationParams;
  link: string | null;
  createdAt: Date;
}

export interface DigestEmail {
  /** the notifications spelled out, oldest first (at most DIGEST_MAX_ITEMS) */
  items: readonly Omit<NotificationEmail, "userId">[];
  /** how many the digest gathers in all; more than items.length when some are only counted */
  total: number;
}

/**
 * Queues the e-mail of one notification, inside the transaction that raised it: the outbox row and its delivery job
 * exist if and only if the notification does. Its category is "notifications.<kind>": the e-mail's unsubscribe link
 * turns that kind off on the person's preferences.
 */
export async function queueNotificationEmail(tx: Tx, email: NotificationEmail): Promise<void> {
  await queueEmail(tx, {
    to: { userId: email.userId },
    template: "notifications.notification",
    category: `notifications.${email.kind}`,
    params: { kind: email.kind, params: email.params, link: email.link, at: email.createdAt.toISOString() },
  });
}

/** Queues one digest e-mail, inside the transaction that marks its notifications DIGESTED ("notifications": all of them). */
export async function queueDigestEmail(tx: Tx, userId: string, digest: DigestEmail): Promise<void> {
  await queueEmail(tx, {
    to: { userId },
    template: "notifications.digest",
    category: "notifications",
    params: {
      total: digest.total,
      items: digest.items.map((item) => ({ kind: item.kind, params: item.params, link: item.link, at: item.createdAt.toISOString() })),
    },
  });
}
