// Everything under /secretariat requires the secretariat or admin role; each action checks again in lib/.
import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getCurrentUser, hasRole } from "@/lib/auth/session";

export default async function SecretariatLayout({ children }: { children: React.ReactNode }) {
  const user = await getCurrentUser();
  if (!user) redirect("/signin?callbackUrl=/secretariat");
  const [t, tm, tg, to] = await Promise.all([getTranslations("admin"), getTranslations("moderation.nav"), getTranslations("glossary"), getTranslations("outbox")]);
  if (!hasRole(user, "SECRETARIAT")) {
    return (
      <div className="space-y-3">
        <h1 className="text-2xl font-semibold">{t("forbiddenTitle")}</h1>
        <p>{t("forbiddenBody")}</p>
      </div>
    );
  }
  return (
    <div className="space-y-6">
      <nav aria-label={t("sections")} className="rounded border border-stone-200 bg-white px-4 py-2">
        <ul className="flex flex-wrap gap-4 text-sm">
          <li className="font-semibold text-stone-800">{t("area")}</li>
          <li><Link href="/secretariat" className="text-brand-800 underline">{tm("queue")}</Link></li>
          <li><Link href="/secretariat/consultations" className="text-brand-800 underline">{t("consultations.title")}</Link></li>
          <li><Link href="/secretariat/audit" className="text-brand-800 underline">{tm("audit")}</Link></li>
          <li><Link href="/secretariat/reasons" className="text-brand-800 underline">{tm("reasons")}</Link></li>
          <li><Link href="/secretariat/glossary" className="text-brand-800 underline">{tg("nav")}</Link></li>
          {hasRole(user, "ADMIN") ? <li><Link href="/secretariat/users" className="text-brand-800 underline">{tm("users")}</Link></li> : null}
          {hasRole(user, "ADMIN") ? <li><Link href="/secretariat/outbox" className="text-brand-800 underline">{to("nav")}</Link></li> : null}
        </ul>
      </nav>
      {children}
    </div>
  );
}
