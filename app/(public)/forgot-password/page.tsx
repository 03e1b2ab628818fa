// Asking for a password-reset link. The answer is the same whether or not the address has an account.
import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { AccountForm } from "@/components/accounts/account-form";
import { forgotPasswordAction } from "@/app/actions/accounts";
import { ClientMessages } from "@/components/i18n/client-messages";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("accounts.forgot"))("title") };
}

export default async function ForgotPasswordPage() {
  const [t, ta] = await Promise.all([getTranslations("accounts.forgot"), getTranslations("auth")]);
  return (
    <div className="mx-auto max-w-md space-y-6">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <p>{t("intro")}</p>
      <ClientMessages namespaces={["accounts", "auth", "errors"]}>
        <AccountForm
          action={forgotPasswordAction}
          fields={[{ name: "email", type: "email", label: ta("email"), autoComplete: "email" }]}
          submit={t("submit")}
          pending={t("sending")}
          done={t.raw("done") as string}
        />
      </ClientMessages>
      <p><Link href="/signin" className="text-brand-800 underline">{t("backToSignIn")}</Link></p>
    </div>
  );
}
