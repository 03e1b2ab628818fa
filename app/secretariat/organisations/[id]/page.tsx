// One organisation for the secretariat: verify it (with the evidence), suspend it, edit its record and e-mail
// domains, decide its requests, manage its members, and merge it into the organisation it duplicates.
import { OrgNotices } from "@/components/organisations/notices";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { requireRoleForPage } from "@/lib/auth/page-guard";
import { organisationChoices, organisationForSecretariat } from "@/lib/organisations/service";
import { profileOptions } from "@/lib/users/options";
import { Members, PendingRequests } from "@/components/organisations/member-lists";
import { OrgActionForm } from "@/components/organisations/action-form";
import { VerificationBadge } from "@/components/organisations/verification-badge";
import { buttonClass, inputClass } from "@/components/ui/field";
import { mergeOrganisationsAction, setVerificationAction, updateOrganisationAction } from "@/app/actions/organisations";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ merge?: string | string[] }> };

export async function generateMetadata(): Promise<Metadata> {
  await requireRoleForPage("SECRETARIAT", "/secretariat/organisations");
  return { title: (await getTranslations("organisations"))("secretariatTitle") };
}

export default async function SecretariatOrganisationPage({ params, searchParams }: Props) {
  const user = await requireRoleForPage("SECRETARIAT", "/secretariat/organisations");
  const { id } = await params;
  if (id.length > 64) notFound();
  const data = await organisationForSecretariat(user, id);
  if (!data) notFound();
  const sp = await searchParams;
  const mergeQ = (Array.isArray(sp.merge) ? sp.merge[0] : sp.merge)?.trim().slice(0, 200) ?? "";
  const [t, tGroups, tGenders, format, locale, candidates] = await Promise.all([
    getTranslations("organisations"), getTranslations("groups"), getTranslations("genders"), getFormatter(), getLocale(),
    mergeQ ? organisationChoices(mergeQ, 10) : Promise.resolve([]),
  ]);
  const o = data.organisation;
  const options = profileOptions(locale, (k) => tGroups(k as never), (k) => tGenders(k as never));
  const hidden = [
    { name: "organisationId", kind: "hidden" as const, label: "", value: o.id },
    { name: "expectedVersion", kind: "hidden" as const, label: "", value: String(o.version) },
  ];
  return (
    <div className="space-y-8">
      <OrgNotices>
      <header className="space-y-2">
        <p><Link href="/secretariat/organisations" className="text-brand-800 underline">{t("secretariatTitle")}</Link></p>
        <h1 className="text-2xl font-semibold" dir="auto">{o.name}</h1>
        <p className="flex flex-wrap items-center gap-2">
          <VerificationBadge state={o.verification} />
          <Link href={`/organisations/${o.slug}`} className="text-brand-800 underline">{t("publicPage")}</Link>
          <span className="text-sm text-stone-700">{t("contributionsCount", { count: o._count.submissions })}</span>
        </p>
        {o.verifiedAt ? (
          <p className="text-sm">{t("lastDecision", { by: o.verifiedBy?.name ?? "—", date: format.dateTime(o.verifiedAt, { dateStyle: "medium", timeStyle: "short" }), note: o.verificationNote ?? "" })}</p>
        ) : null}
        <p className="text-sm text-stone-700">{t("createdInfo", { by: o.createdBy?.name ?? t("createdBySystem"), date: format.dateTime(o.createdAt, { dateStyle: "medium" }) })}</p>
        {o.mergedFrom.length > 0 ? <p className="text-sm">{t("absorbed", { names: o.mergedFrom.map((m) => m.name).join(", ") })}</p> : null}
      </header>

      {o.mergedIntoId ? <p>{t("isMerged")}</p> : (
        <>
          <section aria-labelledby="verify-heading" className="space-y-3 rounded border border-stone-200 bg-white p-4">
            <h2 id="verify-heading" className="text-xl font-semibold">{t("verifyTitle")}</h2>
            <p className="text-sm">{t("verifyIntro")}</p>
            <OrgActionForm
              idPrefix="verify" action={setVerificationAction} submitLabel={t("saveState")}
              fields={[
                ...hidden,
                { name: "state", kind: "select", label: t("state"), value: o.verification === "UNVERIFIED" ? "VERIFIED" : o.verification, options: [
                  { value: "VERIFIED", label: t("verification.VERIFIED") }, { value: "SUSPENDED", label: t("verification.SUSPENDED") }, { value: "UNVERIFIED", label: t("verification.UNVERIFIED") },
                ] },
                { name: "note", kind: "textarea", label: t("evidence"), hint: t("evidenceHint"), value: "", required: true },
              ]}
            />
          </section>

          <section aria-labelledby="edit-heading" className="space-y-3 rounded border border-stone-200 bg-white p-4">
            <h2 id="edit-heading" className="text-xl font-semibold">{t("editTitle")}</h2>
            <OrgActionForm
              idPrefix="edit" action={updateOrganisationAction} submitLabel={t("save")}
              fields={[
                ...hidden,
                { name: "name", kind: "text", label: t("name"), value: o.name, required: true },
                { name: "stakeholderGroup", kind: "select", label: t("group"), value: o.stakeholderGroup, options: options.groups },
                { name: "country", kind: "select", label: t("country"), value: o.country ?? "", options: [{ value: "", label: t("noCountry") }, ...options.countries] },
                { name: "website", kind: "text", type: "url", label: t("website"), value: o.website ?? "", dir: "ltr" },
                { name: "emailDomains", kind: "textarea", label: t("domains"), hint: t("domainsHint"), value: o.emailDomains.join("\n"), dir: "ltr" },
              ]}
            />
          </section>

          <section aria-labelledby="pending-heading" className="space-y-3">
            <h2 id="pending-heading" className="text-xl font-semibold">{t("pendingRequests", { count: data.pending.length })}</h2>
            <PendingRequests rows={data.pending} rights="SECRETARIAT" actorId={user.id} />
          </section>

          <section aria-labelledby="members-heading" className="space-y-3">
            <h2 id="members-heading" className="text-xl font-semibold">{t("members", { count: data.members.length })}</h2>
            <Members rows={data.members} rights="SECRETARIAT" actorId={user.id} />
          </section>

          <section aria-labelledby="merge-heading" className="space-y-3 rounded border border-stone-200 bg-white p-4">
            <h2 id="merge-heading" className="text-xl font-semibold">{t("mergeTitle")}</h2>
            <p className="text-sm">{t("mergeIntro", { name: o.name })}</p>
            <form method="get" action={`/secretariat/organisations/${o.id}`} role="search" aria-label={t("mergeSearchLabel")} className="flex flex-wrap items-end gap-3">
              <div className="flex min-w-60 flex-1 flex-col gap-1">
                <label htmlFor="merge-q" className="font-medium">{t("mergeSearch")}</label>
                <input id="merge-q" name="merge" type="search" defaultValue={mergeQ} maxLength={200} dir="auto" className={inputClass} />
              </div>
              <button type="submit" className={buttonClass}>{t("search")}</button>
            </form>
            {mergeQ ? (
              <ul className="space-y-2">
                {candidates.filter((c) => c.id !== o.id).map((c) => (
                  <li key={c.id} className="flex flex-wrap items-center gap-3">
                    <span dir="auto">{c.name}</span> <VerificationBadge state={c.verification} />
                    <OrgActionForm
                      idPrefix={`merge-${c.id}`} action={mergeOrganisationsAction} submitLabel={t("mergeInto", { name: c.name })} tone="danger" inline
                      fields={[
                        { name: "duplicateId", kind: "hidden", label: "", value: o.id },
                        { name: "duplicateVersion", kind: "hidden", label: "", value: String(o.version) },
                        { name: "survivorId", kind: "hidden", label: "", value: c.id },
                      ]}
                    />
                  </li>
                ))}
                {candidates.filter((c) => c.id !== o.id).length === 0 ? <li>{t("joinNoneFound", { q: mergeQ })}</li> : null}
              </ul>
            ) : null}
          </section>
        </>
      )}
      </OrgNotices>
    </div>
  );
}
