import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { SignUpForm } from "@/components/auth/sign-up-form";
import { profileOptions } from "@/lib/users/options";
import { safeCallbackUrl } from "@/lib/auth/callback-url";
import { getCurrentUser } from "@/lib/auth/session";
import { registerAction } from "./actions";
import { ClientMessages } from "@/components/i18n/client-messages";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("auth"))("signUpTitle") };
}

export default async function SignUpPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string | string[] }> }) {
  if (await getCurrentUser()) redirect("/profile");
  const [t, tGroups, tGenders, locale] = await Promise.all([getTranslations("auth"), getTranslations("groups"), getTranslations("genders"), getLocale()]);
  const callbackUrl = safeCallbackUrl((await searchParams).callbackUrl);
  const options = profileOptions(locale, (k) => tGroups(k as never), (k) => tGenders(k as never));
  return (
    <div className="mx-auto max-w-xl space-y-6">
      <h1 className="text-2xl font-semibold">{t("signUpTitle")}</h1>
      <ClientMessages namespaces={["accounts", "auth", "errors", "profile"]}><SignUpForm action={registerAction} callbackUrl={callbackUrl} {...options} /></ClientMessages>
      <p>
        {t("haveAccount")} <Link href="/signin" className="text-brand-700 underline">{t("signIn")}</Link>
      </p>
    </div>
  );
}
