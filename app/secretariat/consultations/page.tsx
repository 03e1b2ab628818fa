import type { Metadata } from "next";
import { requireRoleForPage } from "@/lib/auth/page-guard";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { listAllConsultations } from "@/lib/consultations/admin";

export async function generateMetadata(): Promise<Metadata> {
  await requireRoleForPage();
  return { title: (await getTranslations("admin.consultations"))("title") };
}

export default async function AdminConsultationsPage() {
  await requireRoleForPage();
  const [t, tStatus, tc, tm, ts] = await Promise.all([
    getTranslations("admin.consultations"), getTranslations("admin.statuses"), getTranslations("consultation"), getTranslations("moderation.nav"), getTranslations("synthesis"),
  ]);
  const rows = await listAllConsultations();
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <Link href="/secretariat/consultations/new" className="rounded bg-brand-700 px-4 py-2 text-white hover:bg-brand-800">{t("new")}</Link>
      </div>
      {rows.length === 0 ? (
        <p>{t("none")}</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full border-collapse bg-white text-start">
            <thead>
              <tr className="border-b border-stone-300 text-start">
                <th scope="col" className="p-2 text-start">{t("colTitle")}</th>
                <th scope="col" className="p-2 text-start">{t("colStatus")}</th>
                <th scope="col" className="p-2 text-start">{t("colContributions")}</th>
                <th scope="col" className="p-2 text-end">{t("colSubmissions")}</th>
                <th scope="col" className="p-2 text-start">{t("manage")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((c) => (
                <tr key={c.id} className="border-b border-stone-200">
                  <th scope="row" className="p-2 text-start font-normal">
                    <Link href={`/secretariat/consultations/${c.slug}`} className="text-brand-800 underline">{c.title}</Link>
                  </th>
                  <td className="p-2">{tStatus(c.status)}</td>
                  <td className="p-2">
                    {c.contributionsOpenAt && c.contributionsCloseAt ? tc("period", { start: c.contributionsOpenAt, end: c.contributionsCloseAt }) : t("unscheduled")}
                  </td>
                  <td className="p-2 text-end">{c._count.submissions}</td>
                  <td className="p-2">
                    <ul className="flex flex-wrap gap-3 text-sm">
                      <li><Link href={`/secretariat/consultations/${c.slug}/balance`} className="text-brand-800 underline">{tm("balance")}<span className="sr-only"> — {c.title}</span></Link></li>
                      <li><Link href={`/secretariat/consultations/${c.slug}/synthesis`} className="text-brand-800 underline">{ts("nav")}<span className="sr-only"> — {c.title}</span></Link></li>
                    </ul>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
