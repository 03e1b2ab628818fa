// The moderation queue at /secretariat: inputs waiting for the secretariat, oldest first, filterable, campaigns grouped.
import type { Metadata } from "next";
import { requireRoleForPage } from "@/lib/auth/page-guard";
import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { listQueue, queueFilterOptions } from "@/lib/moderation/queue";
import { listReasonTemplates } from "@/lib/moderation/reasons";
import { QUEUE_VIEWS, campaignSelection } from "@/lib/moderation/schema";
import { CAMPAIGN_ACTION_MAX } from "@/lib/moderation/queue";
import { INPUT_GROUPS } from "@/lib/stakeholders/groups";
import { countryName } from "@/lib/geo/countries";
import { renderMarkdown, markdownToText } from "@/lib/markdown/render";
import { ModerationQueue } from "@/components/moderation/queue";
import type { QueueRow } from "@/components/moderation/queue-types";
import { moderateQueueAction } from "./queue-actions";
import { FilterSelect } from "@/components/ui/filter-select";
import { languageName } from "@/lib/i18n/names";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  await requireRoleForPage();
  return { title: (await getTranslations("moderation.queue"))("title") };
}

type Search = Record<string, string | string[] | undefined>;

export default async function ModerationQueuePage({ searchParams }: { searchParams: Promise<Search> }) {
  const params = Object.fromEntries(Object.entries(await searchParams).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  const user = await requireRoleForPage();
  const [result, options, templates, t, tGroups, tViews, format, locale] = await Promise.all([
    listQueue(user, params),
    queueFilterOptions(),
    listReasonTemplates(user),
    getTranslations("moderation.queue"),
    getTranslations("groups"),
    getTranslations("moderation.views"),
    getFormatter(),
    getLocale(),
  ]);
  // The layout already refuses non-secretariat users; this keeps the page safe on its own.
  if (!result) return null;
  const { items, nextCursor, filter, accounts } = result;
  // "Show them together": the same view and consultation, only that domain's (or organisation's) accounts; the other
  // filters are dropped because the count covers every type, group and language.
  const togetherHref = (consultation: string, key: { domain: string } | { organisation: string }) =>
    `/secretariat?${new URLSearchParams({ view: filter.view, consultation, ...key }).toString()}`;

  const rows: QueueRow[] = items.map((item) => {
    const text = markdownToText(item.body);
    // A campaign row acts on its members in this view, and says how many: the selection carries that number, and the
    // action refuses the campaign if it no longer matches.
    const weight = item.campaign ? Math.min(item.campaign.count, CAMPAIGN_ACTION_MAX) : 1;
    return {
      selection: item.campaign ? campaignSelection({ type: item.type, id: item.campaign.id, status: filter.view, count: weight }) : `${item.type}:${item.id}:${item.version}`,
      weight,
      type: item.type,
      reference: item.reference,
      title: item.title ?? (text.length > 90 ? `${text.slice(0, 89)}…` : text),
      excerpt: text.length > 300 ? `${text.slice(0, 299)}…` : text,
      bodyHtml: renderMarkdown(item.body),
      author: item.organisationName ? `${item.authorName} (${item.organisationName})` : item.authorName,
      group: tGroups(item.stakeholderGroup),
      country: countryName(item.country, locale),
      language: languageName(item.language, locale),
      arrived: format.dateTime(item.arrivedAt, { dateStyle: "medium", timeStyle: "short" }),
      consultation: item.consultation.title,
      context: item.context,
      campaignCount: item.campaign?.count ?? null,
      note: item.moderationNote,
      overBalance: item.overBalance,
      historyHref: item.type === "SUBMISSION" && item.reference ? `/secretariat/consultations/${item.consultation.slug}/contributions/${encodeURIComponent(item.reference)}` : null,
      accounts: [
        ...(item.sharedDomain
          ? [{ text: t("sharedDomain", { count: item.sharedDomain.accounts, domain: item.sharedDomain.domain }), href: togetherHref(item.consultation.slug, { domain: item.sharedDomain.domain }) }]
          : []),
        ...(item.sharedOrganisation
          ? [{ text: t("sharedOrganisation", { count: item.sharedOrganisation.accounts, organisation: item.sharedOrganisation.name }), href: togetherHref(item.consultation.slug, { organisation: item.sharedOrganisation.id }) }]
          : []),
      ],
    };
  });
  const query = (extra: Record<string, string>) => {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries({ ...filter, cursor: undefined, ...extra })) if (v) q.set(k, String(v));
    return `/secretariat?${q.toString()}`;
  };

  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <nav aria-label={t("viewsLabel")}>
        <ul className="flex flex-wrap gap-2">
          {QUEUE_VIEWS.map((v) => (
            <li key={v}>
              <Link href={query({ view: v })} aria-current={filter.view === v ? "page" : undefined} className={`rounded px-3 py-1 ${filter.view === v ? "bg-brand-700 text-white" : "border border-stone-300 bg-white text-brand-800"}`}>
                {tViews(v)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <form method="get" action="/secretariat" className="grid gap-3 rounded border border-stone-200 bg-white p-4 sm:grid-cols-5" aria-label={t("filters")}>
        <input type="hidden" name="view" value={filter.view} />
        {filter.domain ? <input type="hidden" name="domain" value={filter.domain} /> : null}
        {filter.organisation ? <input type="hidden" name="organisation" value={filter.organisation} /> : null}
        <FilterSelect id="f-consultation" name="consultation" label={t("consultation")} allLabel={t("all")} defaultValue={filter.consultation ?? ""}>
          {options.consultations.map((c) => <option key={c.slug} value={c.slug}>{c.title}</option>)}
        </FilterSelect>
        <FilterSelect id="f-type" name="type" label={t("type")} allLabel={t("all")} defaultValue={filter.type ?? ""}>
          <option value="SUBMISSION">{t("typeSubmission")}</option>
          <option value="COMMENT">{t("typeComment")}</option>
        </FilterSelect>
        <FilterSelect id="f-group" name="group" label={t("group")} allLabel={t("all")} defaultValue={filter.group ?? ""}>
          {INPUT_GROUPS.map((g) => <option key={g} value={g}>{tGroups(g)}</option>)}
        </FilterSelect>
        <FilterSelect id="f-language" name="language" label={t("language")} allLabel={t("all")} defaultValue={filter.language ?? ""}>
          {options.languages.map((l) => <option key={l} value={l}>{languageName(l, locale)}</option>)}
        </FilterSelect>
        <div className="flex items-end">
          <button type="submit" className="w-full rounded border border-brand-700 px-4 py-2 text-brand-800">{t("applyFilters")}</button>
        </div>
      </form>
      {accounts.domain || accounts.organisation ? (
        <p className="rounded border border-sky-300 bg-sky-50 p-3" data-testid="accounts-filter">
          {accounts.domain ? t("filteredDomain", { domain: accounts.domain }) : null}
          {accounts.domain && accounts.organisation ? " " : null}
          {accounts.organisation ? t("filteredOrganisation", { organisation: accounts.organisation.name }) : null}{" "}
          <Link href={query({ domain: "", organisation: "" })} className="text-brand-800 underline">{t("clearAccounts")}</Link>
        </p>
      ) : null}
      <ModerationQueue
        key={`${filter.view}:${filter.domain ?? ""}:${filter.organisation ?? ""}`}
        rows={rows}
        view={filter.view}
        templates={templates.flatMap(({ id, kind, label, text }) => (kind === "DISPOSITION" ? [] : [{ id, kind, label, text }]))}
        action={moderateQueueAction}
      />
      {nextCursor ? (
        <p><Link href={`${query({})}&cursor=${encodeURIComponent(nextCursor)}`} className="text-brand-800 underline">{t("nextPage")}</Link></p>
      ) : null}
    </div>
  );
}
