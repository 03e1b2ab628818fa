// The secretariat's history of a contribution as sentences, each author's edit with "Show changes": a word diff
// marked with text (added:/removed:), not by colour alone.
import { getLocale, getTranslations } from "next-intl/server";
import { DiffSegments } from "@/components/comments/proposal-diff";
import { languageName } from "@/lib/i18n/names";
import type { HistoryEntry } from "@/lib/submissions/history";

export async function ContributionHistory({ entries, themeTitles, language }: { entries: HistoryEntry[]; themeTitles: Map<string, string>; language: string }) {
  const [t, ts, locale] = await Promise.all([getTranslations("submissions.history"), getTranslations("submissions.status"), getLocale()]);
  if (entries.length === 0) return <p>{t("none")}</p>;
  const theme = (slug: string) => themeTitles.get(slug) ?? slug;
  return (
    <ol className="space-y-2 text-sm" data-testid="contribution-history">
      {entries.map((e, i) => (
        <li key={i} className="rounded border border-stone-200 bg-white p-3">
          <p>
            {t(`said.${e.kind}`, { by: e.by, name: e.name ?? t("unknown"), date: e.at, status: e.toStatus ? ts(e.toStatus) : "" })}
            {e.reasonCode ? ` ${t(`code.${e.reasonCode}`)}` : ""}
          </p>
          {e.reason ? <p className="mt-1" dir="auto">{e.kind === "publishedOverBalance" ? t("justification", { reason: e.reason }) : t("reason", { reason: e.reason })}</p> : null}
          {e.changes ? (
            <details className="mt-2">
              <summary className="cursor-pointer font-medium text-brand-800 underline">{t("showChanges", { from: e.changes.from, to: e.changes.to })}</summary>
              <dl className="mt-2 space-y-2">
                {e.changes.title ? (<><dt className="font-medium">{t("changedTitle")}</dt><dd lang={language}><DiffSegments segments={e.changes.title} /></dd></>) : null}
                {e.changes.themesAdded.length ? (<><dt className="font-medium">{t("themesAdded")}</dt><dd>{e.changes.themesAdded.map(theme).join(", ")}</dd></>) : null}
                {e.changes.themesRemoved.length ? (<><dt className="font-medium">{t("themesRemoved")}</dt><dd>{e.changes.themesRemoved.map(theme).join(", ")}</dd></>) : null}
                {e.changes.language ? (<><dt className="font-medium">{t("changedLanguage")}</dt><dd>{t("languageChange", { from: languageName(e.changes.language.from, locale), to: languageName(e.changes.language.to, locale) })}</dd></>) : null}
                {e.changes.body ? (<><dt className="font-medium">{t("changedText")}</dt><dd className="whitespace-pre-wrap" lang={language}><DiffSegments segments={e.changes.body} /></dd></>) : null}
                {!e.changes.title && !e.changes.body && !e.changes.themesAdded.length && !e.changes.themesRemoved.length && !e.changes.language ? <dd>{t("noTextChange")}</dd> : null}
              </dl>
              <p className="mt-2 text-xs text-stone-700">{t("legend")}</p>
            </details>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
