// The speaker roster, one for every session and year: proposed merges of label variants to confirm or dismiss,
// then every speaker with their labels, mapping and how much they said.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { requireRoleForPage } from "@/lib/auth/page-guard";
import { countryName } from "@/lib/geo/countries";
import { INPUT_GROUPS } from "@/lib/stakeholders/groups";
import { listProposedMerges, listRoster, parseRosterFilter } from "@/lib/meetings/speakers";
import { FormAlert, buttonClass, inputClass } from "@/components/ui/field";
import { FilterSelect } from "@/components/ui/filter-select";
import { dismissAction, mergeAction } from "./actions";

export const dynamic = "force-dynamic";

type Search = Record<string, string | string[] | undefined>;

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("meetings.roster"))("title") };
}

const secondary = "inline-flex items-center justify-center rounded border border-brand-700 px-3 py-1.5 text-sm font-medium text-brand-800 hover:bg-brand-50";

export default async function RosterPage({ searchParams }: { searchParams: Promise<Search> }) {
  const params = Object.fromEntries(Object.entries(await searchParams).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  const user = await requireRoleForPage();
  const filter = parseRosterFilter(params);
  const [roster, proposals, t, te, tGroups, locale] = await Promise.all([
    listRoster(user, filter), listProposedMerges(user), getTranslations("meetings.roster"), getTranslations("meetings.errors"), getTranslations("groups"), getLocale(),
  ]);
  if (!roster || !proposals) notFound();
  const query = (page: number) => new URLSearchParams({ ...(filter.q ? { q: filter.q } : {}), ...(filter.group ? { group: filter.group } : {}), ...(filter.unmapped ? { unmapped: "1" } : {}), page: String(page) }).toString();
  return (
    <div className="space-y-8">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <p>{t("intro")}</p>
      {params.merged ? <FormAlert tone="success">{t("merged")}</FormAlert> : null}
      {params.dismissed ? <FormAlert tone="success">{t("dismissed")}</FormAlert> : null}
      {params.error ? <FormAlert>{te.has(params.error) ? te(params.error as "generic") : te("generic")}</FormAlert> : null}

      <section aria-labelledby="merges-heading" className="space-y-3">
        <h2 id="merges-heading" className="text-xl font-semibold">{t("proposals", { count: proposals.length })}</h2>
        {proposals.length === 0 ? <p>{t("noProposals")}</p> : (
          <ul className="space-y-3">
            {proposals.map((p) => (
              <li key={`${p.a.id}-${p.b.id}`} className="rounded border border-stone-200 bg-white p-3" data-testid="merge-proposal">
                <p>
                  {t("pair", { a: p.a.labels.join(" / "), b: p.b.labels.join(" / ") })}{" "}
                  <span className="text-sm text-stone-700">({t(`reasons.${p.reason}`)}; {t("turnsEach", { a: p.a.turns, b: p.b.turns })})</span>
                </p>
                <div className="mt-2 flex flex-wrap gap-2">
                  {([[p.a, p.b], [p.b, p.a]] as const).map(([keep, merge]) => (
                    <form key={keep.id} action={mergeAction}>
                      <input type="hidden" name="keepId" value={keep.id} />
                      <input type="hidden" name="keepVersion" value={keep.version} />
                      <input type="hidden" name="mergeId" value={merge.id} />
                      <input type="hidden" name="mergeVersion" value={merge.version} />
                      <button type="submit" className={secondary}>{t("keep", { name: keep.name })}{keep.mapped ? ` (${t("mapped")})` : ""}</button>
                    </form>
                  ))}
                  <form action={dismissAction}>
                    <input type="hidden" name="a" value={p.a.id} />
                    <input type="hidden" name="b" value={p.b.id} />
                    <button type="submit" className={secondary}>{t("different")}</button>
                  </form>
                </div>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="speakers-heading" className="space-y-3">
        <h2 id="speakers-heading" className="text-xl font-semibold">{t("speakers", { count: roster.total })}</h2>
        <form method="get" className="flex flex-wrap items-end gap-3" aria-label={t("filter")}>
          <div className="flex flex-col gap-1">
            <label htmlFor="roster-q" className="text-sm font-medium">{t("search")}</label>
            <input id="roster-q" name="q" defaultValue={filter.q ?? ""} className={inputClass} />
          </div>
          <FilterSelect id="roster-group" name="group" label={t("group")} allLabel={t("anyGroup")} defaultValue={filter.group ?? ""}>
            {INPUT_GROUPS.map((g) => <option key={g} value={g}>{tGroups(g)}</option>)}
          </FilterSelect>
          <label className="flex items-center gap-2 pb-2"><input type="checkbox" name="unmapped" value="1" defaultChecked={filter.unmapped} /> {t("onlyUnmapped")}</label>
          <button type="submit" className={buttonClass}>{t("apply")}</button>
        </form>
        {roster.speakers.length === 0 ? <p>{t("none")}</p> : (
          <table className="w-full bg-white text-sm">
            <thead>
              <tr className="border-b border-stone-300">
                <th scope="col" className="p-2 text-start">{t("name")}</th>
                <th scope="col" className="p-2 text-start">{t("labels")}</th>
                <th scope="col" className="p-2 text-start">{t("mapping")}</th>
                <th scope="col" className="p-2 text-end">{t("turns")}</th>
                <th scope="col" className="p-2 text-end">{t("messages")}</th>
              </tr>
            </thead>
            <tbody>
              {roster.speakers.map((s) => (
                <tr key={s.id} className="border-b border-stone-100">
                  <th scope="row" className="p-2 text-start font-normal"><Link href={`/secretariat/roster/${s.id}`} className="text-brand-800 underline" dir="auto">{s.name}</Link></th>
                  <td className="p-2">{[...new Set(s.aliases.map((a) => a.label))].join(" · ")}</td>
                  <td className="p-2">{s.mappedAt ? `${tGroups(s.stakeholderGroup)} · ${countryName(s.country, locale)}${s.organisation ? ` · ${s.organisation.name}` : ""}` : t("unmapped")}</td>
                  <td className="p-2 text-end tabular-nums">{s._count.turns}</td>
                  <td className="p-2 text-end tabular-nums">{s._count.remoteMessages}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {roster.pages > 1 ? (
          <nav aria-label={t("pages")} className="flex gap-4">
            {roster.page > 1 ? <Link href={`?${query(roster.page - 1)}`} className="text-brand-800 underline">{t("previous")}</Link> : null}
            <span>{t("pageOf", { page: roster.page, pages: roster.pages })}</span>
            {roster.page < roster.pages ? <Link href={`?${query(roster.page + 1)}`} className="text-brand-800 underline">{t("next")}</Link> : null}
          </nav>
        ) : null}
      </section>
    </div>
  );
}
