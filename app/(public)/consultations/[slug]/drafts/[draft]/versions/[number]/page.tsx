import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getPublicDraft } from "@/lib/drafts/service";
import { commentPeriodOf, commentPeriodState } from "@/lib/drafts/period";
import { DraftBody } from "@/components/drafts/draft-body";
import { DraftHeader } from "@/components/drafts/draft-header";
import { ResponsesNotice } from "@/components/dispositions/responses-notice";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string; draft: string; number: string }> };

async function load(params: Props["params"]) {
  const { slug, draft, number } = await params;
  const n = Number(number);
  if (!Number.isSafeInteger(n) || n < 1) return null;
  const view = await getPublicDraft(slug, draft, n);
  return view ? { view, slug, draftSlug: draft } : null;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const loaded = await load(params);
  return loaded ? { title: `${loaded.view.draft.title} (${loaded.view.version.number})` } : {};
}

/** A past version, read-only, with what changed since the version before it. */
export default async function DraftVersionPage({ params }: Props) {
  const loaded = await load(params);
  if (!loaded) notFound();
  const { view, slug, draftSlug } = loaded;
  const base = `/consultations/${slug}/drafts/${draftSlug}`;
  if (view.version.number === view.latest.number) redirect(base);
  const t = await getTranslations("drafts");
  const period = commentPeriodOf(view.draft, view.consultation);
  return (
    <article className="space-y-6">
      <DraftHeader
        consultation={view.consultation} draft={view.draft} version={view.version} versions={view.versions} latestNumber={view.latest.number}
        state={commentPeriodState(view.draft, view.consultation, new Date())} openAt={period.openAt} closeAt={period.closeAt} base={base}
      />
      <ResponsesNotice draftId={view.draft.id} base={base} version={view.version.number} />
      {view.version.number > 1 ? (
        <p><Link href={`${base}/compare?from=${view.version.number - 1}&to=${view.version.number}`} className="text-brand-800 underline">{t("compareWithPrevious")}</Link></p>
      ) : null}
      <DraftBody paragraphs={view.paragraphs} showChanges={view.version.number > 1} />
    </article>
  );
}
