// One comment with its replies: author snapshot, body, proposal diff, version marker and the author's own controls.
import { getTranslations } from "next-intl/server";
import type { CommentView } from "@/lib/comments/queries";
import { HiddenNotice } from "@/components/moderation/hidden-notice";
import type { CommentAction } from "./form-state";
import { CommentForm } from "./comment-form";
import { OwnCommentControls } from "./edit-comment";
import { ProposalDiff } from "./proposal-diff";
import { CommentDisposition } from "@/components/dispositions/comment-disposition";

export interface ThreadActions {
  create: CommentAction;
  edit: (commentId: string, state: Parameters<CommentAction>[0], formData: FormData) => ReturnType<CommentAction>;
  withdraw: (commentId: string, expectedVersion: number, state: Parameters<CommentAction>[0], formData: FormData) => ReturnType<CommentAction>;
}

interface Props {
  comment: CommentView;
  draftId: string;
  currentVersion: number;
  /** signed in and the period is open */
  canWrite: boolean;
  actions: ThreadActions;
  isReply?: boolean;
  /** the draft's public page, to link the paragraph an answer points to */
  draftBase?: string;
}

export async function CommentItem({ comment, draftId, currentVersion, canWrite, actions, isReply = false, draftBase }: Props) {
  const [t, tg] = await Promise.all([getTranslations("comments"), getTranslations("groups")]);
  const oldVersion = comment.versionNumber !== null && comment.versionNumber !== currentVersion;
  return (
    <article id={`c-${comment.id}`} aria-label={comment.state === "withdrawn" ? t("withdrawn") : comment.anonymous ? t("anonymous") : comment.authorName} className={comment.state === "pending" ? "cmt cmt-pending" : "cmt"}>
      {comment.state === "withdrawn" ? (
        <p className="italic text-stone-700">{t("withdrawn")}</p>
      ) : (
        <>
          <p className="cmt-meta">
            {comment.anonymous ? <em className="font-semibold">{t("anonymous")}</em> : <strong dir="auto">{comment.authorName}</strong>}
            {comment.organisationName ? <span dir="auto">{`, ${comment.organisationName}`}</span> : null}
            {` · ${tg(comment.stakeholderGroup)} · `}<time dateTime={comment.createdAt.toISOString()}>{t("postedOn", { date: comment.createdAt })}</time>
            {comment.edited ? ` · ${t("edited")}` : null}
            {oldVersion && !isReply ? (
              <span className="ms-2 inline-block rounded border border-stone-500 bg-stone-100 px-1.5 text-xs text-stone-800">
                {comment.paragraphNumber !== null ? t("onVersion", { version: comment.versionNumber ?? 0, number: comment.paragraphNumber }) : t("onVersionDraft", { version: comment.versionNumber ?? 0 })}
              </span>
            ) : null}
          </p>
          {comment.state === "pending" ? <p className="mt-1 text-sm font-semibold text-amber-900">{t("pending")}</p> : null}
          {comment.state === "hidden" ? (
            <div className="mt-2"><HiddenNotice reason={comment.hiddenReason ?? ""} /></div>
          ) : (
            <div className="prose-user cmt-body" dir="auto" dangerouslySetInnerHTML={{ __html: comment.bodyHtml }} />
          )}
          {comment.proposedText && comment.paragraphText !== null ? <ProposalDiff before={comment.paragraphText} after={comment.proposedText} /> : null}
          {comment.disposition && !isReply ? <CommentDisposition disposition={comment.disposition} draftBase={draftBase} latestVersion={currentVersion} /> : null}
          {comment.mine && canWrite && comment.body !== null ? (
            <OwnCommentControls
              commentId={comment.id}
              body={comment.body}
              proposedText={comment.proposedText}
              paragraphText={!isReply && comment.paragraphText !== null ? comment.paragraphText : null}
              version={comment.version}
              editAction={actions.edit.bind(null, comment.id)}
              withdrawAction={actions.withdraw.bind(null, comment.id, comment.version)}
            />
          ) : null}
        </>
      )}
      {comment.replies.length > 0 ? (
        <ul aria-label={t("replies", { count: comment.replies.length })} className="mt-3 space-y-2 border-s-2 border-stone-200 ps-3">
          {comment.replies.map((r) => (
            <li key={r.id}>
              <CommentItem comment={r} draftId={draftId} currentVersion={currentVersion} canWrite={canWrite} actions={actions} isReply />
            </li>
          ))}
        </ul>
      ) : null}
      {!isReply && canWrite && comment.state !== "withdrawn" && comment.state !== "hidden" ? (
        <details className="mt-2">
          <summary className="cursor-pointer text-brand-800 underline">{t("reply")}</summary>
          <div className="mt-2">
            <CommentForm action={actions.create} draftId={draftId} anchorId={comment.anchorId} parentId={comment.id} paragraphText={null} formId={`reply-${comment.id}`} />
          </div>
        </details>
      ) : null}
    </article>
  );
}
