import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { LOCALES, LOCALE_LABELS, type Locale } from "@/lib/i18n/config";
import { SignOutButton } from "@/components/auth/sign-out-button";

interface Props {
  locale: Locale;
  user: { name: string; isSecretariat: boolean; unreadNotifications: number } | null;
  setLocaleAction: (formData: FormData) => Promise<void>;
}

export async function SiteHeader({ locale, user, setLocaleAction }: Props) {
  const t = await getTranslations();
  const link = "rounded px-2 py-1 text-stone-800 hover:bg-brand-50 hover:text-brand-800";
  return (
    <header className="border-b border-stone-200 bg-white">
      <div className="max-w-5xl mx-auto px-4 py-3 flex flex-wrap items-center gap-x-6 gap-y-2">
        <Link href="/" className="text-xl font-semibold text-brand-800">
          {t("app.name")}
        </Link>
        <nav aria-label={t("nav.main")} className="flex-1">
          <ul className="flex flex-wrap items-center gap-2">
            <li><Link className={link} href="/">{t("nav.home")}</Link></li>
            {user ? (
              <>
                <li><Link className={link} href="/my/contributions">{t("nav.myContributions")}</Link></li>
                {user.isSecretariat ? <li><Link className={link} href="/secretariat">{t("nav.secretariat")}</Link></li> : null}
                <li>
                  <Link className={link} href="/notifications">
                    {t("notifications.link", { count: user.unreadNotifications })}
                  </Link>
                </li>
                <li><Link className={link} href="/profile">{t("nav.profile")}</Link></li>
                <li className="text-sm text-stone-700">{t("nav.signedInAs", { name: user.name })}</li>
                <li><SignOutButton label={t("nav.signOut")} className={link} /></li>
              </>
            ) : (
              <>
                <li><Link className={link} href="/signin">{t("nav.signIn")}</Link></li>
                <li><Link className={`${link} bg-brand-700 text-white hover:bg-brand-800 hover:text-white`} href="/signup">{t("nav.signUp")}</Link></li>
              </>
            )}
          </ul>
        </nav>
        <form action={setLocaleAction} aria-label={t("nav.changeLanguage")} className="flex items-center gap-1 text-sm">
          <span className="text-stone-700 me-1">{t("nav.language")}:</span>
          {LOCALES.map((l) => (
            <button
              key={l}
              type="submit"
              name="locale"
              value={l}
              lang={l}
              aria-current={l === locale ? "true" : undefined}
              className={`rounded px-2 py-1 ${l === locale ? "bg-brand-700 text-white" : "text-brand-800 hover:bg-brand-50"}`}
            >
              {LOCALE_LABELS[l]}
            </button>
          ))}
        </form>
      </div>
    </header>
  );
}
