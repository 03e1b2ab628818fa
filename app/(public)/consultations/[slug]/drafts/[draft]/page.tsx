import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { db } from "@/lib/db/client";
import { localize } from "@/lib/i18n/content";
import { DRAFT_FIELDS } from "@/lib/i18n/texts";
import { localizeVersion } from "@/lib/drafts/translations";
import { getCurrentUser } from "@/lib/auth/session";
import { getPublicDraft } from "@/lib/drafts/service";
import { commentPeriodOf, commentPeriodState } from "@/lib/drafts/period";
import { commentCounts, listOwnThread, listThread, listThreadsOnRemovedParagraphs, totalOf } from "@/lib/comments/queries";
import { parseCommentOrder, type CommentOrder } from "@/lib/comments/schema";
import { DraftBody } from "@/components/drafts/draft-body";
import { DraftHeader } from "@/components/drafts/draft-header";
import { CommentThread } from "@/components/comments/comment-thread";
import { CommentForm } from "@/components/comments/comment-form";
import { VerifyNotice } from "@/components/accounts/verify-notice";
import { resendVerificationAction } from "@/app/actions/accounts";
import { FocusHeading } from "@/components/comments/focus-on-mount";
import { ResponsesNotice } from "@/components/dispositions/responses-notice";
import type { ThreadActions } from "@/components/comments/comment-item";
import { createCommentAction, editCommentAction, withdrawCommentAction } from "./actions";

export const dynamic = "force-dynamic";

type Props = {
  params: Promise<{ slug: string; draft: string }>;
  searchParams: Promise<{ p?: string | string[]; order?: string | string[]; whole?: string | string[] }>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug, draft } = await params;
  const view = await getPublicDraft(slug, draft);
  return view ? { title: `${view.draft.title} · ${view.consultation.title}` } : {};
}

const actions: ThreadActions = { create: createCommentAction, edit: editCommentAction, withdraw: withdrawCommentAction };

export default async function DraftPage({ params, searchParams }: Props) {
  const { slug, draft: draftSlug } = await params;
  const sp = await searchParams;
  const view = await getPublicDraft(slug, draftSlug);
  if (!view) notFound();
  const { draft, consultation, version } = view;
  const [t, tc, user, locale] = await Promise.all([getTranslations("drafts"), getTranslations("comments"), getCurrentUser(), getLocale()]);
  // The reader's language when the secretariat translated the draft: title, paragraphs (same numbering) and note.
  const [titleRows, versionRows, consultationTexts] = await Promise.all([
    db.draftTranslation.findMany({ where: { draftId: draft.id, language: locale } }),
    db.draftVersionTranslation.findMany({ where: { versionId: version.id, language: locale } }),
    db.consultation.findUnique({ where: { id: consultation.id }, select: { title: true, language: true, translations: { where: { language: locale }, select: { language: true, title: true, sourceHash: true } } } }),
  ]);
  const title = localize(draft, draft.language, titleRows, locale, DRAFT_FIELDS);
  const versionSource = await db.draftVersion.findUniqueOrThrow({ where: { id: version.id }, select: { source: true, note: true } });
  const localizedVersion = localizeVersion({ ...versionSource, translations: versionRows }, view.paragraphs, draft.language, locale);
  const paragraphs = view.paragraphs.map((p, i) => ({ ...p, text: localizedVersion.texts[i] ?? p.text }));
  const versions = view.versions;
  const consultationTitle = consultationTexts ? localize(consultationTexts, consultationTexts.language, consultationTexts.translations, locale, ["title"] as const).text.title : consultation.title;
  const order = parseCommentOrder(typeof sp.order === "string" ? sp.order : undefined);
  const requested = typeof sp.p === "string" ? sp.p : null;
  const selected = paragraphs.find((p) => p.anchorId === requested && p.number !== null) ?? null;
  const now = new Date();
  const state = commentPeriodState(draft, consultation, now);
  const canWrite = state === "open" && user !== null;
  const base = `/consultations/${slug}/drafts/${draftSlug}`;
  // Paragraph links are relative to the page ("?p=…"): 300 of them, each otherwise repeating the page's path twice (HTML and RSC payload).
  const paragraphQuery = (anchorId: string, o: CommentOrder = order) => `?p=${encodeURIComponent(anchorId)}${o === "balanced" ? "" : `&order=${o}`}#discussion`;
  const hrefFor = (anchorId: string, o: CommentOrder = order) => `${base}${paragraphQuery(anchorId, o)}`;
  const orderQuery = (o: CommentOrder) => (o === "balanced" ? "" : `order=${o}`);
  // The whole-draft thread is sent on demand (?whole=1), like a paragraph's (?p=): collapsed, only the reader's own comments show.
  const wholeOpen = sp.whole === "1";
  const wholeHref = (open: boolean, o: CommentOrder = order) => {
    const q = [open ? "whole=1" : "", orderQuery(o)].filter(Boolean).join("&");
    return `${base}${q ? `?${q}` : ""}#whole-draft-heading`;
  };

  const [counts, thread, whole, removed] = await Promise.all([
    commentCounts(draft.id),
    selected ? listThread(draft.id, selected.anchorId, user?.id ?? null, order) : null,
    // Collapsed, the whole-draft thread is not read: only the signed-in reader's own comments in it.
    wholeOpen ? listThread(draft.id, null, user?.id ?? null, order) : user ? listOwnThread(draft.id, null, user.id, order) : { comments: [], truncated: false },
    listThreadsOnRemovedParagraphs(draft.id, paragraphs.map((p) => p.anchorId), user?.id ?? null, order),
  ]);

  const wholeTotal = totalOf(counts.get(""));

  const signInLink = (
    <p className="rounded border border-stone-300 bg-stone-50 p-3">
      <Link href={`/signin?callbackUrl=${encodeURIComponent(selected ? `${base}?p=${selected.anchorId}` : base)}`} className="font-semibold text-brand-800 underline">{t("signInToComment")}</Link>
      {" "}<span className="text-stone-700">{t("signInHint")}</span>
    </p>
  );
  const writeArea = (anchorId: string | null, paragraphText: string | null, formId: string) =>
    state !== "open" ? <p className="text-stone-800">{t("closedNotice")}</p> : !user ? signInLink : user.emailVerified === false ? (
      // Until the address is confirmed nothing can be sent: say why, and offer the link again.
      <VerifyNotice address={user.email} action={resendVerificationAction} />
    ) : (
      <CommentForm action={createCommentAction} draftId={draft.id} anchorId={anchorId} paragraphText={paragraphText} formId={formId} />
    );

  const discussion = selected && thread ? (
    <section id="discussion" aria-labelledby="discussion-heading" className="my-3 ms-2 space-y-4 rounded border-2 border-brand-700 bg-white p-4 sm:ms-10">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <FocusHeading id="discussion-heading" className="text-lg font-semibold">{tc("discussionTitle", { number: selected.number ?? 0 })}</FocusHeading>
        <Link href={`${base}${orderQuery(order) ? `?${orderQuery(order)}` : ""}#p-${selected.anchorId}`} scroll={false} className="text-sm text-brand-800 underline">{tc("closeDiscussion")}</Link>
      </div>
      <CommentThread
        comments={thread.comments} truncated={thread.truncated} order={order} orderHref={(o) => hrefFor(selected.anchorId, o)}
        draftId={draft.id} currentVersion={version.number} canWrite={canWrite} actions={actions} label={tc("discussionTitle", { number: selected.number ?? 0 })} draftBase={base}
      />
      {writeArea(selected.anchorId, selected.text, `new-${selected.anchorId}`)}
    </section>
  ) : null;

  const period = commentPeriodOf(draft, consultation);
  return (
    <article className="space-y-6">
      <DraftHeader
        consultation={{ ...consultation, title: consultationTitle }} draft={{ title: title.text.title }} version={{ ...version, note: localizedVersion.note }} versions={versions} latestNumber={view.latest.number}
        state={state} openAt={period.openAt} closeAt={period.closeAt} base={base} titleMeta={title} textMeta={localizedVersion.localized}
      />
      <ResponsesNotice draftId={draft.id} base={base} />
      <DraftBody lang={localizedVersion.localized.language} paragraphs={paragraphs} counts={counts} selected={selected?.anchorId ?? null} hrefFor={(a) => paragraphQuery(a)} discussion={discussion} />
      <section aria-labelledby="whole-draft-heading" className="space-y-4 border-t border-stone-200 pt-6">
        <h2 id="whole-draft-heading" className="text-xl font-semibold">{tc("wholeDraftTitle")}</h2>
        {wholeTotal > 0 ? (
          <Link href={wholeHref(!wholeOpen)} scroll={false} aria-expanded={wholeOpen} className="inline-block text-brand-800 underline">
            {wholeOpen ? tc("hideWholeDraft") : tc("showWholeDraft", { count: wholeTotal })}
          </Link>
        ) : null}
        {wholeOpen || whole.comments.length > 0 || wholeTotal === 0 ? (
          <CommentThread
            comments={whole.comments} truncated={wholeOpen && whole.truncated} order={order} orderHref={(o) => wholeHref(wholeOpen, o)}
            draftId={draft.id} currentVersion={version.number} canWrite={canWrite} actions={actions} label={tc("wholeDraftTitle")} draftBase={base}
          />
        ) : null}
        {writeArea(null, null, "new-whole")}
      </section>
      {removed.comments.length > 0 ? (
        <section aria-labelledby="removed-heading" className="space-y-3 border-t border-stone-200 pt-6">
          <h2 id="removed-heading" className="text-xl font-semibold">{tc("removedTitle")}</h2>
          <p className="text-stone-800">{tc("removedIntro")}</p>
          {removed.comments.map((c) => (
            <div key={c.id} className="space-y-2">
              <p className="text-sm font-semibold text-stone-800">{tc("removedParagraph", { number: c.paragraphNumber ?? 0, version: c.versionNumber ?? 0 })}</p>
              {c.paragraphText ? <blockquote className="border-s-4 border-stone-300 ps-3 text-stone-800" dir="auto">{c.paragraphText}</blockquote> : null}
              <CommentThread
                comments={[c]} truncated={false} order={order} orderHref={() => base} draftId={draft.id} currentVersion={version.number}
                canWrite={canWrite} actions={actions} label={tc("removedParagraph", { number: c.paragraphNumber ?? 0, version: c.versionNumber ?? 0 })} draftBase={base}
              />
            </div>
          ))}
        </section>
      ) : null}
    </article>
  );
}
