// Where a person lands after deleting their account.
import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { FormAlert } from "@/components/ui/field";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("personalData.deleted"))("title") };
}

export default async function AccountDeletedPage({ searchParams }: { searchParams: Promise<{ anonymous?: string }> }) {
  const [t, { anonymous }] = await Promise.all([getTranslations("personalData.deleted"), searchParams]);
  return (
    <div className="mx-auto max-w-xl space-y-4">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <FormAlert tone="success">{t("done")}</FormAlert>
      <p>{anonymous === "1" ? t("anonymous") : t("kept")}</p>
      <p><Link className="text-brand-800 underline" href="/">{t("home")}</Link></p>
    </div>
  );
}
