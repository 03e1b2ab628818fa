// Your data: download everything the platform holds about you, or delete your account.
import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getCurrentUser } from "@/lib/auth/session";
import { DeleteAccountForm } from "@/components/personal-data/delete-account-form";
import { deleteAccountAction } from "./actions";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("personalData"))("title") };
}

export default async function PersonalDataPage() {
  const user = await getCurrentUser();
  if (!user) redirect("/signin?callbackUrl=/profile/data");
  const t = await getTranslations("personalData");
  return (
    <div className="mx-auto max-w-xl space-y-8">
      <div className="space-y-2">
        <p><Link className="text-brand-800 underline" href="/profile">{t("backToProfile")}</Link></p>
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
      </div>
      <section aria-labelledby="download-heading" className="space-y-2">
        <h2 id="download-heading" className="text-xl font-semibold">{t("download.title")}</h2>
        <p>{t("download.intro")}</p>
        <p>
          <a href="/profile/data/export" download className="inline-flex items-center justify-center rounded bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800">
            {t("download.button")}
          </a>
        </p>
      </section>
      <section aria-labelledby="delete-heading" className="space-y-3 rounded border border-red-800 bg-white p-4">
        <h2 id="delete-heading" className="text-xl font-semibold">{t("delete.title")}</h2>
        <p>{t("delete.intro")}</p>
        <ul className="list-disc space-y-1 ps-6">
          <li>{t("delete.published")}</li>
          <li>{t("delete.pending")}</li>
          <li>{t("delete.rest")}</li>
        </ul>
        <DeleteAccountForm action={deleteAccountAction} />
      </section>
    </div>
  );
}
