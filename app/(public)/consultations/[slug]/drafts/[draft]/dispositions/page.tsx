// The disposition table of one draft version: every published comment on it, the secretariat's answer, the paragraph
// of the next version that reflects it, the counts by stakeholder group, and the CSV and DOCX downloads.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { dispositionTablePage, dispositionProgress, findDispositionTable } from "@/lib/dispositions/queries";
import { commentSummary } from "@/lib/dispositions/export";
import { DISPOSITION_KINDS } from "@/lib/dispositions/kinds";
import { STAKEHOLDER_GROUPS } from "@/lib/stakeholders/groups";
import { DispositionBadge } from "@/components/dispositions/disposition-badge";
import { DispositionCountsTable, DispositionSentences } from "@/components/dispositions/counts-table";
import { paragraphHref } from "@/components/dispositions/comment-disposition";
import { commentHref } from "@/lib/dispositions/view";
import { FilterSelect } from "@/components/ui/filter-select";

export const dynamic = "force-dynamic";

type Search = Record<string, string | string[] | undefined>;
type Props = { params: Promise<{ slug: string; draft: string }>; searchParams: Promise<Search> };

const first = (sp: Search) => Object.fromEntries(Object.entries(sp).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const { slug, draft } = await params;
  const found = await findDispositionTable(slug, draft, first(await searchParams));
  if (!found.ok) return {};
  const t = await getTranslations("dispositions.table");
  return { title: t("title", { version: found.context.version.number, draft: found.context.title }) };
}

export default async function DispositionTablePage({ params, searchParams }: Props) {
  const { slug, draft: draftSlug } = await params;
  const query = first(await searchParams);
  const found = await findDispositionTable(slug, draftSlug, query);
  if (!found.ok) notFound();
  const { context } = found;
  const base = `/consultations/${slug}/drafts/${draftSlug}`;
  const latest = context.versions.at(-1)?.number ?? context.next.number;
  const [page, progress, t, tk, tg] = await Promise.all([
    dispositionTablePage(context, found.query),
    dispositionProgress(context.id),
    getTranslations("dispositions.table"),
    getTranslations("dispositions.kinds"),
    getTranslations("groups"),
  ]);
  const filterQuery = (extra: Record<string, string | number | undefined>) => {
    const q = new URLSearchParams();
    const merged = { version: context.version.number, group: found.query.group, kind: found.query.kind, ...extra };
    for (const [k, v] of Object.entries(merged)) if (v !== undefined && !(k === "page" && v === 1)) q.set(k, String(v));
    return `${base}/dispositions?${q.toString()}`;
  };
  const api = `/api/v1/consultations/${slug}/drafts/${draftSlug}/dispositions?version=${context.version.number}`;
  const answerable = progress.filter((v) => v.answerable);
  const v = context.version.number;

  return (
    <article className="space-y-6">
      <header className="space-y-2">
        <p><Link href={base} className="text-brand-800 underline">{t("back", { draft: context.title })}</Link></p>
        <h1 className="text-3xl font-semibold" dir="auto">{t("title", { version: v, draft: context.title })}</h1>
        <p className="text-stone-800">{t("subtitle", { version: v, next: context.next.number, date: context.next.publishedAt })}</p>
        <p className="text-stone-800">{t("intro")}</p>
      </header>
      {answerable.length > 1 ? (
        <nav aria-label={t("versions")} className="flex flex-wrap items-center gap-3 text-sm">
          <span className="text-stone-700">{t("versions")}:</span>
          {answerable.map((a) => (
            <Link key={a.number} href={`${base}/dispositions?version=${a.number}`} aria-current={a.number === v ? "page" : undefined}
              className={a.number === v ? "font-semibold text-stone-900" : "text-brand-800 underline"}>
              {t("versionItem", { version: a.number, answered: a.answered, comments: a.comments })}
            </Link>
          ))}
        </nav>
      ) : null}
      <section aria-labelledby="downloads-heading" className="space-y-2">
        <h2 id="downloads-heading" className="text-xl font-semibold">{t("downloads")}</h2>
        <ul className="flex flex-wrap gap-4">
          <li><a href={`${api}&format=docx`} className="text-brand-800 underline" download>{t("downloadDocx")}</a></li>
          <li><a href={`${api}&format=csv`} className="text-brand-800 underline" download>{t("downloadCsv")}</a></li>
        </ul>
      </section>
      <section aria-labelledby="counts-heading" className="space-y-3">
        <h2 id="counts-heading" className="text-xl font-semibold">{t("countsTitle")}</h2>
        <DispositionSentences counts={page.counts} />
        <DispositionCountsTable counts={page.counts} caption={t("countsCaption", { version: v })} id="counts" />
      </section>
      <section aria-labelledby="table-heading" className="space-y-3">
        <h2 id="table-heading" className="text-xl font-semibold">{t("tableTitle")}</h2>
        <form method="get" action={`${base}/dispositions`} className="grid gap-3 rounded border border-stone-200 bg-white p-4 sm:grid-cols-3" aria-label={t("filters")}>
          <input type="hidden" name="version" value={v} />
          <FilterSelect id="f-group" name="group" label={t("group")} allLabel={t("all")} defaultValue={found.query.group ?? ""}>
            {STAKEHOLDER_GROUPS.map((g) => <option key={g} value={g}>{tg(g)}</option>)}
          </FilterSelect>
          <FilterSelect id="f-kind" name="kind" label={t("disposition")} allLabel={t("all")} defaultValue={found.query.kind ?? ""}>
            {DISPOSITION_KINDS.map((k) => <option key={k} value={k}>{tk(k)}</option>)}
            <option value="NONE">{t("noAnswer")}</option>
          </FilterSelect>
          <div className="flex items-end">
            <button type="submit" className="w-full rounded border border-brand-700 px-4 py-2 text-brand-800">{t("apply")}</button>
          </div>
        </form>
        <p className="text-sm text-stone-800" aria-live="polite">{t("showing", { count: page.total })}</p>
        {page.rows.length === 0 ? (
          <p className="rounded border border-stone-200 bg-white p-4">{t("empty")}</p>
        ) : (
          <div className="overflow-x-auto" role="region" aria-labelledby="table-caption" tabIndex={0}>
            <table className="w-full border-collapse bg-white text-sm">
              <caption id="table-caption" className="sr-only">{t("caption", { version: v })}</caption>
              <thead>
                <tr className="border-b border-stone-300 align-bottom">
                  <th scope="col" className="p-2 text-start">{t("columns.no")}</th>
                  <th scope="col" className="p-2 text-start">{t("columns.paragraph", { version: v })}</th>
                  <th scope="col" className="p-2 text-start">{t("columns.comment")}</th>
                  <th scope="col" className="p-2 text-start">{t("columns.group")}</th>
                  <th scope="col" className="p-2 text-start">{t("columns.disposition")}</th>
                  <th scope="col" className="p-2 text-start">{t("columns.reason")}</th>
                  <th scope="col" className="p-2 text-start">{t("columns.newParagraph", { version: context.next.number })}</th>
                </tr>
              </thead>
              <tbody>
                {page.rows.map((r) => (
                  <tr key={r.commentId} id={`row-${r.no}`} className="border-b border-stone-100 align-top">
                    <td className="p-2 tabular-nums">{r.no}</td>
                    <td className="p-2">{r.paragraphNumber === null ? t("wholeDraft") : r.paragraphNumber}</td>
                    <td className="max-w-md p-2">
                      <p dir="auto">{commentSummary(r.body)}</p>
                      <p className="mt-1 text-stone-700">
                        <span dir="auto">{[r.authorName, r.organisationName].filter(Boolean).join(", ")}</span>{" · "}
                        <Link href={commentHref(base, r, page.latestAnchors)} className="text-brand-800 underline">{t("inContext", { no: r.no })}</Link>
                      </p>
                      {r.proposedText ? <p className="mt-1 italic text-stone-800" dir="auto">{t("proposed", { text: commentSummary(r.proposedText, 200) })}</p> : null}
                    </td>
                    <td className="p-2">{tg(r.group)}</td>
                    <td className="p-2"><DispositionBadge kind={r.kind} label={r.kind ? tk(r.kind) : t("noAnswer")} /></td>
                    <td className="max-w-md p-2">
                      {r.reason ? <p className="whitespace-pre-line" dir="auto">{r.reason}</p> : null}
                      {r.revision > 1 ? <p className="text-stone-700">{t("revised")}</p> : null}
                      {r.editedSince ? <p className="italic text-stone-700">{t("editedSince")}</p> : null}
                    </td>
                    <td className="p-2">
                      {r.newParagraph ? (
                        <Link href={paragraphHref(base, r.newParagraph.anchorId, context.next.number, latest)} className="text-brand-800 underline">
                          <span className="sr-only">{t("paragraphLink")} </span>{r.newParagraph.number}
                        </Link>
                      ) : "—"}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {page.pages > 1 ? (
          <nav aria-label={t("pages")} className="flex flex-wrap gap-4">
            {found.query.page > 1 ? <Link href={filterQuery({ page: found.query.page - 1 })} className="text-brand-800 underline">{t("previous")}</Link> : null}
            <span>{t("pageOf", { page: found.query.page, pages: page.pages })}</span>
            {found.query.page < page.pages ? <Link href={filterQuery({ page: found.query.page + 1 })} className="text-brand-800 underline">{t("next")}</Link> : null}
          </nav>
        ) : null}
      </section>
    </article>
  );
}
