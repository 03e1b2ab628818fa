// An organisation's public page: what it is, whether the secretariat verified it, the contributions published on its
// behalf across consultations, and the members who chose to be listed. A merged duplicate's address redirects (308).
import type { Metadata } from "next";
import Link from "next/link";
import { notFound, permanentRedirect } from "next/navigation";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { getCurrentUser, hasRole } from "@/lib/auth/session";
import { isSlug } from "@/lib/organisations/slug";
import { ORGANISATION_CONTRIBUTIONS_LIMIT, approvedMembership, organisationPage } from "@/lib/organisations/service";
import { db } from "@/lib/db/client";
import { countryName } from "@/lib/geo/countries";
import { VerificationBadge } from "@/components/organisations/verification-badge";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string }> };

async function load(slug: string) {
  if (!isSlug(slug)) notFound();
  const page = await organisationPage(slug);
  if (!page) notFound();
  if ("redirectTo" in page) permanentRedirect(`/organisations/${page.redirectTo}`);
  return page;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug } = await params;
  const page = await load(slug);
  return { title: page.organisation.name };
}

export default async function OrganisationPage({ params }: Props) {
  const { slug } = await params;
  const { organisation: org, contributions, contributionCount, members } = await load(slug);
  const [t, tGroups, tRoles, format, locale, user] = await Promise.all([
    getTranslations("organisations"), getTranslations("groups"), getTranslations("organisations.roles"), getFormatter(), getLocale(), getCurrentUser(),
  ]);
  const canManage = user ? hasRole(user, "SECRETARIAT") || (await approvedMembership(db, user.id, org.id))?.role === "MANAGER" : false;
  return (
    <div className="space-y-8">
      <header className="space-y-2">
        <p><Link href="/organisations" className="text-brand-800 underline">{t("title")}</Link></p>
        <h1 className="text-3xl font-semibold" dir="auto">{org.name}</h1>
        <p className="flex flex-wrap items-center gap-2">
          <VerificationBadge state={org.verification} />
          <span>{tGroups(org.stakeholderGroup)}{org.country ? ` · ${countryName(org.country, locale)}` : ""}</span>
        </p>
        {org.verification === "VERIFIED" && org.verifiedAt ? <p className="text-sm text-stone-700">{t("verifiedOn", { date: format.dateTime(org.verifiedAt, { dateStyle: "long" }) })}</p> : null}
        {org.verification === "UNVERIFIED" ? <p className="text-sm text-stone-700">{t("unverifiedExplained")}</p> : null}
        {org.verification === "SUSPENDED" ? <p className="text-sm text-stone-700">{t("suspendedExplained")}</p> : null}
        {org.website ? <p><a href={org.website} rel="nofollow noopener noreferrer" className="text-brand-800 underline" dir="ltr">{org.website}</a></p> : null}
        <p className="flex flex-wrap gap-4 text-sm">
          {user ? <Link href={`/profile/organisations?q=${encodeURIComponent(org.name)}`} className="text-brand-800 underline">{t("askToJoin")}</Link> : null}
          {canManage ? <Link href={`/organisations/${org.slug}/members`} className="text-brand-800 underline">{t("manageMembers")}</Link> : null}
          {user && hasRole(user, "SECRETARIAT") ? <Link href={`/secretariat/organisations/${org.id}`} className="text-brand-800 underline">{t("secretariatRecord")}</Link> : null}
        </p>
      </header>

      <section aria-labelledby="contributions-heading" className="space-y-3">
        <h2 id="contributions-heading" className="text-xl font-semibold">{t("contributions", { count: contributionCount })}</h2>
        {contributions.length === 0 ? <p>{t("noContributions")}</p> : (
          <ul className="divide-y divide-stone-200 rounded border border-stone-200 bg-white">
            {contributions.map((c) => (
              <li key={c.id} className="space-y-1 p-3">
                <Link href={`/consultations/${c.consultation.slug}/contributions/${c.reference}`} className="font-medium text-brand-800 underline" lang={c.language} dir="auto">{c.title}</Link>
                <p className="text-sm text-stone-700">
                  <span dir="auto" lang={c.consultation.language}>{c.consultation.title}</span>
                  {" · "}{c.reference}
                  {c.publishedAt ? ` · ${format.dateTime(c.publishedAt, { dateStyle: "medium" })}` : ""}
                  {" · "}<span dir="auto">{t("sentBy", { name: c.contributorName, organisation: c.organisationName ?? org.name })}</span>
                </p>
              </li>
            ))}
          </ul>
        )}
        {contributionCount > ORGANISATION_CONTRIBUTIONS_LIMIT ? <p className="text-sm">{t("contributionsLimited", { shown: ORGANISATION_CONTRIBUTIONS_LIMIT, count: contributionCount })}</p> : null}
      </section>

      <section aria-labelledby="members-heading" className="space-y-3">
        <h2 id="members-heading" className="text-xl font-semibold">{t("listedMembers")}</h2>
        <p className="text-sm text-stone-700">{t("listedMembersHint")}</p>
        {members.length === 0 ? <p>{t("noListedMembers")}</p> : (
          <ul className="list-disc ps-6">
            {members.map((m) => <li key={m.id}><span dir="auto">{m.name}</span>{m.role === "MANAGER" ? ` (${tRoles("MANAGER")})` : ""}</li>)}
          </ul>
        )}
      </section>
    </div>
  );
}
