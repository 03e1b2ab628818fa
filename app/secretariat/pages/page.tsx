// The secretariat edits the platform's own pages (accessibility, privacy, terms, help): the original of each, and
// links to its translations with what is missing.
import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { requireRoleForPage } from "@/lib/auth/page-guard";
import { LOCALES } from "@/lib/i18n/config";
import { languageName } from "@/lib/i18n/names";
import { SITE_PAGE_KEYS, defaultSitePage } from "@/lib/site-pages/defaults";
import { listSitePages } from "@/lib/site-pages/service";
import { SitePageForm } from "@/components/site-pages/site-page-form";
import { saveSitePageAction } from "./actions";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  await requireRoleForPage();
  return { title: (await getTranslations("sitePages.admin"))("title") };
}

export default async function SitePagesAdmin() {
  await requireRoleForPage();
  const [t, tNames, tTr, locale, stored] = await Promise.all([
    getTranslations("sitePages.admin"), getTranslations("sitePages.names"), getTranslations("translations"), getLocale(), listSitePages(),
  ]);
  const languages = LOCALES.map((l) => ({ value: l, label: languageName(l, locale) }));
  return (
    <div className="max-w-3xl space-y-8">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <p className="text-stone-800">{t("intro")}</p>
      {SITE_PAGE_KEYS.map((key) => {
        const row = stored.get(key);
        const name = tNames(key);
        const values = row ? { title: row.title, body: row.body, language: row.language } : { ...(defaultSitePage(key, locale) ?? { title: name, body: "" }), language: locale };
        const missing = row ? LOCALES.filter((l) => l !== row.language && !row.translations.some((tr) => tr.language === l)) : [];
        return (
          <section key={key} aria-labelledby={`page-${key}`} className="space-y-3 rounded border border-stone-200 bg-white p-4">
            <h2 id={`page-${key}`} className="text-xl font-semibold">{name}</h2>
            <p className="text-sm text-stone-800">
              {row ? t("edited", { language: languageName(row.language, locale) }) : t("builtIn")}
              {" · "}
              <Link href={`/pages/${key}`} className="text-brand-800 underline">{t("view", { page: name })}</Link>
              {row ? (
                <>
                  {" · "}
                  <Link href={`/secretariat/translations/sitePage/${key}`} className="text-brand-800 underline">{t("translate", { page: name })}</Link>
                  {" "}({missing.length ? tTr("missingCount", { count: missing.length }) : tTr("allTranslated")})
                </>
              ) : null}
            </p>
            <SitePageForm pageKey={key} action={saveSitePageAction.bind(null, key)} values={values} version={row?.version ?? 0} languages={languages} />
          </section>
        );
      })}
    </div>
  );
}
