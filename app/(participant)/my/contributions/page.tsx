import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { getCurrentUser } from "@/lib/auth/session";
import { isDraftReference } from "@/lib/submissions/reference";
import { listMyContributions } from "@/lib/submissions/service";
import { StatusBadge } from "@/components/submissions/status-badge";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("submissions.mine"))("title") };
}

export default async function MyContributionsPage() {
  const user = await getCurrentUser();
  if (!user) redirect("/signin?callbackUrl=/my/contributions");
  const [t, ts, tApp, tm, format] = await Promise.all([getTranslations("submissions.mine"), getTranslations("submissions.status"), getTranslations("app"), getTranslations("dispositions.mine"), getFormatter()]);
  const rows = await listMyContributions(user.id);

  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <p className="text-stone-800">{t("intro")}</p>
      <p><Link href="/my/comments" className="text-brand-800 underline">{tm("link")}</Link></p>
      {rows.length === 0 ? (
        <p>{t("none")}</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full border-collapse bg-white text-start text-sm">
            <thead>
              <tr className="border-b border-stone-300">
                <th scope="col" className="p-2 text-start">{t("reference")}</th>
                <th scope="col" className="p-2 text-start">{t("contribution")}</th>
                <th scope="col" className="p-2 text-start">{t("status")}</th>
                <th scope="col" className="p-2 text-start">{t("note")}</th>
                <th scope="col" className="p-2 text-start">{t("updated")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => {
                const draft = row.status === "DRAFT";
                const note = row.moderationNote ?? row.moderationEvents[0]?.reason ?? null;
                return (
                  <tr key={row.id} className="border-b border-stone-200 align-top">
                    <td className="p-2 font-mono">{draft || isDraftReference(row.reference) ? t("noReference") : row.reference}</td>
                    <td className="p-2">
                      <Link href={draft ? `/consultations/${row.consultation.slug}/contribute?id=${row.id}` : `/my/contributions/${row.id}`} className="text-brand-800 underline">
                        {row.title || (draft ? t("continue") : row.reference)}
                      </Link>
                      <div className="text-stone-700">{row.consultation.title}</div>
                      {row.attachments.length ? (
                        <div className="mt-1">
                          <span className="font-medium">{t("attachments", { count: row.attachments.length })}</span>
                          <ul className="list-disc ps-5" data-testid="my-attachments">
                            {row.attachments.map((a) => <li key={a.id}><bdi>{a.filename}</bdi> ({format.number(a.size / 1024 / 1024, { maximumFractionDigits: 1 })} MB)</li>)}
                          </ul>
                        </div>
                      ) : null}
                    </td>
                    <td className="p-2"><StatusBadge status={row.status} label={ts(row.status)} /></td>
                    <td className="p-2">{note ?? "—"}</td>
                    <td className="p-2">{tApp("dateTime", { date: row.updatedAt })}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
