import type { Metadata } from "next";
import { requireRoleForPage } from "@/lib/auth/page-guard";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getConsultationForAdmin } from "@/lib/consultations/admin";
import { listDraftsForAdmin } from "@/lib/drafts/service";
import { commentPeriodState } from "@/lib/drafts/period";
import { DraftCreateForm } from "@/components/drafts/admin-forms";
import { StateBadge } from "@/components/consultations/phase-badge";
import { createDraftAction } from "./actions";

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  await requireRoleForPage();
  const c = await getConsultationForAdmin((await params).slug);
  const t = await getTranslations("drafts.admin");
  return { title: c ? t("title", { title: c.title }) : "" };
}

export default async function SecretariatDraftsPage({ params }: Props) {
  await requireRoleForPage();
  const c = await getConsultationForAdmin((await params).slug);
  if (!c) notFound();
  const [t, drafts] = await Promise.all([getTranslations("drafts"), listDraftsForAdmin(c.id)]);
  const now = new Date();
  return (
    <div className="max-w-3xl space-y-8">
      <p><Link href={`/secretariat/consultations/${c.slug}`} className="text-brand-800 underline">{t("admin.backToConsultation")}</Link></p>
      <h1 className="text-2xl font-semibold">{t("admin.title", { title: c.title })}</h1>
      {drafts.length === 0 ? <p>{t("admin.none")}</p> : (
        <ul className="space-y-2">
          {drafts.map((d) => {
            const state = commentPeriodState(d, c, now);
            return (
              <li key={d.id} className="flex flex-wrap items-center gap-3 rounded border border-stone-200 bg-white p-3">
                <Link href={`/secretariat/consultations/${c.slug}/drafts/${d.slug}`} className="font-semibold text-brand-800 underline">{d.title}</Link>
                <StateBadge state={state} label={t("admin.state", { state: t(`periodState.${state}`) })} />
                <span className="text-sm text-stone-700">{t("versionCount", { count: d._count.versions })} · {t("admin.comments", { count: d._count.comments })}</span>
              </li>
            );
          })}
        </ul>
      )}
      <section aria-labelledby="new-draft-heading" className="space-y-3">
        <h2 id="new-draft-heading" className="text-xl font-semibold">{t("admin.newDraft")}</h2>
        <p className="text-stone-800">{t("admin.intro")}</p>
        <DraftCreateForm action={createDraftAction.bind(null, c.id, c.slug)} />
      </section>
    </div>
  );
}
