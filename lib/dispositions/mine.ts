// An author's own comments on drafts with what became of each: its status and the secretariat's current answer.
import "server-only";
import { db } from "../db/client";
import { decodeTimeCursor, encodeTimeCursor } from "../db/time-cursor";
import { dispositionViewOf, dispositionViewSelect, type DispositionView } from "./view";

export const MY_COMMENTS_PAGE = 50;

export interface MyComment {
  id: string;
  status: string;
  body: string;
  createdAt: Date;
  consultation: { slug: string; title: string };
  draft: { slug: string; title: string };
  versionNumber: number | null;
  paragraphNumber: number | null;
  anchorId: string | null;
  isReply: boolean;
  disposition: DispositionView | null;
  /** the draft's latest version still has the paragraph (where the comment is read in context) */
  anchorInLatest: boolean;
  latestVersion: number;
}

/** Newest first, keyset-paged on (createdAt, id); only the author's own. */
export async function listMyComments(userId: string, cursor?: string | null): Promise<{ items: MyComment[]; nextCursor: string | null }> {
  const after = decodeTimeCursor(cursor);
  const rows = await db.comment.findMany({
    where: {
      authorId: userId, draftId: { not: null },
      ...(after ? { OR: [{ createdAt: { lt: after.at } }, { createdAt: after.at, id: { lt: after.id } }] } : {}),
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: MY_COMMENTS_PAGE + 1,
    include: {
      consultation: { select: { slug: true, title: true } },
      draft: { select: { id: true, slug: true, title: true, versions: { orderBy: { number: "desc" }, take: 1, select: { id: true, number: true } } } },
      draftVersion: { select: { number: true } },
      paragraph: { select: { number: true } },
      dispositions: { select: dispositionViewSelect, orderBy: { revision: "desc" } },
    },
  });
  const page = rows.slice(0, MY_COMMENTS_PAGE);
  const latestIds = [...new Set(page.flatMap((r) => (r.draft?.versions[0] ? [r.draft.versions[0].id] : [])))];
  const anchors = latestIds.length
    ? await db.paragraph.findMany({ where: { versionId: { in: latestIds }, anchorId: { in: page.flatMap((r) => (r.anchorId ? [r.anchorId] : [])) } }, select: { versionId: true, anchorId: true } })
    : [];
  const present = new Set(anchors.map((a) => `${a.versionId}:${a.anchorId}`));
  const last = page.at(-1);
  return {
    items: page.flatMap((r): MyComment[] => (r.draft ? [{
      id: r.id, status: r.status, body: r.body, createdAt: r.createdAt, consultation: r.consultation, draft: { slug: r.draft.slug, title: r.draft.title },
      versionNumber: r.draftVersion?.number ?? null, paragraphNumber: r.paragraph?.number ?? null, anchorId: r.anchorId, isReply: r.parentId !== null,
      disposition: r.status === "PUBLISHED" ? dispositionViewOf(r.dispositions, r.revision) : null,
      anchorInLatest: r.anchorId !== null && present.has(`${r.draft.versions[0]?.id ?? ""}:${r.anchorId}`),
      latestVersion: r.draft.versions[0]?.number ?? 0,
    }] : [])),
    nextCursor: rows.length > MY_COMMENTS_PAGE && last ? encodeTimeCursor(last) : null,
  };
}
