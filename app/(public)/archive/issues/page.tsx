// Issues followed across meetings: every issue raised in a public round's synthesis, with its latest public step.
import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { ISSUE_PATH, listPublicIssues } from "@/lib/issues/service";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("issues.public"))("title") };
}

export default async function PublicIssuesPage() {
  const [issues, t, format] = await Promise.all([listPublicIssues(), getTranslations("issues"), getFormatter()]);
  const dateOf = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeZone: "UTC" });
  return (
    <div className="space-y-6">
      <header className="space-y-2">
        <p><Link href="/archive" className="text-brand-800 underline">{t("public.backToArchive")}</Link></p>
        <h1 className="text-3xl font-semibold">{t("public.title")}</h1>
        <p>{t("public.intro")}</p>
      </header>
      {issues.length === 0 ? <p>{t("public.none")}</p> : (
        <ul className="space-y-3" data-testid="followed-issues">
          {issues.map((i) => (
            <li key={i.slug} className="rounded border border-stone-200 bg-white p-4">
              <h2 className="text-lg font-semibold"><Link href={ISSUE_PATH(i.slug)} className="text-brand-800 underline" dir="auto">{i.title}</Link></h2>
              <p className="text-sm text-stone-800">{t("public.raisedIn", { round: i.round.title, year: i.round.year })}</p>
              {i.description ? <p className="mt-1" dir="auto">{i.description}</p> : null}
              <p className="mt-1 text-sm">{t("public.summary", { count: i.steps, first: dateOf(i.firstDate), last: dateOf(i.lastDate), status: t(`statuses.${i.lastStatus}`) })}</p>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
