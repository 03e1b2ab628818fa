// comments (reads): what the public sees on a draft — published comments, "withdrawn" markers where replies
// need context, hidden comments as the secretariat's notice (never their text), and the viewer's own comments
// awaiting moderation — plus counts per paragraph and group.
import "server-only";
import { db } from "../db/client";
import { CommentStatus, type StakeholderGroup } from "../db/generated/enums";
import type { Prisma } from "../db/generated/client";
import { renderMarkdown } from "../markdown/render";
import { publicViewOf } from "../moderation/public";
import { dispositionViewOf, dispositionViewSelect, type DispositionRowForView, type DispositionView } from "../dispositions/view";
import { orderComments } from "./order";
import type { CommentOrder } from "./schema";

/** The most comments shown on one paragraph; beyond it the thread says how many more exist. */
export const THREAD_LIMIT = 500;

export type GroupCounts = Partial<Record<StakeholderGroup, number>>;

/** Published comments (replies included) per anchor and stakeholder group; "" is the whole draft. */
export async function commentCounts(draftId: string): Promise<Map<string, GroupCounts>> {
  const rows = await db.comment.groupBy({
    by: ["anchorId", "stakeholderGroup"],
    where: { draftId, status: CommentStatus.PUBLISHED },
    _count: { _all: true },
  });
  const out = new Map<string, GroupCounts>();
  for (const row of rows) {
    const key = row.anchorId ?? "";
    const counts = out.get(key) ?? {};
    counts[row.stakeholderGroup] = row._count._all;
    out.set(key, counts);
  }
  return out;
}

export function totalOf(counts: GroupCounts | undefined): number {
  return Object.values(counts ?? {}).reduce((a, b) => a + (b ?? 0), 0);
}

export type VisibleState = "published" | "pending" | "withdrawn" | "hidden";

export interface CommentView {
  id: string;
  state: VisibleState;
  mine: boolean;
  /** the author deleted their account and chose to leave their comments without their name */
  anonymous: boolean;
  authorName: string;
  organisationName: string | null;
  stakeholderGroup: StakeholderGroup;
  country: string;
  createdAt: Date;
  edited: boolean;
  version: number;
  /** sanitised HTML; empty for withdrawn and hidden comments */
  bodyHtml: string;
  /** the secretariat's public reason ("" when none); null unless hidden */
  hiddenReason: string | null;
  /** Markdown source, only for the author's own edit form */
  body: string | null;
  proposedText: string | null;
  /** the paragraph text the comment was written against, for the proposal diff */
  paragraphText: string | null;
  paragraphNumber: number | null;
  versionNumber: number | null;
  anchorId: string | null;
  /** the secretariat's answer (lib/dispositions), on published comments that open a thread */
  disposition: DispositionView | null;
  replies: CommentView[];
}

function visibleTo(viewerId: string | null): Prisma.CommentWhereInput {
  // Hidden comments stay in their thread as a notice: a reply must not lose what it answered, and nothing vanishes silently.
  const or: Prisma.CommentWhereInput[] = [{ status: { in: [CommentStatus.PUBLISHED, CommentStatus.HIDDEN] } }];
  if (viewerId) or.push({ authorId: viewerId, status: { in: [CommentStatus.PENDING, CommentStatus.HELD_FOR_BALANCE] } });
  return { OR: or };
}

const viewInclude = {
  paragraph: { select: { number: true, text: true } },
  draftVersion: { select: { number: true } },
} as const;

type Row = Prisma.CommentGetPayload<{ include: typeof viewInclude }>;

function toView(row: Row, viewerId: string | null, replies: CommentView[], dispositions: DispositionRowForView[] = []): CommentView {
  const withdrawn = row.status === CommentStatus.WITHDRAWN;
  const view = publicViewOf(row);
  const mine = viewerId !== null && row.authorId === viewerId;
  return {
    id: row.id,
    state: withdrawn ? "withdrawn" : view.hidden ? "hidden" : row.status === CommentStatus.PUBLISHED ? "published" : "pending",
    mine,
    anonymous: row.anonymous,
    authorName: withdrawn || row.anonymous ? "" : row.authorName,
    organisationName: withdrawn || row.anonymous ? null : row.organisationName,
    stakeholderGroup: row.stakeholderGroup,
    country: row.country,
    createdAt: row.createdAt,
    edited: row.revision > 1,
    version: row.version,
    bodyHtml: withdrawn || view.hidden ? "" : renderMarkdown(row.body),
    hiddenReason: view.hidden ? view.reason : null,
    body: mine && !withdrawn && !view.hidden ? row.body : null,
    proposedText: withdrawn || view.hidden ? null : row.proposedText,
    paragraphText: row.paragraph?.text ?? null,
    paragraphNumber: row.paragraph?.number ?? null,
    versionNumber: row.draftVersion?.number ?? null,
    anchorId: row.anchorId,
    disposition: row.status === CommentStatus.PUBLISHED ? dispositionViewOf(dispositions, row.revision) : null,
    replies,
  };
}

async function threads(where: Prisma.CommentWhereInput, viewerId: string | null, order: CommentOrder) {
  const tops = await db.comment.findMany({
    where: { ...where, parentId: null, OR: [...(visibleTo(viewerId).OR ?? []), { status: CommentStatus.WITHDRAWN }] },
    include: {
      ...viewInclude,
      replies: { where: visibleTo(viewerId), include: viewInclude, orderBy: [{ createdAt: "asc" }, { id: "asc" }] },
      dispositions: { select: dispositionViewSelect, orderBy: { revision: "desc" } },
    },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: THREAD_LIMIT,
  });
  const views = tops
    // A withdrawn comment stays only as the context of its replies.
    .filter((c) => c.status !== CommentStatus.WITHDRAWN || c.replies.length > 0)
    .map((c) => toView(c, viewerId, c.replies.map((r) => toView(r, viewerId, [])), c.dispositions));
  return { comments: orderComments(views, order), truncated: tops.length === THREAD_LIMIT };
}

/** The thread on one paragraph (by anchor, across versions) or, with anchorId null, on the whole draft. */
export async function listThread(draftId: string, anchorId: string | null, viewerId: string | null, order: CommentOrder) {
  return threads({ draftId, anchorId: anchorId ?? null }, viewerId, order);
}

/** The viewer's own comments in that thread (with their replies): what a collapsed thread still shows its author. */
export async function listOwnThread(draftId: string, anchorId: string | null, viewerId: string, order: CommentOrder) {
  return threads({ draftId, anchorId: anchorId ?? null, authorId: viewerId }, viewerId, order);
}

/** Threads on paragraphs the current version no longer has: they stay readable, marked with their version. */
export async function listThreadsOnRemovedParagraphs(draftId: string, currentAnchors: string[], viewerId: string | null, order: CommentOrder) {
  const { comments, truncated } = await threads({ draftId, anchorId: { not: null, notIn: currentAnchors } }, viewerId, order);
  return { comments, truncated };
}
