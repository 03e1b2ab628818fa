// notifications: in-app messages to authors about what happened to their inputs, with an unread count.
import { db, type Tx } from "../db/client";
import { z } from "zod";
import { decodeTimeCursor, encodeTimeCursor } from "../db/time-cursor";

/** Where an author follows up on a contribution; the "My contributions" page of the contributions concern. */
export const MY_CONTRIBUTIONS_PATH = "/my/contributions";

export const NOTIFICATION_KINDS = [
  "published",
  "held",
  "rejected",
  "changesRequested",
  "hidden",
  "restored",
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/**
 * The stored message is JSON parameters, not prose: the page renders it in the reader's language
 * from notifications.kinds.<target>.<kind>.
 */
const ParamsSchema = z.object({
  target: z.enum(["SUBMISSION", "COMMENT"]),
  title: z.string(),
  reference: z.string().nullish(),
  reason: z.string().nullish(),
});
export type NotificationParams = z.infer<typeof ParamsSchema>;

export async function notify(
  tx: Tx,
  input: { userId: string | null; kind: NotificationKind; params: NotificationParams; link?: string | null },
): Promise<void> {
  // Imported inputs and deleted accounts have no author to tell.
  if (!input.userId) return;
  await tx.notification.create({
    data: { userId: input.userId, kind: input.kind, message: JSON.stringify(input.params), link: input.link ?? null },
  });
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

function parseParams(message: string): NotificationParams | null {
  try {
    const parsed = ParamsSchema.safeParse(JSON.parse(message));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
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
      params: parseParams(n.message),
      link: n.link,
      read: n.readAt !== null,
      createdAt: n.createdAt,
    })),
    nextCursor: rows.length > PAGE && last ? encodeTimeCursor(last) : null,
  };
}


/** Marks one (when id is given) or all of the user's notifications read; only ever the user's own. */
export async function markNotificationsRead(userId: string, id?: string): Promise<number> {
  const { count } = await db.notification.updateMany({ where: { userId, readAt: null, ...(id ? { id } : {}) }, data: { readAt: new Date() } });
  return count;
}
