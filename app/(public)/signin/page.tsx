import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { SignInForm } from "@/components/auth/sign-in-form";
import { safeCallbackUrl } from "@/lib/auth/callback-url";
import { FormAlert } from "@/components/ui/field";
import { ClientMessages } from "@/components/i18n/client-messages";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("auth"))("signInTitle") };
}

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string | string[]; reset?: string; ended?: string }> }) {
  const [t, ta] = await Promise.all([getTranslations("auth"), getTranslations("accounts.signIn")]);
  const search = await searchParams;
  const callbackUrl = safeCallbackUrl(search.callbackUrl, "/signin/continue");
  // Sent here by "Write a contribution" (or another signed-in page): say why before asking for anything.
  const why = /^\/consultations\/[^/]+\/contribute(\?|$)/.test(callbackUrl) ? ta("whyContribute") : callbackUrl !== "/signin/continue" ? ta("whySignedIn") : null;
  return (
    <div className="mx-auto max-w-md space-y-6">
      <h1 className="text-2xl font-semibold">{t("signInTitle")}</h1>
      {why ? <p className="rounded border border-brand-700 bg-brand-50 p-3 text-stone-900" data-testid="sign-in-why">{why}</p> : null}
      {search.reset === "1" ? <FormAlert tone="success">{ta("afterReset")}</FormAlert> : null}
      {search.ended === "1" ? <FormAlert tone="success">{ta("afterEverywhere")}</FormAlert> : null}
      <ClientMessages namespaces={["auth", "accounts"]}><SignInForm callbackUrl={callbackUrl} /></ClientMessages>
      <p><Link href="/forgot-password" className="text-brand-700 underline">{ta("forgot")}</Link></p>
      <p>
        {t("noAccount")}{" "}
        <Link href={callbackUrl === "/signin/continue" ? "/signup" : `/signup?callbackUrl=${encodeURIComponent(callbackUrl)}`} className="text-brand-700 underline">{t("signUp")}</Link>
      </p>
    </div>
  );
}
