// Where a verification or address-change link leads. Opening it changes nothing (mail scanners open links too);
// the button confirms. Works without signing in: the link is the proof.
import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { emailLinkState } from "@/lib/accounts/service";
import { AccountForm } from "@/components/accounts/account-form";
import { FormAlert } from "@/components/ui/field";
import { confirmEmailAction } from "@/app/actions/accounts";
import { ClientMessages } from "@/components/i18n/client-messages";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("accounts.verify"))("title"), robots: { index: false } };
}

export default async function VerifyEmailPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { token } = await searchParams;
  const t = await getTranslations("accounts.verify");
  const link = await emailLinkState(typeof token === "string" ? token : "");
  return (
    <div className="mx-auto max-w-xl space-y-4">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      {link.state === "valid" ? (
        <>
          <p>{link.purpose === "CHANGE_EMAIL" ? t("changeQuestion", { address: link.email ?? "" }) : t("question", { address: link.email ?? "" })}</p>
          <ClientMessages namespaces={["accounts", "auth", "errors"]}>
            <AccountForm
              action={confirmEmailAction}
              fields={[{ name: "token", type: "hidden", label: "", value: typeof token === "string" ? token : "" }]}
              submit={link.purpose === "CHANGE_EMAIL" ? t("changeConfirm") : t("confirm")}
              pending={t("confirming")}
              done={t.raw("done") as string}
              final
            />
          </ClientMessages>
        </>
      ) : (
        <FormAlert>{t(`link_${link.state}`)}</FormAlert>
      )}
      <p>
        <Link href="/profile" className="text-brand-800 underline">{t("toProfile")}</Link>
      </p>
    </div>
  );
}
