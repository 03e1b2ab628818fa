// notifications: the e-mails of notifications, one by one or as a daily digest, queued through the app's e-mail outbox.
import "server-only";
import type { Tx } from "../db/client";
import type { NotificationKind, NotificationParams } from "./kinds";

export interface NotificationEmail {
  notificationId: string;
  userId: string;
  kind: NotificationKind;
  params: NotificationParams;
  link: string | null;
}

export interface DigestEmail {
  /** the notifications spelled out, oldest first (at most DIGEST_MAX_ITEMS) */
  items: readonly (Omit<NotificationEmail, "userId"> & { createdAt: Date })[];
  /** how many the digest gathers in all; more than items.length when some are only counted */
  total: number;
  /** what arrived before this instant is in the digest */
  cutoff: Date;
}

/**
 * Queues the e-mail of one notification, inside the transaction that raised it (so it exists if and only if the
 * notification does). The seam to the e-mail component (issue 9, part A): until its outbox is on main, the
 * notification is marked email=QUEUED and nothing is written here.
 */
export async function queueNotificationEmail(_tx: Tx, _email: NotificationEmail): Promise<void> {}

/** Queues one digest e-mail, inside the transaction that marks its notifications DIGESTED. */
export async function queueDigestEmail(_tx: Tx, _userId: string, _digest: DigestEmail): Promise<void> {}
