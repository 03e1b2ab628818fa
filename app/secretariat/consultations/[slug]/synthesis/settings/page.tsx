import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requireRoleForPage } from "@/lib/auth/page-guard";
import { getSynthesisSettings } from "@/lib/synthesis/service";
import { LOCALES, LOCALE_LABELS } from "@/lib/i18n/config";
import { FormAlert } from "@/components/ui/field";
import { SynthesisSettingsForm } from "@/components/synthesis/small-forms";
import { saveSettingsAction } from "../actions";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("synthesisEditor.settings");
  return { title: t("title") };
}

export default async function SynthesisSettingsPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const user = await requireRoleForPage();
  const t = await getTranslations("synthesisEditor");
  const settings = await getSynthesisSettings(user, slug);
  if (!settings.ok) {
    if (settings.status === 404) notFound();
    return <FormAlert>{t("errors.forbidden")}</FormAlert>;
  }
  const s = settings.data;
  return (
    <div className="space-y-4">
      <p><Link href={`/secretariat/consultations/${encodeURIComponent(slug)}/synthesis`} className="text-brand-800 underline">{t("settings.back")}</Link></p>
      <h1 className="text-2xl font-semibold">{t("settings.title")}</h1>
      <p>{t("settings.intro")}</p>
      <SynthesisSettingsForm
        values={{ language: s.language, bodyPoints: s.bodyPoints, naming: s.naming, severalFrom: s.severalFrom, severalShare: s.severalShare, manyShare: s.manyShare, manyFrom: s.manyFrom, version: s.version }}
        languages={LOCALES.map((code) => ({ code, label: LOCALE_LABELS[code] }))}
        action={saveSettingsAction.bind(null, slug)}
      />
    </div>
  );
}
