// Where a reset link leads: a new password, checked for strength. Using the link signs the account out everywhere.
import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { resetLinkState } from "@/lib/accounts/service";
import { AccountForm } from "@/components/accounts/account-form";
import { FormAlert } from "@/components/ui/field";
import { resetPasswordAction } from "@/app/actions/accounts";
import { ClientMessages } from "@/components/i18n/client-messages";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("accounts.reset"))("title"), robots: { index: false } };
}

export default async function ResetPasswordPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { token } = await searchParams;
  const [t, ta] = await Promise.all([getTranslations("accounts.reset"), getTranslations("auth")]);
  const value = typeof token === "string" ? token : "";
  const state = await resetLinkState(value);
  return (
    <div className="mx-auto max-w-md space-y-6">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      {state === "valid" ? (
        <>
          <p>{t("intro")}</p>
          <ClientMessages namespaces={["accounts", "auth", "errors"]}>
            <AccountForm
              action={resetPasswordAction}
              fields={[
                { name: "token", type: "hidden", label: "", value },
                { name: "password", type: "password", label: t("newPassword"), hint: ta("passwordHint"), autoComplete: "new-password" },
                { name: "confirm", type: "password", label: t("confirmPassword"), autoComplete: "new-password" },
              ]}
              submit={t("submit")}
              pending={t("saving")}
              done=""
            />
          </ClientMessages>
        </>
      ) : (
        <>
          <FormAlert>{t(`link_${state}`)}</FormAlert>
          <p><Link href="/forgot-password" className="text-brand-800 underline">{t("askAgain")}</Link></p>
        </>
      )}
    </div>
  );
}
