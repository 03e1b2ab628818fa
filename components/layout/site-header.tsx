// The site header. Wide screens: the main links inline, then the language and account menus; narrow screens: one
// "Menu" disclosure holding all of it. Menus are <details> elements, so they work without JavaScript; MenuCloser
// (a few lines of client code) only closes them after a navigation, on Escape and on a click elsewhere. Its links do
// not prefetch: they are on every page, the pages they lead to are rendered per request (a prefetch brings nothing
// to show before the click), and each would cost every page view two more requests, on slow connections too.
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { LOCALES, LOCALE_LABELS, type Locale } from "@/lib/i18n/config";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { MenuCloser } from "./menu-closer";

interface Props {
  locale: Locale;
  user: { name: string; isSecretariat: boolean; unreadNotifications: number } | null;
  setLocaleAction: (formData: FormData) => Promise<void>;
}

const itemClass = "block rounded px-2 py-1 text-stone-800 hover:bg-brand-50 hover:text-brand-800";
const summaryClass = "flex cursor-pointer list-none items-center gap-1 rounded px-2 py-1 text-stone-800 hover:bg-brand-50 [&::-webkit-details-marker]:hidden";
const panelClass = "absolute end-0 z-40 mt-1 w-60 space-y-1 rounded border border-stone-200 bg-white p-2 shadow-lg";

function Caret() {
  return <span aria-hidden="true" className="text-xs text-stone-600">▾</span>;
}

export async function SiteHeader({ locale, user, setLocaleAction }: Props) {
  const t = await getTranslations();
  const links = [
    { href: "/", label: t("nav.home") },
    { href: "/archive", label: t("archive.nav") },
    { href: "/organisations", label: t("organisations.nav") },
    ...(user ? [{ href: "/my/contributions", label: t("nav.myContributions") }] : []),
    ...(user?.isSecretariat ? [{ href: "/secretariat", label: t("nav.secretariat") }] : []),
  ];
  const notifications = user ? t("notifications.link", { count: user.unreadNotifications }) : "";

  const languageForm = (columns: string) => (
    <form action={setLocaleAction} aria-label={t("nav.changeLanguage")}>
      <ul className={columns}>
        {LOCALES.map((l) => (
          <li key={l}>
            <button
              type="submit"
              name="locale"
              value={l}
              lang={l}
              aria-current={l === locale ? "true" : undefined}
              className={`w-full rounded px-2 py-1 text-start ${l === locale ? "bg-brand-700 text-white" : "text-brand-800 hover:bg-brand-50"}`}
            >
              {LOCALE_LABELS[l]}
            </button>
          </li>
        ))}
      </ul>
    </form>
  );

  const accountLinks = user ? (
    <ul className="space-y-1">
      <li className="px-2 py-1 text-sm text-stone-700">{t("nav.signedInAs", { name: user.name })}</li>
      <li><Link prefetch={false} className={itemClass} href="/notifications">{notifications}</Link></li>
      <li><Link prefetch={false} className={itemClass} href="/profile">{t("nav.profile")}</Link></li>
      <li><Link prefetch={false} className={itemClass} href="/profile/organisations">{t("organisations.mineTitle")}</Link></li>
      <li><SignOutButton label={t("nav.signOut")} className={`${itemClass} w-full text-start`} /></li>
    </ul>
  ) : null;

  const guestLinks = (
    <>
      <Link prefetch={false} className={`${itemClass} whitespace-nowrap`} href="/signin">{t("nav.signIn")}</Link>
      <Link prefetch={false} className={`${itemClass} whitespace-nowrap bg-brand-700 text-white hover:bg-brand-800 hover:text-white`} href="/signup">{t("nav.signUp")}</Link>
    </>
  );

  return (
    <header className="relative border-b border-stone-200 bg-white">
      <MenuCloser />
      <div className="mx-auto flex max-w-5xl items-center gap-4 px-4 py-3">
        <Link prefetch={false} href="/" className="shrink-0 text-xl font-semibold text-brand-800">{t("app.name")}</Link>

        {/* Wide screens */}
        <nav aria-label={t("nav.main")} className="hidden min-w-0 flex-1 lg:block">
          <ul className="flex items-center gap-1 whitespace-nowrap">
            {links.map((l) => <li key={l.href}><Link prefetch={false} className={itemClass} href={l.href}>{l.label}</Link></li>)}
          </ul>
        </nav>
        <div className="hidden shrink-0 items-center gap-2 lg:flex">
          <details data-menu className="relative">
            <summary className={summaryClass}>
              <span className="sr-only">{t("nav.language")}: </span>
              <span lang={locale}>{LOCALE_LABELS[locale]}</span>
              <Caret />
            </summary>
            <div className={panelClass}>{languageForm("space-y-1")}</div>
          </details>
          {user ? (
            <details data-menu className="relative">
              <summary className={summaryClass}>
                <span className="sr-only">{t("nav.account")}: </span>
                <span className="max-w-[12rem] truncate" dir="auto">{user.name}</span>
                {user.unreadNotifications > 0 ? (
                  <span className="rounded-full bg-brand-700 px-1.5 text-xs font-semibold text-white" data-testid="unread-badge">
                    <span aria-hidden="true">{user.unreadNotifications}</span>
                    <span className="sr-only">{notifications}</span>
                  </span>
                ) : null}
                <Caret />
              </summary>
              <div className={panelClass}>{accountLinks}</div>
            </details>
          ) : guestLinks}
        </div>

        {/* Narrow screens: everything behind one button */}
        <details data-menu className="ms-auto lg:hidden">
          <summary className={`${summaryClass} border border-stone-300`}>
            {t("nav.menu")}
            {user && user.unreadNotifications > 0 ? <span aria-hidden="true" className="rounded-full bg-brand-700 px-1.5 text-xs font-semibold text-white">{user.unreadNotifications}</span> : null}
            <Caret />
          </summary>
          <div className="absolute inset-x-0 z-40 mt-3 border-b border-stone-200 bg-white px-4 py-3 shadow-lg">
            <div className="mx-auto grid max-w-5xl gap-4 sm:grid-cols-2">
              <nav aria-label={t("nav.main")}>
                <ul className="space-y-1">
                  {links.map((l) => <li key={l.href}><Link prefetch={false} className={itemClass} href={l.href}>{l.label}</Link></li>)}
                </ul>
              </nav>
              {user ? accountLinks : <div className="flex flex-wrap gap-2">{guestLinks}</div>}
              <section aria-label={t("nav.language")} className="sm:col-span-2">
                <p className="px-2 text-sm font-medium text-stone-700">{t("nav.language")}</p>
                {languageForm("grid grid-cols-3 gap-1")}
              </section>
            </div>
          </div>
        </details>
      </div>
    </header>
  );
}
