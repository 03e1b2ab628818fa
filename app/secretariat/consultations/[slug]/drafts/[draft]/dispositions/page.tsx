// The secretariat's working view for answering the comments on a draft version: grouped by paragraph, filtered by
// stakeholder group and "no answer yet", answered with the keyboard one by one or in bulk (campaigns collapsed).
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { requireRoleForPage } from "@/lib/auth/page-guard";
import { dispositionProgress, listDispositionWork } from "@/lib/dispositions/queries";
import { listReasonTemplates } from "@/lib/moderation/reasons";
import { renderMarkdown } from "@/lib/markdown/render";
import { STAKEHOLDER_GROUPS } from "@/lib/stakeholders/groups";
import { countryName } from "@/lib/geo/countries";
import { ProposalDiff } from "@/components/comments/proposal-diff";
import { DispositionBadge } from "@/components/dispositions/disposition-badge";
import { DispositionCountsTable, DispositionSentences } from "@/components/dispositions/counts-table";
import { DispositionWorkView } from "@/components/dispositions/work-view";
import type { WorkGroupView } from "@/components/dispositions/work-types";
import { FilterSelect } from "@/components/ui/filter-select";
import { recordDispositionsAction } from "./actions";

export const dynamic = "force-dynamic";

type Search = Record<string, string | string[] | undefined>;
type Props = { params: Promise<{ slug: string; draft: string }>; searchParams: Promise<Search> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { draft } = await params;
  return { title: (await getTranslations("dispositions.work"))("metaTitle", { draft }) };
}

const excerpt = (text: string, n = 90) => (text.length > n ? `${text.slice(0, n - 1)}…` : text);

export default async function DispositionWorkPage({ params, searchParams }: Props) {
  const { slug, draft: draftSlug } = await params;
  const sp = Object.fromEntries(Object.entries(await searchParams).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  // The layout refuses other roles too; this page does not rely on it.
  const user = await requireRoleForPage();
  const work = await listDispositionWork(user, slug, draftSlug, sp);
  if (!work) notFound();
  const [t, tk, tg, td, format, locale, templates, progress] = await Promise.all([
    getTranslations("dispositions.work"), getTranslations("dispositions.kinds"), getTranslations("groups"), getTranslations("drafts"), getFormatter(), getLocale(),
    listReasonTemplates(user), dispositionProgress(work.draft.id),
  ]);
  const adminBase = `/secretariat/consultations/${slug}/drafts/${draftSlug}`;
  const publicBase = `/consultations/${slug}/drafts/${draftSlug}`;
  const { version, next, filter } = work;
  const query = (extra: Record<string, string | undefined>) => {
    const q = new URLSearchParams();
    const merged = { version: version ? String(version.number) : undefined, group: filter.group, pending: filter.pending ? "1" : undefined, ...extra };
    for (const [k, v] of Object.entries(merged)) if (v) q.set(k, v);
    return `${adminBase}/dispositions?${q.toString()}`;
  };
  const date = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });
  const optionLabel = (n: number, text: string) => `${td("paragraphShort", { number: n })} — ${excerpt(text.replace(/\s+/g, " "), 70)}`;

  const groups: WorkGroupView[] = work.groups.map((g) => ({
    key: g.key,
    header: (
      <div className="space-y-1">
        <h3 className="font-semibold">
          {g.paragraph && g.paragraph.number !== null ? t("groupParagraph", { number: g.paragraph.number, version: version?.number ?? 0 }) : t("groupWhole")}
          {g.paragraph ? (
            <span className="ms-2 font-normal text-stone-800">
              {g.next ? (g.next.number !== null ? t("groupNext", { number: g.next.number, version: next?.number ?? 0, change: td(`change.${g.next.change}`) }) : null) : t("groupRemoved", { version: next?.number ?? 0 })}
            </span>
          ) : null}
        </h3>
        {g.paragraph ? <blockquote className="border-s-4 border-stone-300 ps-3 text-sm text-stone-800" dir="auto">{g.paragraph.text}</blockquote> : null}
        {g.paragraph && g.next && g.next.text !== g.paragraph.text ? (
          <details className="text-sm">
            <summary className="cursor-pointer text-brand-800 underline">{t("groupNewText", { version: next?.number ?? 0 })}</summary>
            <blockquote className="mt-1 border-s-4 border-brand-700 ps-3 text-stone-900" dir="auto">{g.next.text}</blockquote>
          </details>
        ) : null}
      </div>
    ),
    rows: g.rows.map((r) => ({
      selection: r.selection,
      label: `${r.organisationName ? `${r.authorName} (${r.organisationName})` : r.authorName} · ${tg(r.group)}${r.campaign ? ` · ${t("campaign", { count: r.campaign.count })}` : ""}`,
      count: r.campaign?.count ?? 1,
      suggestedParagraphId: r.suggested?.id ?? null,
      current: r.disposition ? { kind: r.disposition.kind, reason: r.disposition.reason, paragraphId: work.options.find((o) => o.anchorId === r.disposition?.paragraph?.anchorId)?.id ?? null } : null,
      content: (
        <>
          <p className="text-sm text-stone-700">{[countryName(r.country, locale), `${date(r.createdAt)} UTC`].join(" · ")}</p>
          {/* renderMarkdown: no raw HTML, safe links. */}
          <div className="prose-user text-sm" dir="auto" dangerouslySetInnerHTML={{ __html: renderMarkdown(r.body) }} />
          {r.proposedText && g.paragraph ? <ProposalDiff before={g.paragraph.text} after={r.proposedText} /> : null}
          {r.campaign ? <p className="inline-block rounded bg-amber-100 px-2 py-0.5 text-sm text-amber-950">{t("campaignHint", { count: r.campaign.count })}</p> : null}
          <div className="flex flex-wrap items-center gap-2 text-sm">
            {r.disposition ? (
              <>
                <DispositionBadge kind={r.disposition.kind} label={tk(r.disposition.kind)} />
                {r.disposition.paragraph ? <span>{t("reflectedIn", { number: r.disposition.paragraph.number, version: r.disposition.paragraph.version })}</span> : null}
                {r.history[0] ? <span className="text-stone-700">{t("answeredBy", { name: r.history[0].by ?? t("unknown"), date: date(r.history[0].at) })}</span> : null}
              </>
            ) : (
              <DispositionBadge kind={null} label={t("noAnswer")} />
            )}
            {r.suggested && !r.disposition ? <span className="text-stone-800">{t("suggested", { number: r.suggested.number, version: next?.number ?? 0 })}</span> : null}
          </div>
          {r.disposition?.reason ? <p className="text-sm" dir="auto"><span className="font-medium">{t("reasonLabel")}</span> {r.disposition.reason}</p> : null}
          {r.disposition?.editedSince ? <p className="text-sm font-semibold text-amber-900">{t("editedSince")}</p> : null}
          {r.history.length > 1 ? (
            <details className="text-sm">
              <summary className="cursor-pointer text-brand-800 underline">{t("history", { count: r.history.length })}</summary>
              <ol className="mt-1 space-y-1 ps-4">
                {r.history.map((h) => (
                  <li key={h.revision}>
                    {t("historyItem", { revision: h.revision, kind: tk(h.kind), name: h.by ?? t("unknown"), date: date(h.at) })}
                    {h.paragraph !== null ? ` · ${t("reflectedIn", { number: h.paragraph, version: next?.number ?? 0 })}` : null}
                    {h.reason ? <span dir="auto">{` — ${h.reason}`}</span> : null}
                  </li>
                ))}
              </ol>
            </details>
          ) : null}
        </>
      ),
    })),
  }));

  return (
    <div className="space-y-6">
      <p className="flex flex-wrap gap-4">
        <Link href={adminBase} className="text-brand-800 underline">{t("backToDraft", { draft: work.draft.title })}</Link>
        {version ? <Link href={`${publicBase}/dispositions?version=${version.number}`} className="text-brand-800 underline">{t("publicTable")}</Link> : null}
      </p>
      <h1 className="text-2xl font-semibold" dir="auto">{t("title", { draft: work.draft.title })}</h1>
      {!version || !next ? (
        <p className="rounded border border-stone-200 bg-white p-4">{t("nothingToAnswer")}</p>
      ) : (
        <>
          <p className="text-stone-800">{t("intro", { version: version.number, next: next.number })}</p>
          {work.answerable.length > 1 ? (
            <nav aria-label={t("versions")} className="flex flex-wrap items-center gap-3 text-sm">
              <span className="text-stone-700">{t("versions")}:</span>
              {progress.filter((p) => p.answerable).map((p) => (
                <Link key={p.number} href={`${adminBase}/dispositions?version=${p.number}`} aria-current={p.number === version.number ? "page" : undefined}
                  className={p.number === version.number ? "font-semibold" : "text-brand-800 underline"}>
                  {t("versionItem", { version: p.number, answered: p.answered, comments: p.comments })}
                </Link>
              ))}
            </nav>
          ) : null}
          {work.counts ? (
            <details className="rounded border border-stone-200 bg-white p-3">
              <summary className="cursor-pointer font-semibold">{t("countsSummary", { answered: work.counts.all.total - work.counts.all.none, total: work.counts.all.total })}</summary>
              <div className="mt-2 space-y-2">
                <DispositionSentences counts={work.counts} />
                <DispositionCountsTable counts={work.counts} caption={t("countsCaption", { version: version.number })} id="work-counts" />
              </div>
            </details>
          ) : null}
          <form method="get" action={`${adminBase}/dispositions`} className="grid gap-3 rounded border border-stone-200 bg-white p-4 sm:grid-cols-3" aria-label={t("filters")}>
            <input type="hidden" name="version" value={version.number} />
            <FilterSelect id="f-group" name="group" label={t("group")} allLabel={t("all")} defaultValue={filter.group ?? ""}>
              {STAKEHOLDER_GROUPS.map((g) => <option key={g} value={g}>{tg(g)}</option>)}
            </FilterSelect>
            <div className="flex items-end gap-2 pb-2">
              <input id="f-pending" type="checkbox" name="pending" value="1" defaultChecked={filter.pending} className="h-5 w-5" />
              <label htmlFor="f-pending">{t("pendingOnly")}</label>
            </div>
            <div className="flex items-end">
              <button type="submit" className="w-full rounded border border-brand-700 px-4 py-2 text-brand-800">{t("apply")}</button>
            </div>
          </form>
          <DispositionWorkView
            groups={groups}
            paragraphs={work.options.map((o) => ({ id: o.id, label: optionLabel(o.number, o.text) }))}
            templates={templates.filter((tpl) => tpl.kind === "DISPOSITION").map((tpl) => ({ id: tpl.id, label: tpl.label, text: tpl.text }))}
            nextVersion={next.number}
            action={recordDispositionsAction.bind(null, version.id)}
          />
          {work.nextCursor ? <p><Link href={query({ cursor: work.nextCursor })} className="text-brand-800 underline">{t("nextPage")}</Link></p> : null}
        </>
      )}
    </div>
  );
}
