import type { Metadata, Viewport } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import "./globals.css";
import { directionOf, isLocale, DEFAULT_LOCALE } from "@/lib/i18n/config";
import { getCurrentUser, hasRole } from "@/lib/auth/session";
import { SiteHeader } from "@/components/layout/site-header";
import { setLocaleAction } from "@/app/actions/locale";
import { unreadNotificationCount } from "@/lib/notifications/service";
import Link from "next/link";
import { SITE_PAGE_KEYS } from "@/lib/site-pages/defaults";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("app");
  return { title: { default: t("name"), template: `%s · ${t("name")}` }, description: t("tagline") };
}

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

// No NextIntlClientProvider here: the public pages' client code translates nothing, so they carry no catalogue and no
// next-intl client code. The subtrees whose client components do translate wrap themselves in ClientMessages
// (components/i18n/client-messages.tsx): the secretariat and participant layouts, the account and draft pages.
export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const rawLocale = await getLocale();
  const locale = isLocale(rawLocale) ? rawLocale : DEFAULT_LOCALE;
  const [t, tPages, user] = await Promise.all([getTranslations("app"), getTranslations("sitePages"), getCurrentUser()]);
  const unreadNotifications = user ? await unreadNotificationCount(user.id) : 0;

  return (
    <html lang={locale} dir={directionOf(locale)}>
      <body className="min-h-screen flex flex-col">
        <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:start-2 focus:z-50 focus:bg-white focus:px-3 focus:py-2 focus:rounded">
          {t("skipToContent")}
        </a>
        <SiteHeader
          locale={locale}
          user={user ? { name: user.name, isSecretariat: hasRole(user, "SECRETARIAT"), unreadNotifications } : null}
          setLocaleAction={setLocaleAction}
        />
        <main id="main" className="flex-1 w-full max-w-5xl mx-auto px-4 py-8" tabIndex={-1}>
          {children}
        </main>
        {/* Not prefetched, as in the header: on every page, and rendered per request. */}
        <footer className="border-t border-stone-200 bg-white">
          <div className="max-w-5xl mx-auto space-y-3 px-4 py-6 text-sm text-stone-700">
            <nav aria-label={tPages("footerNav")}>
              <ul className="flex flex-wrap gap-x-6 gap-y-2">
                {SITE_PAGE_KEYS.map((key) => (
                  <li key={key}><Link prefetch={false} href={`/pages/${key}`} className="text-brand-800 underline">{tPages(`names.${key}`)}</Link></li>
                ))}
              </ul>
            </nav>
            <p>{t("footer")}</p>
          </div>
        </footer>
      </body>
    </html>
  );
}
