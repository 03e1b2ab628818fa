// notifications: the e-mails of notifications, one by one or as a daily digest, queued through the app's one e-mail
// outbox (lib/email) in the transaction that raises (or gathers) them. Templates: lib/email/templates/notification*.tsx.
import "server-only";
import type { Tx } from "../db/client";
import { queueEmail } from "../email/queue";
import { wantsEmailGiven } from "../email/preferences";
import type { NotificationRecipient } from "./preferences";
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
export async function queueNotificationEmail(tx: Tx, email: NotificationEmail, recipient?: NotificationRecipient): Promise<void> {
  const category = `notifications.${email.kind}`;
  // With the recipient as notifyMany read it: the same decision as the "notifications" category handler's
  // (lib/email/categories.ts), without reading the preferences a second time.
  const ownerWants = recipient ? !recipient.preferences.allEmailOff && !(recipient.preferences.emailOff as string[]).includes(email.kind) : true;
  await queueEmail(tx, {
    to: recipient ? { account: { id: email.userId, email: recipient.email, locale: recipient.locale }, wants: wantsEmailGiven(recipient.optOuts, category, ownerWants) } : { userId: email.userId },
    template: "notifications.notification",
    category,
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
