// A list of comments with the ordering switch; used for a paragraph, the whole draft and removed paragraphs.
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { CommentView } from "@/lib/comments/queries";
import { COMMENT_ORDERS, type CommentOrder } from "@/lib/comments/schema";
import { CommentItem, type ThreadActions } from "./comment-item";

interface Props {
  comments: CommentView[];
  truncated: boolean;
  order: CommentOrder;
  /** builds the link that switches the order */
  orderHref: (order: CommentOrder) => string;
  draftId: string;
  currentVersion: number;
  canWrite: boolean;
  actions: ThreadActions;
  label: string;
  /** the draft's public page, to link the paragraphs answers point to */
  draftBase?: string;
}

export async function CommentThread({ comments, truncated, order, orderHref, draftId, currentVersion, canWrite, actions, label, draftBase }: Props) {
  const t = await getTranslations("comments");
  return (
    <div className="space-y-3">
      {comments.length > 1 ? (
        <nav aria-label={`${t("order")}: ${label}`} className="flex flex-wrap items-center gap-2 text-sm">
          <span className="text-stone-700">{t("order")}:</span>
          {COMMENT_ORDERS.map((o) => (
            <Link key={o} href={orderHref(o)} scroll={false} aria-current={o === order ? "true" : undefined}
              className={`rounded px-2 py-0.5 ${o === order ? "bg-brand-700 text-white" : "text-brand-800 underline"}`}>
              {t(`orders.${o}`)}
            </Link>
          ))}
        </nav>
      ) : null}
      {comments.length === 0 ? <p className="text-stone-700">{t("none")}</p> : (
        <ul aria-label={label} className="space-y-3">
          {comments.map((c) => (
            <li key={c.id}>
              <CommentItem comment={c} draftId={draftId} currentVersion={currentVersion} canWrite={canWrite} actions={actions} draftBase={draftBase} />
            </li>
          ))}
        </ul>
      )}
      {truncated ? <p className="text-sm text-stone-700">{t("truncated", { count: comments.length })}</p> : null}
    </div>
  );
}
