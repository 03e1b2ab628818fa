import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { SignInForm } from "@/components/auth/sign-in-form";
import { safeCallbackUrl } from "@/lib/auth/callback-url";
import { FormAlert } from "@/components/ui/field";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("auth"))("signInTitle") };
}

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string | string[]; reset?: string; ended?: string }> }) {
  const [t, ta] = await Promise.all([getTranslations("auth"), getTranslations("accounts.signIn")]);
  const search = await searchParams;
  const callbackUrl = safeCallbackUrl(search.callbackUrl);
  return (
    <div className="mx-auto max-w-md space-y-6">
      <h1 className="text-2xl font-semibold">{t("signInTitle")}</h1>
      {search.reset === "1" ? <FormAlert tone="success">{ta("afterReset")}</FormAlert> : null}
      {search.ended === "1" ? <FormAlert tone="success">{ta("afterEverywhere")}</FormAlert> : null}
      <SignInForm callbackUrl={callbackUrl} />
      <p><Link href="/forgot-password" className="text-brand-700 underline">{ta("forgot")}</Link></p>
      <p>
        {t("noAccount")}{" "}
        <Link href={`/signup?callbackUrl=${encodeURIComponent(callbackUrl)}`} className="text-brand-700 underline">{t("signUp")}</Link>
      </p>
    </div>
  );
}
