import type { Metadata } from "next";
import { requireRoleForPage } from "@/lib/auth/page-guard";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getDraftForAdmin } from "@/lib/drafts/service";
import { dispositionProgress } from "@/lib/dispositions/queries";
import { commentPeriodOf, commentPeriodState } from "@/lib/drafts/period";
import { toUtcInput } from "@/lib/consultations/schema";
import { PeriodForm, VersionForm } from "@/components/drafts/admin-forms";
import { StateBadge } from "@/components/consultations/phase-badge";
import { FormAlert } from "@/components/ui/field";
import { closeCommentsAction, publishVersionAction, setPeriodAction } from "../actions";
import { translationGaps } from "@/lib/i18n/editor";
import { TranslationsLink } from "@/components/i18n/translations-link";

type Props = { params: Promise<{ slug: string; draft: string }>; searchParams: Promise<{ created?: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  await requireRoleForPage();
  const { slug, draft } = await params;
  const d = await getDraftForAdmin(slug, draft);
  return { title: d?.title ?? "" };
}

export default async function SecretariatDraftPage({ params, searchParams }: Props) {
  const user = await requireRoleForPage();
  const { slug, draft: draftSlug } = await params;
  const d = await getDraftForAdmin(slug, draftSlug);
  if (!d) notFound();
  const [titleGaps, versionGaps] = await Promise.all([translationGaps(user, "draft", [d.id]), translationGaps(user, "draftVersion", d.versions.map((v) => v.id))]);
  const sp = await searchParams;
  const [t, tw, progress] = await Promise.all([getTranslations("drafts"), getTranslations("dispositions.work"), dispositionProgress(d.id)]);
  const answerable = progress.filter((v) => v.answerable).reverse();
  const state = commentPeriodState(d, d.consultation, new Date());
  const period = commentPeriodOf(d, d.consultation);
  const latest = d.versions[0];
  const count = (versionId: string, ...kinds: string[]) => d.changes.filter((c) => c.versionId === versionId && kinds.includes(c.change)).reduce((a, c) => a + c._count, 0);
  return (
    <div className="max-w-3xl space-y-8">
      <p className="flex flex-wrap gap-4">
        <Link href={`/secretariat/consultations/${slug}/drafts`} className="text-brand-800 underline">{t("admin.allDrafts")}</Link>
        {d.consultation.status === "PUBLISHED" ? <Link href={`/consultations/${slug}/drafts/${d.slug}`} className="text-brand-800 underline">{t("admin.viewPublic")}</Link> : null}
      </p>
      <h1 className="text-2xl font-semibold" dir="auto">{d.title}</h1>
      <p><TranslationsLink kind="draft" id={d.id} gaps={titleGaps.get(d.id) ?? 0} /></p>
      {sp.created === "1" ? <FormAlert tone="success">{t("admin.created")}</FormAlert> : null}
      <section aria-labelledby="period-heading" className="space-y-3">
        <h2 id="period-heading" className="text-xl font-semibold">{t("admin.periodTitle")}</h2>
        <StateBadge state={state} label={t("admin.state", { state: t(`periodState.${state}`) })} />
        <PeriodForm
          action={setPeriodAction.bind(null, d.id)}
          closeAction={closeCommentsAction.bind(null, d.id)}
          inherited={period.inherited}
          values={{ commentsOpenAt: toUtcInput(d.commentsOpenAt), commentsCloseAt: toUtcInput(d.commentsCloseAt) }}
        />
      </section>
      <section aria-labelledby="responses-heading" className="space-y-3">
        <h2 id="responses-heading" className="text-xl font-semibold">{tw("adminTitle")}</h2>
        {answerable.length === 0 ? <p className="text-stone-800">{tw("adminNone")}</p> : (
          <ul className="space-y-1">
            {answerable.map((v) => (
              <li key={v.number}>
                <Link href={`/secretariat/consultations/${slug}/drafts/${d.slug}/dispositions?version=${v.number}`} className="text-brand-800 underline">
                  {tw("adminLink", { version: v.number, next: v.number + 1 })}
                </Link>
                <span className="ms-2 text-sm text-stone-700">{tw("adminProgress", { answered: v.answered, comments: v.comments })}</span>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="publish-heading" className="space-y-3">
        <h2 id="publish-heading" className="text-xl font-semibold">{t("admin.publishTitle")}</h2>
        <VersionForm action={publishVersionAction.bind(null, d.id)} source={latest?.source ?? ""} />
      </section>
      <section aria-labelledby="versions-heading" className="space-y-3">
        <h2 id="versions-heading" className="text-xl font-semibold">{t("admin.versionsTitle")}</h2>
        <ol className="space-y-2">
          {d.versions.map((v) => (
            <li key={v.id} className="rounded border border-stone-200 bg-white p-3">
              <p className="font-semibold">{t("admin.versionRow", { number: v.number })}{v.note ? <span className="font-normal" dir="auto">{` — ${v.note}`}</span> : null}</p>
              <p className="text-sm text-stone-700">
                {t("admin.publishedAt", { date: v.publishedAt })} · {t("admin.comments", { count: v._count.comments })}
                {v.number > 1 ? ` · ${t("admin.changeCounts", { edited: count(v.id, "EDITED", "MOVED_EDITED"), moved: count(v.id, "MOVED", "MOVED_EDITED"), added: count(v.id, "NEW") })}` : null}
              </p>
              <TranslationsLink kind="draftVersion" id={v.id} gaps={versionGaps.get(v.id) ?? 0} label={t("admin.versionTranslations", { number: v.number })} />
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}
