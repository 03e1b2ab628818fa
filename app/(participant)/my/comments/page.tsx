// The author's own comments on drafts, each with its status and the secretariat's answer.
import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getCurrentUser } from "@/lib/auth/session";
import { listMyComments } from "@/lib/dispositions/mine";
import { commentSummary } from "@/lib/dispositions/export";
import { CommentDisposition } from "@/components/dispositions/comment-disposition";
import { DispositionBadge } from "@/components/dispositions/disposition-badge";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("dispositions.mine"))("title") };
}

export default async function MyCommentsPage({ searchParams }: { searchParams: Promise<{ cursor?: string }> }) {
  const user = await getCurrentUser();
  if (!user) redirect("/signin?callbackUrl=/my/comments");
  const { cursor } = await searchParams;
  const [t, page] = await Promise.all([getTranslations("dispositions.mine"), listMyComments(user.id, cursor)]);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <p className="text-stone-800">{t("intro")} <Link href="/my/contributions" className="text-brand-800 underline">{t("contributions")}</Link></p>
      {page.items.length === 0 ? <p>{t("none")}</p> : (
        <ul className="space-y-3">
          {page.items.map((c) => {
            const base = `/consultations/${c.consultation.slug}/drafts/${c.draft.slug}`;
            const href = c.anchorId && c.anchorInLatest ? `${base}?p=${encodeURIComponent(c.anchorId)}#c-${c.id}` : `${base}#c-${c.id}`;
            return (
              <li key={c.id} className="rounded border border-stone-200 bg-white p-3">
                <p className="text-sm text-stone-800">
                  <Link href={href} className="font-medium text-brand-800 underline" dir="auto">{c.draft.title}</Link>
                  {" · "}{c.paragraphNumber !== null ? t("where", { version: c.versionNumber ?? 0, number: c.paragraphNumber }) : t("whereWhole", { version: c.versionNumber ?? 0 })}
                  {" · "}<time dateTime={c.createdAt.toISOString()}>{t("on", { date: c.createdAt })}</time>
                  {" · "}{t(`status.${c.status}`)}
                </p>
                <p className="mt-1" dir="auto">{commentSummary(c.body, 200)}</p>
                {c.disposition ? (
                  <CommentDisposition disposition={c.disposition} draftBase={base} latestVersion={c.latestVersion} />
                ) : c.status === "PUBLISHED" && !c.isReply ? (
                  <p className="mt-2 text-sm"><DispositionBadge kind={null} label={t("noAnswer")} /></p>
                ) : null}
              </li>
            );
          })}
        </ul>
      )}
      {page.nextCursor ? <p><Link className="text-brand-800 underline" href={`/my/comments?cursor=${encodeURIComponent(page.nextCursor)}`}>{t("older")}</Link></p> : null}
    </div>
  );
}
