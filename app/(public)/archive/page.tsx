// The archive: every round and meeting by year, each with its synthesis, sessions, transcripts and contributions,
// and a full-text search across all of them, filterable by year, theme, stakeholder group and source type.
import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { archiveFacets, listArchive, parseArchiveQuery, searchArchive, SOURCE_TYPES, type ArchiveQuery } from "@/lib/archive/service";
import { INPUT_GROUPS } from "@/lib/stakeholders/groups";
import { SESSION_PATH } from "@/lib/meetings/sessions";
import { Highlight } from "@/components/submissions/highlight";
import { FilterSelect } from "@/components/ui/filter-select";
import { FormAlert, buttonClass, inputClass } from "@/components/ui/field";

export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("archive"))("title") };
}

function hrefOf(query: ArchiveQuery, change: Partial<ArchiveQuery>): string {
  const next = { ...query, page: 1, ...change };
  const params = new URLSearchParams();
  for (const key of ["q", "year", "theme", "group", "source", "page"] as const) {
    const value = next[key];
    if (value !== undefined && !(key === "page" && value === 1)) params.set(key, String(value));
  }
  return `/archive?${params.toString()}`;
}

export default async function ArchivePage({ searchParams }: Props) {
  const parsed = parseArchiveQuery(await searchParams);
  const query: ArchiveQuery = parsed.ok ? parsed.query : { page: 1 };
  const [t, tGroups, tTypes, format, facets, ti] = await Promise.all([
    getTranslations("archive"), getTranslations("groups"), getTranslations("meetings.types"), getFormatter(), archiveFacets(), getTranslations("issues.public"),
  ]);
  const results = query.q ? await searchArchive(query) : null;
  const years = results ? null : await listArchive();
  return (
    <div className="space-y-8">
      <header className="space-y-2">
        <h1 className="text-3xl font-semibold">{t("title")}</h1>
        <p>{t("intro")}</p>
        <p className="flex flex-wrap gap-4">
          <Link href="/archive/themes" className="text-brand-800 underline">{t("trendsLink")}</Link>
          <Link href="/archive/issues" className="text-brand-800 underline">{ti("archiveLink")}</Link>
        </p>
      </header>

      <form method="get" action="/archive" role="search" aria-label={t("searchLabel")} className="grid gap-3 rounded border border-stone-200 bg-white p-4 sm:grid-cols-6">
        <div className="flex flex-col gap-1 sm:col-span-6">
          <label htmlFor="archive-q" className="font-medium">{t("q")}</label>
          <input id="archive-q" name="q" type="search" defaultValue={query.q ?? ""} maxLength={200} dir="auto" className={inputClass} />
        </div>
        <div className="sm:col-span-1">
          <FilterSelect id="archive-year" name="year" label={t("year")} allLabel={t("anyYear")} defaultValue={query.year ? String(query.year) : ""}>
            {facets.years.map((y) => <option key={y} value={y}>{y}</option>)}
          </FilterSelect>
        </div>
        <div className="sm:col-span-2">
          <FilterSelect id="archive-theme" name="theme" label={t("theme")} allLabel={t("anyTheme")} defaultValue={query.theme ?? ""}>
            {facets.themes.map((th) => <option key={th.slug} value={th.slug}>{th.title}</option>)}
          </FilterSelect>
        </div>
        <div className="sm:col-span-2">
          <FilterSelect id="archive-group" name="group" label={t("group")} allLabel={t("anyGroup")} defaultValue={query.group ?? ""}>
            {INPUT_GROUPS.map((g) => <option key={g} value={g}>{tGroups(g)}</option>)}
          </FilterSelect>
        </div>
        <div className="sm:col-span-1">
          <FilterSelect id="archive-source" name="source" label={t("source")} allLabel={t("anySource")} defaultValue={query.source ?? ""}>
            {SOURCE_TYPES.map((s) => <option key={s} value={s}>{t(`sources.${s}`)}</option>)}
          </FilterSelect>
        </div>
        <p className="text-sm text-stone-700 sm:col-span-5">{t("filtersHint")}</p>
        <button type="submit" className={`${buttonClass} sm:col-span-1`}>{t("search")}</button>
      </form>
      {!parsed.ok ? <FormAlert>{t("invalid", { names: parsed.invalid.join(", ") })}</FormAlert> : null}

      {results ? (
        <section aria-labelledby="results-heading" className="space-y-4">
          <h2 id="results-heading" className="text-xl font-semibold">{t("results", { count: results.total, q: query.q ?? "" })}</h2>
          <nav aria-label={t("bySource")}>
            <ul className="flex flex-wrap gap-3 text-sm">
              <li><Link href={hrefOf(query, { source: undefined })} aria-current={!query.source ? "page" : undefined} className={!query.source ? "font-semibold" : "text-brand-800 underline"}>{t("allSources")}</Link></li>
              {SOURCE_TYPES.map((s) => (
                <li key={s}><Link href={hrefOf(query, { source: s })} aria-current={query.source === s ? "page" : undefined} className={query.source === s ? "font-semibold" : "text-brand-800 underline"}>{t(`sources.${s}`)} ({results.bySource[s]})</Link></li>
              ))}
            </ul>
          </nav>
          {results.hits.length === 0 ? <p>{t("noResults")}</p> : (
            <ol className="space-y-3" data-testid="archive-results">
              {results.hits.map((hit) => (
                <li key={hit.href} className="rounded border border-stone-200 bg-white p-3">
                  <p className="text-sm text-stone-800">
                    <span className="rounded bg-stone-100 px-1.5 py-0.5 text-xs">{t(`sources.${hit.source}`)}</span>{" "}
                    {hit.year} · <Link href={`/consultations/${hit.consultation.slug}`} className="underline" dir="auto">{hit.consultation.title}</Link>
                    {hit.by ? <> · <span dir="auto">{hit.by}</span></> : null}
                    {hit.group ? ` · ${tGroups(hit.group)}` : ""}
                    {hit.date ? ` · ${format.dateTime(hit.date, { dateStyle: "medium", timeZone: "UTC" })}` : ""}
                  </p>
                  <p className="mt-1"><a href={hit.href} className="font-semibold text-brand-800 underline" dir="auto">{hit.title}</a></p>
                  <p className="mt-1 text-sm" dir="auto"><Highlight text={hit.excerpt} /></p>
                </li>
              ))}
            </ol>
          )}
          {results.pages > 1 ? (
            <nav aria-label={t("pages")} className="flex gap-4">
              {results.page > 1 ? <Link href={hrefOf(query, { page: results.page - 1 })} className="text-brand-800 underline">{t("previous")}</Link> : null}
              <span>{t("pageOf", { page: results.page, pages: results.pages })}</span>
              {results.page < results.pages ? <Link href={hrefOf(query, { page: results.page + 1 })} className="text-brand-800 underline">{t("next")}</Link> : null}
            </nav>
          ) : null}
        </section>
      ) : null}

      {years ? (
        years.length === 0 ? <p>{t("empty")}</p> : years.map(({ year, rounds }) => (
          <section key={year} aria-labelledby={`year-${year}`} className="space-y-3">
            <h2 id={`year-${year}`} className="text-2xl font-semibold tabular-nums">{year}</h2>
            <ul className="space-y-3">
              {rounds.map((r) => (
                <li key={r.slug} className="rounded border border-stone-200 bg-white p-4">
                  <h3 className="text-lg font-semibold"><Link href={`/consultations/${r.slug}`} className="text-brand-800 underline" dir="auto">{r.title}</Link></h3>
                  {r.summary ? <p className="text-sm text-stone-800" dir="auto">{r.summary}</p> : null}
                  <ul className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-sm">
                    <li><Link href={`/consultations/${r.slug}/contributions`} className="text-brand-800 underline">{t("contributions", { count: r.contributions })}</Link></li>
                    {r.synthesis !== null ? <li><a href={`/api/v1/consultations/${r.slug}/synthesis?format=html`} className="text-brand-800 underline">{t("synthesis")}</a></li> : <li>{t("noSynthesis")}</li>}
                    {r.remoteMessages > 0 ? <li><Link href={`/consultations/${r.slug}/remote`} className="text-brand-800 underline">{t("remote", { count: r.remoteMessages })}</Link></li> : null}
                  </ul>
                  {r.sessions.length ? (
                    <div className="mt-2">
                      <h4 className="text-sm font-semibold">{t("sessions")}</h4>
                      <ul className="text-sm">
                        {r.sessions.map((s) => (
                          <li key={s.slug}>
                            <Link href={SESSION_PATH(r.slug, s.slug)} className="text-brand-800 underline" dir="auto">{s.title}</Link>
                            {" "}· {tTypes(s.type as never)}{s.date ? ` · ${format.dateTime(s.date, { dateStyle: "medium", timeZone: "UTC" })}` : ""}
                            {" "}· {s.turns > 0 ? t("transcriptTurns", { count: s.turns }) : t("noTranscript")}{s.report ? ` · ${t("report")}` : ""}
                          </li>
                        ))}
                      </ul>
                    </div>
                  ) : null}
                  {r.themes.length ? (
                    <p className="mt-2 text-sm">{t("themes")}: {r.themes.map((th, i) => <span key={th.slug}>{i > 0 ? ", " : ""}<Link href={`/archive/themes/${th.slug}`} className="text-brand-800 underline">{th.title}</Link></span>)}</p>
                  ) : null}
                </li>
              ))}
            </ul>
          </section>
        ))
      ) : null}
    </div>
  );
}
