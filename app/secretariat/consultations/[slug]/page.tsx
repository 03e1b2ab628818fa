import type { Metadata } from "next";
import { requireRoleForPage } from "@/lib/auth/page-guard";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getConsultationForAdmin } from "@/lib/consultations/admin";
import { ConsultationForm } from "@/components/secretariat/consultation-form";
import { toUtcInput } from "@/lib/consultations/schema";
import { AddThemeForm, EditThemeForm } from "@/components/secretariat/theme-forms";
import { updateConsultationAction, addThemeAction, updateThemeAction } from "../actions";
import { translationGaps } from "@/lib/i18n/editor";
import { TranslationsLink } from "@/components/i18n/translations-link";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<{ created?: string; saved?: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  await requireRoleForPage();
  const c = await getConsultationForAdmin((await params).slug);
  return { title: c?.title ?? "" };
}

export default async function EditConsultationPage({ params, searchParams }: Props) {
  const user = await requireRoleForPage();
  const c = await getConsultationForAdmin((await params).slug);
  if (!c) notFound();
  const [consultationGaps, themeGaps] = await Promise.all([translationGaps(user, "consultation", [c.id]), translationGaps(user, "theme", c.themes.map((th) => th.id))]);
  const sp = await searchParams;
  const [t, tc, tt, tm, td, ts, tsub, tmeet] = await Promise.all([
    getTranslations("admin.form"), getTranslations("admin.consultations"), getTranslations("admin.themes"), getTranslations("moderation.nav"),
    getTranslations("drafts.admin"), getTranslations("synthesis"), getTranslations("submissions.nav"), getTranslations("meetings.nav"),
  ]);
  const base = `/secretariat/consultations/${c.slug}`;
  const manage = [
    { href: `${base}/balance`, label: tm("balance") },
    { href: `${base}/drafts`, label: td("allDrafts") },
    { href: `${base}/import`, label: tsub("import") },
    { href: `${base}/synthesis`, label: ts("nav") },
    { href: `${base}/sessions`, label: tmeet("sessions") },
    { href: `${base}/remote`, label: tmeet("remote") },
  ];
  const notice = sp.created === "1" ? t("created") : sp.saved === "1" ? t("saved") : undefined;

  return (
    <div className="max-w-3xl space-y-8">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h1 className="text-2xl font-semibold">{t("editTitle", { title: c.title })}</h1>
        {c.status === "PUBLISHED" ? <Link href={`/consultations/${c.slug}`} className="text-brand-800 underline">{tc("view")}</Link> : null}
      </div>
      <nav aria-labelledby="manage-heading" className="rounded border border-stone-200 bg-white p-4">
        <h2 id="manage-heading" className="font-semibold">{tc("manage")}</h2>
        <ul className="mt-2 flex flex-wrap gap-4">
          {manage.map((m) => (
            <li key={m.href}><Link href={m.href} className="text-brand-800 underline">{m.label}</Link></li>
          ))}
        </ul>
      </nav>
      <p><TranslationsLink kind="consultation" id={c.id} gaps={consultationGaps.get(c.id) ?? 0} /></p>
      <ConsultationForm
        action={updateConsultationAction.bind(null, c.id)}
        submitLabel={t("save")}
        initialNotice={notice}
        values={{
          slug: c.slug, title: c.title, summary: c.summary, description: c.description, status: c.status, referencePrefix: c.referencePrefix,
          moderationMode: c.moderationMode, contributionsOpenAt: toUtcInput(c.contributionsOpenAt), contributionsCloseAt: toUtcInput(c.contributionsCloseAt),
          commentsOpenAt: toUtcInput(c.commentsOpenAt), commentsCloseAt: toUtcInput(c.commentsCloseAt),
        }}
      />
      <section aria-labelledby="themes-heading" className="space-y-3">
        <h2 id="themes-heading" className="text-xl font-semibold">{tt("title")}</h2>
        {c.themes.length === 0 ? <p>{tt("none")}</p> : null}
        {c.themes.map((theme) => (
          <div key={theme.id} className="space-y-1">
            <EditThemeForm
              themeKey={theme.slug}
              action={updateThemeAction.bind(null, theme.id)}
              usedBy={theme._count.submissions}
              values={{ slug: theme.slug, title: theme.title, description: theme.description, position: String(theme.position) }}
            />
            <TranslationsLink kind="theme" id={theme.id} gaps={themeGaps.get(theme.id) ?? 0} label={tt("translationsOf", { theme: theme.title })} />
          </div>
        ))}
        <AddThemeForm action={addThemeAction.bind(null, c.id)} />
      </section>
    </div>
  );
}
