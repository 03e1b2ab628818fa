import type { Metadata } from "next";
import { translationGaps } from "@/lib/i18n/editor";
import { TranslationsLink } from "@/components/i18n/translations-link";
import { requireRoleForPage } from "@/lib/auth/page-guard";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { db } from "@/lib/db/client";
import { listGlossary, unknownAcronyms } from "@/lib/synthesis/glossary";
import { AddTermForm, EditTermForm } from "@/components/synthesis/glossary-forms";
import { buttonClass, inputClass } from "@/components/ui/field";
import { addTermAction, editTermAction } from "./actions";

export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<{ consultation?: string; acronym?: string }> };

export async function generateMetadata(): Promise<Metadata> {
  await requireRoleForPage();
  const t = await getTranslations("glossary");
  return { title: t("title") };
}

export default async function GlossaryPage({ searchParams }: Props) {
  const sp = await searchParams;
  const t = await getTranslations("glossary");
  const user = await requireRoleForPage();
  const [terms, consultations] = await Promise.all([
    listGlossary(),
    db.consultation.findMany({ orderBy: [{ createdAt: "desc" }], select: { slug: true, title: true } }),
  ]);
  const selected = consultations.find((c) => c.slug === sp.consultation) ?? null;
  const unknown = selected ? await unknownAcronyms(user, selected.slug) : null;
  const termGaps = await translationGaps(user, "glossaryTerm", terms.map((term) => term.id));
  const prefill = typeof sp.acronym === "string" ? sp.acronym.slice(0, 20) : "";

  return (
    <div className="max-w-3xl space-y-8">
      <div className="space-y-1">
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="text-stone-800">{t("intro")}</p>
      </div>

      <section aria-labelledby="unknown-heading" className="space-y-3 rounded border border-stone-200 bg-white p-4">
        <h2 id="unknown-heading" className="text-lg font-semibold">{t("unknown.title")}</h2>
        <form method="get" className="flex flex-wrap items-end gap-3">
          <div className="flex flex-col gap-1">
            <label htmlFor="consultation" className="font-medium">{t("unknown.consultation")}</label>
            <select id="consultation" name="consultation" defaultValue={selected?.slug ?? ""} className={inputClass}>
              <option value="">{t("unknown.choose")}</option>
              {consultations.map((c) => <option key={c.slug} value={c.slug}>{c.title}</option>)}
            </select>
          </div>
          <button type="submit" className={buttonClass}>{t("unknown.scan")}</button>
        </form>
        {unknown?.ok ? (
          unknown.data.length === 0 ? <p>{t("unknown.none")}</p> : (
            <ul className="flex flex-wrap gap-2" aria-label={t("unknown.listLabel")}>
              {unknown.data.map((u) => (
                <li key={u.acronym}>
                  <Link
                    href={`/secretariat/glossary?consultation=${encodeURIComponent(selected?.slug ?? "")}&acronym=${encodeURIComponent(u.acronym)}#add-term`}
                    className="inline-block rounded border border-stone-400 px-2 py-1 text-brand-800 underline"
                  >
                    {t("unknown.fill", { acronym: u.acronym, count: u.occurrences })}
                  </Link>
                </li>
              ))}
            </ul>
          )
        ) : null}
      </section>

      <AddTermForm key={prefill} action={addTermAction} initial={{ acronym: prefill, expansion: "" }} />

      <section aria-labelledby="terms-heading" className="space-y-2">
        <h2 id="terms-heading" className="text-lg font-semibold">{t("terms", { count: terms.length })}</h2>
        {terms.length === 0 ? <p>{t("none")}</p> : null}
        {terms.map((term) => (
          <div key={term.id}>
            <EditTermForm termKey={term.id} action={editTermAction.bind(null, term.id)} values={{ acronym: term.acronym, expansion: term.expansion }} />
            <TranslationsLink kind="glossaryTerm" id={term.id} gaps={termGaps.get(term.id) ?? 0} />
          </div>
        ))}
      </section>
    </div>
  );
}
