// The secretariat's organisations: every one with its state and waiting requests, and the queue of join requests.
import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requireRoleForPage } from "@/lib/auth/page-guard";
import { listOrganisationsForSecretariat, pendingRequestsForSecretariat } from "@/lib/organisations/service";
import { OrganisationSearchSchema } from "@/lib/organisations/schema";
import { PendingRequests } from "@/components/organisations/member-lists";
import { VerificationBadge } from "@/components/organisations/verification-badge";
import { OrganisationSearchForm } from "@/components/organisations/search-form";

export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata(): Promise<Metadata> {
  await requireRoleForPage("SECRETARIAT", "/secretariat/organisations");
  return { title: (await getTranslations("organisations"))("secretariatTitle") };
}

function first(v: string | string[] | undefined) {
  return Array.isArray(v) ? v[0] : v;
}

export default async function SecretariatOrganisationsPage({ searchParams }: Props) {
  const user = await requireRoleForPage("SECRETARIAT", "/secretariat/organisations");
  const sp = await searchParams;
  const query = OrganisationSearchSchema.parse({ q: first(sp.q), page: first(sp.page), verification: first(sp.verification) ?? "ALL" });
  const [t, tGroups, list, pending] = await Promise.all([
    getTranslations("organisations"), getTranslations("groups"), listOrganisationsForSecretariat(user, query), pendingRequestsForSecretariat(user),
  ]);
  if (!list || !pending) return null;
  const href = (page: number) => {
    const params = new URLSearchParams();
    if (list.q) params.set("q", list.q);
    if (query.verification !== "ALL") params.set("verification", query.verification);
    if (page > 1) params.set("page", String(page));
    return `/secretariat/organisations?${params.toString()}`;
  };
  return (
    <div className="space-y-8">
      <header className="space-y-2">
        <h1 className="text-2xl font-semibold">{t("secretariatTitle")}</h1>
        <p>{t("secretariatListIntro")}</p>
      </header>
      <section aria-labelledby="queue-heading" className="space-y-3">
        <h2 id="queue-heading" className="text-xl font-semibold">{t("pendingRequests", { count: list.pendingRequests })}</h2>
        <PendingRequests rows={pending} rights="SECRETARIAT" actorId={user.id} showOrganisation />
      </section>
      <section aria-labelledby="list-heading" className="space-y-3">
        <h2 id="list-heading" className="text-xl font-semibold">{t("allOrganisations")}</h2>
        <OrganisationSearchForm action="/secretariat/organisations" q={list.q} verification={query.verification} idPrefix="sorg" />
        <table className="w-full bg-white">
          <caption className="p-2 text-start text-sm">{t("found", { count: list.total })}</caption>
          <thead>
            <tr className="border-b border-stone-300">
              <th scope="col" className="p-2 text-start">{t("name")}</th>
              <th scope="col" className="p-2 text-start">{t("state")}</th>
              <th scope="col" className="p-2 text-start">{t("group")}</th>
              <th scope="col" className="p-2 text-start">{t("domains")}</th>
              <th scope="col" className="p-2 text-start">{t("waiting")}</th>
            </tr>
          </thead>
          <tbody>
            {list.rows.map((o) => (
              <tr key={o.id} className="border-b border-stone-100">
                <th scope="row" className="p-2 text-start font-normal"><Link href={`/secretariat/organisations/${o.id}`} className="text-brand-800 underline" dir="auto">{o.name}</Link></th>
                <td className="p-2"><VerificationBadge state={o.verification} /></td>
                <td className="p-2">{tGroups(o.stakeholderGroup)}</td>
                <td className="p-2" dir="ltr">{o.emailDomains.join(", ")}</td>
                <td className="p-2">{o._count.memberships}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {list.pages > 1 ? (
          <nav aria-label={t("pagination")} className="flex items-center gap-4">
            {list.page > 1 ? <Link href={href(list.page - 1)} className="text-brand-800 underline">{t("previous")}</Link> : null}
            <span>{t("pageOf", { page: list.page, pages: list.pages })}</span>
            {list.page < list.pages ? <Link href={href(list.page + 1)} className="text-brand-800 underline">{t("next")}</Link> : null}
          </nav>
        ) : null}
      </section>
    </div>
  );
}
