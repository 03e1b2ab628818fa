// "My organisations": the participant's requests and memberships (status, leave, appear on the public page or not),
// and asking to join one, found by name, or creating a new one (unverified until the secretariat checks it).
import { OrgNotices } from "@/components/organisations/notices";
import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { getCurrentUser } from "@/lib/auth/session";
import { MAX_PENDING_REQUESTS, managedOrganisations, myMemberships, organisationChoices } from "@/lib/organisations/service";
import { profileOptions } from "@/lib/users/options";
import { OrgActionForm } from "@/components/organisations/action-form";
import { VerificationBadge } from "@/components/organisations/verification-badge";
import { buttonClass, inputClass } from "@/components/ui/field";
import { leaveOrganisationAction, requestMembershipAction, setListedAction } from "@/app/actions/organisations";

export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<{ q?: string | string[] }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("organisations"))("mineTitle") };
}

export default async function MyOrganisationsPage({ searchParams }: Props) {
  const user = await getCurrentUser();
  if (!user) redirect("/signin?callbackUrl=/profile/organisations");
  const sp = await searchParams;
  const q = (Array.isArray(sp.q) ? sp.q[0] : sp.q)?.trim().slice(0, 200) ?? "";
  const [t, tStatus, tRoles, tVia, tGroups, tGenders, format, locale, memberships, managed, choices] = await Promise.all([
    getTranslations("organisations"), getTranslations("organisations.status"), getTranslations("organisations.roles"), getTranslations("organisations.via"),
    getTranslations("groups"), getTranslations("genders"), getFormatter(), getLocale(), myMemberships(user.id), managedOrganisations(user.id), organisationChoices(q),
  ]);
  const options = profileOptions(locale, (k) => tGroups(k as never), (k) => tGenders(k as never));
  const mine = new Map(memberships.map((m) => [m.organisation.id, m.status]));
  return (
    <div className="mx-auto max-w-3xl space-y-8">
      <OrgNotices>
      <header className="space-y-2">
        <p><Link href="/profile" className="text-brand-800 underline">{t("backToProfile")}</Link></p>
        <h1 className="text-2xl font-semibold">{t("mineTitle")}</h1>
        <p>{t("mineIntro")}</p>
      </header>

      <section aria-labelledby="mine-heading" className="space-y-3">
        <h2 id="mine-heading" className="text-xl font-semibold">{t("mineList")}</h2>
        {memberships.length === 0 ? <p>{t("mineNone")}</p> : (
          <ul className="space-y-3">
            {memberships.map((m) => (
              <li key={m.id} className="space-y-2 rounded border border-stone-200 bg-white p-3">
                <p className="flex flex-wrap items-center gap-2">
                  <Link href={`/organisations/${m.organisation.slug}`} className="font-medium text-brand-800 underline" dir="auto">{m.organisation.name}</Link>
                  <VerificationBadge state={m.organisation.verification} />
                </p>
                <p>
                  <strong>{tStatus(m.status)}</strong>
                  {" · "}{tRoles(m.role)}
                  {m.status === "APPROVED" && m.approvedVia ? ` · ${tVia(m.approvedVia)}` : ""}
                  {" · "}{t("requestedOnShort", { date: format.dateTime(m.requestedAt, { dateStyle: "medium" }) })}
                </p>
                <p className="text-sm text-stone-700">{t(`statusExplained.${m.status}`)}</p>
                {m.decisionReason && (m.status === "REFUSED" || m.status === "REMOVED") ? <p className="text-sm" dir="auto">{t("theirReason", { reason: m.decisionReason })}</p> : null}
                {m.status === "APPROVED" ? (
                  <OrgActionForm
                    idPrefix={`listed-${m.id}`} action={setListedAction} submitLabel={t("saveListed")} tone="secondary" inline
                    label={t("listedFor", { name: m.organisation.name })}
                    fields={[
                      { name: "membershipId", kind: "hidden", label: "", value: m.id },
                      { name: "expectedVersion", kind: "hidden", label: "", value: String(m.version) },
                      { name: "listed", kind: "checkbox", label: t("listedLabel"), value: m.listed ? "on" : "" },
                    ]}
                  />
                ) : null}
                {m.status === "APPROVED" || m.status === "PENDING" ? (
                  <OrgActionForm
                    idPrefix={`leave-${m.id}`} action={leaveOrganisationAction} submitLabel={m.status === "PENDING" ? t("withdraw") : t("leave")} tone="danger" inline
                    label={t("leaveFor", { name: m.organisation.name })}
                    fields={[
                      { name: "membershipId", kind: "hidden", label: "", value: m.id },
                      { name: "expectedVersion", kind: "hidden", label: "", value: String(m.version) },
                    ]}
                  />
                ) : null}
              </li>
            ))}
          </ul>
        )}
        {managed.length > 0 ? (
          <div className="space-y-1">
            <h3 className="font-semibold">{t("youManage")}</h3>
            <ul className="list-disc ps-6">
              {managed.map((o) => <li key={o.id}><Link href={`/organisations/${o.slug}/members`} className="text-brand-800 underline" dir="auto">{t("manageOne", { name: o.name })}</Link></li>)}
            </ul>
          </div>
        ) : null}
      </section>

      <section aria-labelledby="join-heading" className="space-y-3">
        <h2 id="join-heading" className="text-xl font-semibold">{t("joinTitle")}</h2>
        <p>{t("joinIntro", { max: MAX_PENDING_REQUESTS })}</p>
        <form method="get" action="/profile/organisations" role="search" aria-label={t("joinSearchLabel")} className="flex flex-wrap items-end gap-3">
          <div className="flex min-w-60 flex-1 flex-col gap-1">
            <label htmlFor="join-q" className="font-medium">{t("joinSearch")}</label>
            <input id="join-q" name="q" type="search" defaultValue={q} maxLength={200} dir="auto" className={inputClass} />
          </div>
          <button type="submit" className={buttonClass}>{t("search")}</button>
        </form>
        {q ? (
          choices.length === 0 ? <p role="status">{t("joinNoneFound", { q })}</p> : (
            <ul className="space-y-3" aria-label={t("joinResults", { q })}>
              {choices.map((o) => (
                <li key={o.id} className="space-y-2 rounded border border-stone-200 bg-white p-3">
                  <p className="flex flex-wrap items-center gap-2">
                    <Link href={`/organisations/${o.slug}`} className="font-medium text-brand-800 underline" dir="auto">{o.name}</Link>
                    <VerificationBadge state={o.verification} />
                    <span className="text-sm text-stone-700">{tGroups(o.stakeholderGroup)}</span>
                  </p>
                  {mine.get(o.id) === "APPROVED" || mine.get(o.id) === "PENDING" ? <p className="text-sm">{tStatus(mine.get(o.id) ?? "PENDING")}</p> : (
                    <OrgActionForm
                      idPrefix={`join-${o.id}`} action={requestMembershipAction} submitLabel={t("askToJoin")} label={t("joinOne", { name: o.name })}
                      fields={[
                        { name: "mode", kind: "hidden", label: "", value: "existing" },
                        { name: "organisationId", kind: "hidden", label: "", value: o.id },
                        { name: "note", kind: "text", label: t("note"), hint: t("noteHint"), value: "" },
                      ]}
                    />
                  )}
                </li>
              ))}
            </ul>
          )
        ) : null}
      </section>

      <section aria-labelledby="create-heading" className="space-y-3">
        <h2 id="create-heading" className="text-xl font-semibold">{t("createTitle")}</h2>
        <p>{t("createIntro")}</p>
        <div className="rounded border border-stone-200 bg-white p-4">
          <OrgActionForm
            idPrefix="create" action={requestMembershipAction} submitLabel={t("create")}
            fields={[
              { name: "mode", kind: "hidden", label: "", value: "new" },
              { name: "name", kind: "text", label: t("name"), value: q, required: true },
              { name: "stakeholderGroup", kind: "select", label: t("group"), value: user.stakeholderGroup, options: options.groups },
              { name: "country", kind: "select", label: t("country"), value: user.country, options: options.countries },
              { name: "website", kind: "text", type: "url", label: t("website"), hint: t("websiteHint"), value: "", dir: "ltr" },
              { name: "note", kind: "text", label: t("note"), hint: t("noteHint"), value: "" },
            ]}
          />
        </div>
      </section>
      </OrgNotices>
    </div>
  );
}
