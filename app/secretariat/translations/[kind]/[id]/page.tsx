// The secretariat's translation editor for one text: a tab per UN language saying what is missing or out of date,
// the original beside the chosen language's form (docs/decisions/0033).
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { requireRoleForPage } from "@/lib/auth/page-guard";
import { EDITOR_FIELDS, EDITOR_KINDS, loadTranslatable, type EditorKind } from "@/lib/i18n/editor";
import { LOCALES, directionOf, isLocale, type Locale } from "@/lib/i18n/config";
import { languageName } from "@/lib/i18n/names";
import { renderMarkdown } from "@/lib/markdown/render";
import { defaultSitePage } from "@/lib/site-pages/defaults";
import { TranslationForm } from "@/components/i18n/translation-form";
import { translationAction } from "../../actions";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ kind: string; id: string }>; searchParams: Promise<{ lang?: string | string[] }> };

export async function generateMetadata(): Promise<Metadata> {
  await requireRoleForPage();
  return { title: (await getTranslations("translations"))("title") };
}

const STATE_STYLE = {
  original: "border-stone-500 bg-stone-100 text-stone-900",
  complete: "border-green-700 bg-green-50 text-green-900",
  outdated: "border-amber-700 bg-amber-50 text-amber-950",
  missing: "border-red-700 bg-red-50 text-red-900",
} as const;

export default async function TranslationEditorPage({ params, searchParams }: Props) {
  const user = await requireRoleForPage();
  const { kind, id } = await params;
  if (!(EDITOR_KINDS as readonly string[]).includes(kind)) notFound();
  const editorKind = kind as EditorKind;
  const loaded = await loadTranslatable(user, editorKind, decodeURIComponent(id));
  if (!loaded.ok) notFound();
  const text = loaded.data;
  const [t, locale, sp] = await Promise.all([getTranslations("translations"), getLocale(), searchParams]);
  const asked = Array.isArray(sp.lang) ? sp.lang[0] : sp.lang;
  // The first language that needs work, unless one was chosen.
  const firstGap = LOCALES.find((l) => text.states[l] === "missing" || text.states[l] === "outdated");
  const language: Locale = isLocale(asked) ? asked : firstGap ?? LOCALES.find((l) => l !== text.originalLanguage) ?? "fr";
  const row = text.translations.find((r) => r.language === language);
  const fields = EDITOR_FIELDS[editorKind].map((f) => ({ ...f, label: t(`fields.${f.name}`) }));
  const base = `/secretariat/translations/${kind}/${encodeURIComponent(text.id)}`;
  // A site page's built-in text in this language is a starting point for its translation.
  const starting = row?.texts ?? (editorKind === "sitePage" ? defaultSitePage(text.id, language) ?? {} : {});
  const name = text.number !== undefined ? t("versionName", { draft: text.name, number: text.number }) : text.name;

  return (
    <div className="space-y-6">
      <p><Link href={text.back} className="text-brand-800 underline">{t("back")}</Link></p>
      <h1 className="text-2xl font-semibold">
        {t(`kinds.${editorKind}`)}: <bdi lang={text.originalLanguage}>{name}</bdi>
      </h1>
      <p className="text-stone-800">{t("intro", { original: languageName(text.originalLanguage, locale) })}</p>
      <nav aria-label={t("languages")}>
        <ul className="flex flex-wrap gap-2">
          {LOCALES.map((l) => {
            const state = text.states[l];
            const current = l === language;
            return (
              <li key={l}>
                {state === "original" ? (
                  <span className={`inline-block rounded border px-3 py-1 ${STATE_STYLE[state]}`}>
                    {languageName(l, locale)} · {t(`states.${state}`)}
                  </span>
                ) : (
                  <Link href={`${base}?lang=${l}`} aria-current={current ? "page" : undefined} data-state={state}
                    className={`inline-block rounded border px-3 py-1 underline-offset-2 hover:underline ${STATE_STYLE[state]} ${current ? "ring-2 ring-brand-700 font-semibold" : ""}`}>
                    {languageName(l, locale)} · {t(`states.${state}`)}
                  </Link>
                )}
              </li>
            );
          })}
        </ul>
      </nav>
      {language === text.originalLanguage ? (
        <p>{t("isOriginal")}</p>
      ) : (
        <div className="grid gap-6 lg:grid-cols-2">
          <section aria-labelledby="original-heading" className="space-y-3 rounded border border-stone-200 bg-white p-4">
            <h2 id="original-heading" className="text-lg font-semibold">{t("original", { language: languageName(text.originalLanguage, locale) })}</h2>
            <dl className="space-y-3" lang={text.originalLanguage} dir={directionOf(text.originalLanguage)}>
              {fields.map((f) => (
                <div key={f.name}>
                  <dt className="font-medium" lang={locale} dir={directionOf(locale)}>{f.label}</dt>
                  {f.markdown ? (
                    <dd className="prose-user max-h-[32rem] overflow-auto" tabIndex={0} dangerouslySetInnerHTML={{ __html: renderMarkdown(text.original[f.name] ?? "") }} />
                  ) : (
                    <dd className="whitespace-pre-wrap">{text.original[f.name] || "—"}</dd>
                  )}
                </div>
              ))}
            </dl>
          </section>
          <section aria-labelledby="translation-heading" className="space-y-3 rounded border border-stone-200 bg-white p-4">
            <h2 id="translation-heading" className="text-lg font-semibold">{t("translation", { language: languageName(language, locale) })}</h2>
            {text.states[language] === "outdated" ? <p className="rounded border border-amber-700 bg-amber-50 p-2 text-amber-950">{t("outdatedHint")}</p> : null}
            {editorKind === "draftVersion" ? <p className="text-sm text-stone-800">{t("versionHint")}</p> : null}
            <TranslationForm
              action={translationAction.bind(null, editorKind, text.id, language)}
              language={language}
              languageName={languageName(language, locale)}
              fields={fields}
              values={starting}
              sourceHash={text.sourceHash}
              expectedUpdatedAt={row?.updatedAt ?? ""}
              exists={!!row}
            />
          </section>
        </div>
      )}
    </div>
  );
}
