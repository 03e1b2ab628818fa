// Follow a new issue: choose the round, then the point of its synthesis that raised it (the synthesis page links
// here with both chosen), then name and date it.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requireRoleForPage } from "@/lib/auth/page-guard";
import { listRoundsForIssues, roundTargets } from "@/lib/issues/service";
import { CreateIssueForm } from "@/components/issues/issue-forms";
import { buttonClass, inputClass } from "@/components/ui/field";
import { createIssueAction } from "../actions";

export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<{ round?: string | string[]; point?: string | string[] }> };

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? "";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("issues.create"))("title") };
}

export default async function NewIssuePage({ searchParams }: Props) {
  const user = await requireRoleForPage("SECRETARIAT", "/secretariat/issues/new");
  const sp = await searchParams;
  const rounds = await listRoundsForIssues(user);
  if (!rounds) notFound();
  const roundSlug = one(sp.round);
  const targets = roundSlug ? await roundTargets(user, roundSlug) : null;
  const [t, ta] = await Promise.all([getTranslations("issues.create"), getTranslations("issues.admin")]);
  const excerpt = (text: string) => (text.length > 220 ? `${text.slice(0, 220)}…` : text);
  return (
    <div className="max-w-4xl space-y-6">
      <p><Link href="/secretariat/issues" className="text-brand-800 underline">{ta("back")}</Link></p>
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <p>{t("intro")}</p>
      <form method="get" action="/secretariat/issues/new" className="flex flex-wrap items-end gap-3 rounded border border-stone-200 bg-white p-4">
        <div className="flex min-w-64 flex-1 flex-col gap-1">
          <label htmlFor="issue-round" className="font-medium">{t("chooseRound")}</label>
          <select id="issue-round" name="round" defaultValue={targets?.round.slug ?? ""} className={inputClass}>
            <option value="">—</option>
            {rounds.map((r) => <option key={r.slug} value={r.slug}>{r.title} ({r.day.slice(0, 4)})</option>)}
          </select>
        </div>
        <button type="submit" className={buttonClass}>{t("showPoints")}</button>
      </form>
      {targets ? (
        targets.points.length === 0 ? (
          <p>{t("noPoints")} <Link href={`/secretariat/consultations/${targets.round.slug}/synthesis`} className="text-brand-800 underline">{t("synthesisLink")}</Link></p>
        ) : (
          <CreateIssueForm
            action={createIssueAction}
            consultation={targets.round.slug}
            defaults={{ pointKey: one(sp.point), date: targets.round.day }}
            points={targets.points.map((p) => ({
              key: p.key,
              label: p.number !== null ? t("pointLabel", { number: p.number, text: excerpt(p.text) }) : t("furtherLabel", { text: excerpt(p.text) }),
              followedBy: p.issueTitle,
            }))}
          />
        )
      ) : roundSlug ? notFound() : null}
    </div>
  );
}
