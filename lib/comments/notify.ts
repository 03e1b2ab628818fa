// comments: telling the author of a comment that a reply to it is public (on first publication only).
import "server-only";
import type { Tx } from "../db/client";
import { excerpt } from "../notifications/kinds";
import { notify } from "../notifications/service";

/**
 * Call in the transaction that makes a comment PUBLISHED. When it is a reply, its parent's author hears of it once
 * (the dedupe key is the reply): a reply published again after an edit or a restore is not news. A reply to oneself
 * notifies nobody; neither does a reply to an account that was deleted.
 */
export async function notifyReplyPublished(tx: Tx, commentId: string): Promise<void> {
  const reply = await tx.comment.findUnique({
    where: { id: commentId },
    select: {
      id: true, status: true, authorId: true, authorName: true, anonymous: true, anchorId: true,
      parent: { select: { authorId: true, body: true, status: true } },
      draft: { select: { slug: true, title: true } },
      consultation: { select: { slug: true, title: true } },
    },
  });
  const parent = reply?.parent;
  if (!reply || !parent || reply.status !== "PUBLISHED" || !parent.authorId || parent.authorId === reply.authorId) return;
  const base = reply.draft ? `/consultations/${reply.consultation.slug}/drafts/${reply.draft.slug}` : `/consultations/${reply.consultation.slug}`;
  const link = reply.draft ? `${base}${reply.anchorId ? `?p=${encodeURIComponent(reply.anchorId)}` : ""}#discussion` : base;
  await notify(tx, {
    userId: parent.authorId,
    kind: "reply",
    params: { target: "COMMENT", title: excerpt(parent.body), by: reply.anonymous ? null : reply.authorName, consultation: reply.draft?.title ?? reply.consultation.title },
    link,
    dedupeKey: `reply:${reply.id}`,
  });
}
