// Every organisation on the platform, searchable by name, with its verification state; verified ones first.
import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { searchOrganisations } from "@/lib/organisations/service";
import { OrganisationSearchSchema } from "@/lib/organisations/schema";
import { countryName } from "@/lib/geo/countries";
import { VerificationBadge } from "@/components/organisations/verification-badge";
import { OrganisationSearchForm } from "@/components/organisations/search-form";

export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("organisations"))("title") };
}

function first(v: string | string[] | undefined) {
  return Array.isArray(v) ? v[0] : v;
}

export default async function OrganisationsPage({ searchParams }: Props) {
  const sp = await searchParams;
  const query = OrganisationSearchSchema.parse({ q: first(sp.q), page: first(sp.page), verification: first(sp.verification) ?? "ALL" });
  const [t, tGroups, locale] = await Promise.all([getTranslations("organisations"), getTranslations("groups"), getLocale()]);
  const result = await searchOrganisations(query);
  const href = (page: number) => {
    const params = new URLSearchParams();
    if (result.q) params.set("q", result.q);
    if (query.verification !== "ALL") params.set("verification", query.verification);
    if (page > 1) params.set("page", String(page));
    const s = params.toString();
    return `/organisations${s ? `?${s}` : ""}`;
  };
  return (
    <div className="space-y-6">
      <header className="space-y-2">
        <h1 className="text-3xl font-semibold">{t("title")}</h1>
        <p>{t("intro")}</p>
      </header>
      <OrganisationSearchForm action="/organisations" q={result.q} verification={query.verification} idPrefix="org" className="rounded border border-stone-200 bg-white p-4" />
      <p role="status">{t("found", { count: result.total })}</p>
      {result.rows.length > 0 ? (
        <ul className="divide-y divide-stone-200 rounded border border-stone-200 bg-white">
          {result.rows.map((o) => (
            <li key={o.id} className="flex flex-wrap items-center gap-x-3 gap-y-1 p-3">
              <Link href={`/organisations/${o.slug}`} className="font-medium text-brand-800 underline" dir="auto">{o.name}</Link>
              <VerificationBadge state={o.verification} />
              <span className="text-sm text-stone-700">
                {tGroups(o.stakeholderGroup)}{o.country ? ` · ${countryName(o.country, locale)}` : ""}
              </span>
            </li>
          ))}
        </ul>
      ) : null}
      {result.pages > 1 ? (
        <nav aria-label={t("pagination")} className="flex items-center gap-4">
          {result.page > 1 ? <Link href={href(result.page - 1)} className="text-brand-800 underline">{t("previous")}</Link> : null}
          <span>{t("pageOf", { page: result.page, pages: result.pages })}</span>
          {result.page < result.pages ? <Link href={href(result.page + 1)} className="text-brand-800 underline">{t("next")}</Link> : null}
        </nav>
      ) : null}
    </div>
  );
}
