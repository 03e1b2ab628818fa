import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { getCurrentUser } from "@/lib/auth/session";
import { getProfile } from "@/lib/users/service";
import { profileOptions } from "@/lib/users/options";
import { regionOf } from "@/lib/geo/countries";
import { ProfileForm } from "@/components/profile/profile-form";
import { FormAlert } from "@/components/ui/field";
import { updateProfileAction } from "./actions";
import Link from "next/link";
import { getPreferences } from "@/lib/notifications/preferences";
import { listFollowedConsultations } from "@/lib/follows/service";
import { NotificationSettings } from "@/components/notifications/notification-settings";
import { savePreferencesAction } from "./notification-actions";
import { unfollowAction } from "@/app/actions/follow";
import { pendingEmailChange } from "@/lib/accounts/service";
import { openSessions } from "@/lib/auth/sessions";
import { AccountSecurity } from "@/components/accounts/account-security";
import { VerifyNotice } from "@/components/accounts/verify-notice";
import { resendVerificationAction } from "@/app/actions/accounts";
import { groupStanding } from "@/lib/identity/service";
import { GroupStandingSection } from "@/components/identity/group-standing";
import { fileClaimAction, withdrawClaimAction } from "./claim-actions";
import { myMemberships } from "@/lib/organisations/service";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("profile"))("title") };
}

export default async function ProfilePage({ searchParams }: { searchParams: Promise<{ welcome?: string; follow?: string }> }) {
  const current = await getCurrentUser();
  if (!current) redirect("/signin?callbackUrl=/profile");
  const profile = await getProfile(current.id);
  if (!profile) redirect("/signin?callbackUrl=/profile");
  const [t, tGroups, tGenders, tRoles, tRegions, locale] = await Promise.all([
    getTranslations("profile"), getTranslations("groups"), getTranslations("genders"), getTranslations("roles"), getTranslations("regions"), getLocale(),
  ]);
  const options = profileOptions(locale, (k) => tGroups(k as never), (k) => tGenders(k as never));
  const sp = await searchParams;
  const welcome = sp.welcome === "1";
  const [preferences, followed, tData, pendingAddress, sessions, standing, memberships, tOrg, tStatus] = await Promise.all([
    getPreferences(profile.id), listFollowedConsultations(profile.id), getTranslations("personalData"), pendingEmailChange(profile.id), openSessions(profile.id),
    groupStanding(profile.id), myMemberships(profile.id), getTranslations("organisations"), getTranslations("organisations.status"),
  ]);
  const currentMemberships = memberships.filter((m) => m.status === "APPROVED" || m.status === "PENDING");

  return (
    <div className="mx-auto max-w-xl space-y-6">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      {welcome ? <FormAlert tone="success">{t("welcome")}</FormAlert> : null}
      {current.emailVerified === false ? <VerifyNotice address={profile.email} action={resendVerificationAction} /> : null}
      <p className="text-stone-800">{t("intro")}</p>
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 rounded border border-stone-200 bg-white p-4">
        <dt className="font-medium">{t("email")}</dt>
        <dd>{profile.email}</dd>
        <dt className="font-medium">{t("role")}</dt>
        <dd>{tRoles(profile.role)}</dd>
      </dl>
      <p className="text-sm text-stone-700">{t("region", { region: tRegions(regionOf(profile.country)) })}</p>
      <ProfileForm
        action={updateProfileAction}
        values={{
          name: profile.name,
          individual: profile.organisation === null,
          organisation: profile.organisation?.name ?? "",
          stakeholderGroup: profile.stakeholderGroup,
          country: profile.country,
          gender: profile.gender ?? "",
        }}
        {...options}
      />
      {standing ? (
        <GroupStandingSection
          standing={standing}
          groups={options.groups}
          fileAction={fileClaimAction}
          withdrawAction={withdrawClaimAction.bind(null, standing.latestClaim?.id ?? "")}
        />
      ) : null}
      <section id="my-organisations" aria-labelledby="my-organisations-heading" className="space-y-2">
        <h2 id="my-organisations-heading" className="text-xl font-semibold">{tOrg("mineTitle")}</h2>
        <p>{tOrg("profileIntro")}</p>
        {currentMemberships.length === 0 ? <p>{tOrg("mineNone")}</p> : (
          <ul className="list-disc ps-6">
            {currentMemberships.map((m) => <li key={m.id}><span dir="auto">{m.organisation.name}</span>: {tStatus(m.status)}</li>)}
          </ul>
        )}
        <p><Link className="font-medium text-brand-800 underline" href="/profile/organisations">{tOrg("profileLink")}</Link></p>
      </section>
      <AccountSecurity pendingAddress={pendingAddress} sessions={sessions} currentSessionId={current.sessionId ?? null} />
      <NotificationSettings email={profile.email} preferences={preferences} followed={followed} followOutcome={sp.follow} saveAction={savePreferencesAction} unfollowAction={unfollowAction} />
      <section aria-labelledby="your-data-heading" className="space-y-2">
        <h2 id="your-data-heading" className="text-xl font-semibold">{tData("title")}</h2>
        <p>{tData("profileIntro")}</p>
        <p><Link className="font-medium text-brand-800 underline" href="/profile/data">{tData("profileLink")}</Link></p>
      </section>
    </div>
  );
}
