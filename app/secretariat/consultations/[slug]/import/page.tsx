import type { Metadata } from "next";
import { requireRoleForPage } from "@/lib/auth/page-guard";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getConsultationForAdmin } from "@/lib/consultations/admin";
import { ImportForm } from "@/components/submissions/import-form";
import { importAction } from "./actions";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata(): Promise<Metadata> {
  await requireRoleForPage();
  return { title: (await getTranslations("submissions.nav"))("import") };
}

export default async function ImportPage({ params }: Props) {
  await requireRoleForPage();
  const c = await getConsultationForAdmin((await params).slug);
  if (!c) notFound();
  const t = await getTranslations("submissions.import");
  return (
    <div className="max-w-4xl space-y-6">
      <p><Link href={`/secretariat/consultations/${c.slug}`} className="text-brand-800 underline">{c.title}</Link></p>
      <h1 className="text-2xl font-semibold">{t("title", { consultation: c.title })}</h1>
      <p>{t("intro")}</p>
      <p className="text-sm text-stone-800">{t("format")}</p>
      <ImportForm action={importAction.bind(null, c.slug)} />
    </div>
  );
}
