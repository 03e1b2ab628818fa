// Where the unsubscribe link of a message leads: it says what would stop and asks; the button posts the change.
// Works without signing in (the signed token in the link is the proof); opening the page changes nothing.
import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { unsubscribeState } from "@/lib/email/unsubscribe";
import { FormAlert, buttonClass } from "@/components/ui/field";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("unsubscribe"))("title"), robots: { index: false } };
}

type Search = Record<string, string | string[] | undefined>;

export default async function UnsubscribePage({ searchParams }: { searchParams: Promise<Search> }) {
  const search = await searchParams;
  const token = typeof search.token === "string" ? search.token : "";
  const [t, tAll] = await Promise.all([getTranslations("unsubscribe"), getTranslations()]);
  const state = await unsubscribeState(token);
  if (!state.ok) {
    return (
      <div className="mx-auto max-w-xl space-y-4">
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <FormAlert>{t("invalid")}</FormAlert>
        <p><Link href="/profile" className="text-brand-800 underline">{t("profileLink")}</Link></p>
      </div>
    );
  }
  const { address, labelKey, unsubscribed } = state.data;
  const label = labelKey && tAll.has(labelKey) ? tAll(labelKey as never) : t("categories.generic");
  const action = `/api/email/unsubscribe?token=${encodeURIComponent(token)}`;
  return (
    <div className="mx-auto max-w-xl space-y-4">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      {search.error ? <FormAlert>{t("invalid")}</FormAlert> : null}
      {search.done === "all" ? <FormAlert tone="success">{t("doneAll", { address })}</FormAlert> : null}
      {search.done === "1" ? <FormAlert tone="success">{t("done", { address, category: label })}</FormAlert> : null}
      {unsubscribed && !search.done ? <p>{t("already", { address, category: label })}</p> : null}
      {!unsubscribed ? (
        <>
          <p>{t("question", { address, category: label })}</p>
          <form method="post" action={action} className="space-y-3">
            <input type="hidden" name="from" value="page" />
            <button type="submit" name="scope" value="category" className={buttonClass}>{t("confirm", { category: label })}</button>
          </form>
        </>
      ) : null}
      {search.done !== "all" ? (
        <form method="post" action={action}>
          <input type="hidden" name="from" value="page" />
          <button type="submit" name="scope" value="all" className="rounded border border-brand-700 px-4 py-2 text-brand-800">{t("confirmAll")}</button>
        </form>
      ) : null}
      <p className="text-sm text-stone-700">{t("essentialNote")}</p>
      <p><Link href="/profile" className="text-brand-800 underline">{t("profileLink")}</Link></p>
    </div>
  );
}
