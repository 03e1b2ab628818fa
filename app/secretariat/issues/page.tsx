// Followed issues, for the secretariat: every issue marked on a synthesis point, its round and how many steps its
// path has; a new one is started from a point of a round's synthesis.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requireRoleForPage } from "@/lib/auth/page-guard";
import { ADMIN_ISSUE_PATH, listIssuesForAdmin } from "@/lib/issues/service";
import { buttonClass } from "@/components/ui/field";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("issues.admin"))("title") };
}

export default async function IssuesAdminPage() {
  const user = await requireRoleForPage("SECRETARIAT", "/secretariat/issues");
  const issues = await listIssuesForAdmin(user);
  if (!issues) notFound();
  const t = await getTranslations("issues.admin");
  return (
    <div className="max-w-4xl space-y-6">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <p>{t("intro")}</p>
      <p className="flex flex-wrap gap-4">
        <Link href="/secretariat/issues/new" className={buttonClass}>{t("new")}</Link>
        <Link href="/archive/issues" className="self-center text-brand-800 underline">{t("publicList")}</Link>
      </p>
      {issues.length === 0 ? <p>{t("none")}</p> : (
        <table className="w-full bg-white text-sm">
          <thead>
            <tr className="border-b border-stone-300">
              <th scope="col" className="p-2 text-start">{t("issue")}</th>
              <th scope="col" className="p-2 text-start">{t("round")}</th>
              <th scope="col" className="p-2 text-end">{t("steps")}</th>
            </tr>
          </thead>
          <tbody>
            {issues.map((i) => (
              <tr key={i.id} className="border-b border-stone-100">
                <th scope="row" className="p-2 text-start font-normal"><Link href={ADMIN_ISSUE_PATH(i.id)} className="text-brand-800 underline" dir="auto">{i.title}</Link></th>
                <td className="p-2" dir="auto">{i.consultation.title}</td>
                <td className="p-2 text-end tabular-nums">{i._count.links}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
