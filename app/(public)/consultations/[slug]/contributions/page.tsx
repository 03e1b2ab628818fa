import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { getPublicConsultation } from "@/lib/consultations/service";
import { readFromReplica } from "@/lib/db/client";
import { countryName, countryOptions, INPUT_REGIONS } from "@/lib/geo/countries";
import { markdownToText } from "@/lib/markdown/render";
import { INPUT_GROUPS } from "@/lib/stakeholders/groups";
import { LANGUAGES } from "@/lib/submissions/language";
import { loadContributionsPage, parseListQuery, ListQuerySchema } from "@/lib/submissions/public";
import { languageName } from "@/lib/i18n/names";
import { Isolated, SLOT } from "@/components/i18n/isolated";
import { ContributionCard } from "@/components/submissions/contribution-card";
import { FormAlert, buttonClass, inputClass } from "@/components/ui/field";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const consultation = await getPublicConsultation((await params).slug, await getLocale());
  const t = await getTranslations("submissions.list");
  return consultation ? { title: t("title", { consultation: consultation.texts.text.title }) } : {};
}

function excerptOf(body: string): string {
  const text = markdownToText(body);
  return text.length > 320 ? `${text.slice(0, 317)}…` : text;
}

export default async function ContributionsPage({ params, searchParams }: Props) {
  const { slug } = await params;
  const consultation = await getPublicConsultation(slug, await getLocale());
  if (!consultation) notFound();
  const raw = await searchParams;
  // The filter form sends every field; a URL to share or bookmark carries only the filters that are set.
  // (the default order, newest first, is no filter either)
  const idle = (k: string, x: string | undefined) => x === "" || (k === "sort" && x === "newest");
  const empty = Object.entries(raw).filter(([k, v]) => (Array.isArray(v) ? v.some((x) => idle(k, x)) : idle(k, v)));
  if (empty.length) {
    const kept = new URLSearchParams();
    for (const [k, v] of Object.entries(raw)) for (const x of Array.isArray(v) ? v : [v]) if (x !== undefined && !idle(k, x)) kept.append(k, x);
    const qs = kept.toString();
    redirect(`/consultations/${slug}/contributions${qs ? `?${qs}` : ""}`);
  }
  let parsed = parseListQuery(raw);
  let invalid: string[] = [];
  if (!parsed.ok) {
    // A page is forgiving where the API is strict: drop the bad filters, say so, show the rest.
    invalid = parsed.invalid;
    const kept = Object.fromEntries(Object.entries(raw).filter(([k]) => !invalid.includes(k)));
    parsed = parseListQuery(kept);
  }
  const query = parsed.ok ? parsed.query : ListQuerySchema.parse({});
  const cursor = parsed.ok ? parsed.cursor : null;
  const [t, tGroups, tRegions, tApp, locale] = await Promise.all([
    getTranslations("submissions.list"), getTranslations("groups"), getTranslations("regions"), getTranslations("app"), getLocale(),
  ]);
  // Anonymous reads: from the replica when DATABASE_REPLICA_URL is set (docs/scaling.md).
  const page = await readFromReplica(() => loadContributionsPage(consultation.id, query, cursor));
  const facets = page.facets;
  const total = page.total ?? { count: 0, capped: false };
  // Filters offer what the published contributions have (and keep a value already chosen, so it stays visible).
  const countryCodes = new Set([...facets.countries, ...(query.country ? [query.country] : [])]);
  const languageCodes = [...new Set([...facets.languages, ...(query.language ? [query.language] : [])])].filter((l) => (LANGUAGES as readonly string[]).includes(l));
  const filterParams = new URLSearchParams();
  for (const key of ["theme", "group", "region", "country", "language", "organisation", "q", "sort"] as const) {
    const value = query[key];
    if (value && !(key === "sort" && value === "newest")) filterParams.set(key, String(value));
  }
  const nextParams = new URLSearchParams(filterParams);
  if (page.nextCursor) nextParams.set("cursor", page.nextCursor);
  const filterString = filterParams.toString();

  return (
    <div className="space-y-6">
      <p lang={consultation.texts.language}><Link href={`/consultations/${slug}`} className="text-brand-800 underline"><bdi>{consultation.texts.text.title}</bdi></Link></p>
      <h1 className="text-2xl font-semibold"><Isolated sentence={t("title", { consultation: SLOT(0) })} values={[{ text: consultation.texts.text.title, lang: consultation.texts.language }]} /></h1>
      <p className="text-stone-800">{t("intro")}</p>
      {invalid.length ? <FormAlert>{t("badQuery", { names: invalid.join(", ") })}</FormAlert> : null}

      <form method="get" role="search" aria-labelledby="filters-heading" className="space-y-3 rounded border border-stone-200 bg-white p-4">
        <h2 id="filters-heading" className="text-lg font-semibold">{t("filters")}</h2>
        <div className="flex flex-col gap-1">
          <label htmlFor="q" className="font-medium">{t("search")}</label>
          <p id="q-hint" className="text-sm text-stone-700">{t("searchHint")}</p>
          <input id="q" name="q" type="search" defaultValue={query.q ?? ""} maxLength={200} aria-describedby="q-hint" className={inputClass} />
        </div>
        <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
          <Select name="theme" label={t("theme")} any={t("any")} value={query.theme} options={consultation.themes.map((th) => ({ value: th.slug, label: th.texts.text.title }))} />
          <Select name="group" label={t("group")} any={t("any")} value={query.group} options={INPUT_GROUPS.map((g) => ({ value: g, label: tGroups(g) }))} />
          <Select name="region" label={t("region")} any={t("any")} value={query.region} options={INPUT_REGIONS.map((r) => ({ value: r, label: tRegions(r) }))} />
          <Select name="country" label={t("country")} any={t("any")} value={query.country} options={countryOptions(locale).filter((c) => countryCodes.has(c.code)).map((c) => ({ value: c.code, label: c.name }))} />
          <Select name="language" label={t("language")} any={t("any")} value={query.language} options={languageCodes.map((l) => ({ value: l, label: languageName(l, locale) })).sort((a, b) => a.label.localeCompare(b.label, locale))} />
          <div className="flex flex-col gap-1">
            <label htmlFor="organisation" className="font-medium">{t("organisation")}</label>
            <input id="organisation" name="organisation" defaultValue={query.organisation ?? ""} maxLength={200} className={inputClass} />
          </div>
          <div className="flex flex-col gap-1">
            <label htmlFor="sort" className="font-medium">{t("sort")}</label>
            <select id="sort" name="sort" defaultValue={query.sort} className={inputClass}>
              <option value="newest">{t("sortNewest")}</option>
              <option value="oldest">{t("sortOldest")}</option>
              <option value="balanced">{t("sortBalanced")}</option>
            </select>
          </div>
        </div>
        <div className="flex flex-wrap items-center gap-4">
          <button type="submit" className={buttonClass}>{t("apply")}</button>
          <Link href={`/consultations/${slug}/contributions`} className="text-brand-800 underline">{t("reset")}</Link>
          <a href={`/api/v1/consultations/${slug}/submissions.csv${filterString ? `?${filterString}` : ""}`} className="text-brand-800 underline">{t("download")}</a>
          <a href={`/api/v1/consultations/${slug}/submissions${filterString ? `?${filterString}` : ""}`} className="text-brand-800 underline">{t("api")}</a>
        </div>
      </form>

      <section aria-labelledby="results-heading" className="space-y-4">
        <h2 id="results-heading" className="text-xl font-semibold">{t("resultsHeading")}</h2>
        <p role="status">{total.capped ? t("resultsCapped", { count: total.count }) : t("results", { count: total.count })}</p>
        <ol className="space-y-4">
          {page.items.map((item) => (
            <li key={item.reference}>
              <ContributionCard
                item={item}
                href={`/consultations/${slug}/contributions/${encodeURIComponent(item.reference)}`}
                excerpt={item.body === null ? "" : excerptOf(item.body)}
                labels={{
                  group: tGroups(item.stakeholderGroup),
                  country: countryName(item.country, locale),
                  region: tRegions(item.region as (typeof INPUT_REGIONS)[number]),
                  author: [item.contributorName, item.organisationName].filter(Boolean).join(", "),
                  anonymous: t("anonymous"),
                  imported: t("imported"),
                  date: item.publishedAt ? tApp("dateTime", { date: item.publishedAt }) : "",
                  excerptLabel: t("excerpt"),
                  hiddenTitle: t("hiddenTitle", { reference: item.reference }),
                  overBalance: t("overBalance"),
                }}
              />
            </li>
          ))}
        </ol>
        <nav aria-label={t("pagination")} className="flex flex-wrap gap-4">
          {cursor ? <Link href={`/consultations/${slug}/contributions${filterString ? `?${filterString}` : ""}`} className="text-brand-800 underline">{t("first")}</Link> : null}
          {page.nextCursor ? <Link href={`/consultations/${slug}/contributions?${nextParams.toString()}`} className="text-brand-800 underline" rel="next">{t("next")}</Link> : null}
        </nav>
      </section>
    </div>
  );
}

function Select({ name, label, any, value, options }: { name: string; label: string; any: string; value: string | undefined; options: { value: string; label: string }[] }) {
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={name} className="font-medium">{label}</label>
      <select id={name} name={name} defaultValue={value ?? ""} className={inputClass}>
        <option value="">{any}</option>
        {options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
      </select>
    </div>
  );
}
