// The secretariat's navigation. Everything under /secretariat requires the secretariat or admin role: this layout
// checks, but is no guard on its own (it is not re-run on client navigation and renders beside the page), so every
// page and route here checks again before it reads (lib/auth/page-guard.ts), and every action again in lib/.
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { hasRole } from "@/lib/auth/session";
import { requireRoleForPage } from "@/lib/auth/page-guard";
import { ClientMessages } from "@/components/i18n/client-messages";

export default async function SecretariatLayout({ children }: { children: React.ReactNode }) {
  const user = await requireRoleForPage();
  const [t, tm, tg, to, tmeet, tp, ti, tid] = await Promise.all([
    getTranslations("admin"), getTranslations("moderation.nav"), getTranslations("glossary"), getTranslations("outbox"), getTranslations("meetings.nav"),
    getTranslations("sitePages.admin"), getTranslations("issues"), getTranslations("identity.queue"),
  ]);
  const torg = await getTranslations("organisations");
  return (
    <div className="space-y-6">
      <nav aria-label={t("sections")} className="rounded border border-stone-200 bg-white px-4 py-2">
        <ul className="flex flex-wrap gap-4 text-sm">
          <li className="font-semibold text-stone-800">{t("area")}</li>
          <li><Link href="/secretariat" className="text-brand-800 underline">{tm("queue")}</Link></li>
          <li><Link href="/secretariat/consultations" className="text-brand-800 underline">{t("consultations.title")}</Link></li>
          <li><Link href="/secretariat/verification" className="text-brand-800 underline">{tid("nav")}</Link></li>
          <li><Link href="/secretariat/organisations" className="text-brand-800 underline">{torg("secretariatNav")}</Link></li>
          <li><Link href="/secretariat/audit" className="text-brand-800 underline">{tm("audit")}</Link></li>
          <li><Link href="/secretariat/reasons" className="text-brand-800 underline">{tm("reasons")}</Link></li>
          <li><Link href="/secretariat/glossary" className="text-brand-800 underline">{tg("nav")}</Link></li>
          <li><Link href="/secretariat/roster" className="text-brand-800 underline">{tmeet("roster")}</Link></li>
          <li><Link href="/secretariat/themes" className="text-brand-800 underline">{tmeet("themes")}</Link></li>
          <li><Link href="/secretariat/pages" className="text-brand-800 underline">{tp("title")}</Link></li>
          <li><Link href="/secretariat/issues" className="text-brand-800 underline">{ti("nav")}</Link></li>
          {hasRole(user, "ADMIN") ? <li><Link href="/secretariat/users" className="text-brand-800 underline">{tm("users")}</Link></li> : null}
          {hasRole(user, "ADMIN") ? <li><Link href="/secretariat/outbox" className="text-brand-800 underline">{to("nav")}</Link></li> : null}
        </ul>
      </nav>
      {/* The secretariat's forms are client components that translate: they get every catalogue. */}
      <ClientMessages>{children}</ClientMessages>
    </div>
  );
}
