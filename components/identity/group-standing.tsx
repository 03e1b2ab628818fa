// The participant's stakeholder group on their profile: verified or self-declared, the next free change, the claim.
import { getFormatter, getTranslations } from "next-intl/server";
import type { GroupStanding } from "@/lib/identity/service";
import type { IdentityFormState } from "./form-state";
import { GroupClaimForm } from "./group-claim-form";

export async function GroupStandingSection(props: {
  standing: GroupStanding;
  groups: { value: string; label: string }[];
  fileAction: (s: IdentityFormState, f: FormData) => Promise<IdentityFormState>;
  withdrawAction: () => Promise<void>;
}) {
  const [t, tGroups, format] = await Promise.all([getTranslations("identity.profile"), getTranslations("groups"), getFormatter()]);
  const { standing } = props;
  const claim = standing.latestClaim;
  const date = (d: Date) => format.dateTime(d, { dateStyle: "long" });
  return (
    <section aria-labelledby="group-standing-h" className="space-y-3">
      <h2 id="group-standing-h" className="text-xl font-semibold">{t("title")}</h2>
      <p data-testid="group-standing">
        {standing.verifiedAt
          ? t("verified", { group: tGroups(standing.stakeholderGroup as never), date: date(standing.verifiedAt) })
          : t("selfDeclared", { group: tGroups(standing.stakeholderGroup as never) })}
      </p>
      <p className="text-sm text-stone-700">{standing.nextChangeAt ? t("nextChange", { date: date(standing.nextChangeAt) }) : t("changeFree")}</p>
      {claim?.status === "PENDING" ? (
        <div className="space-y-2 rounded border border-stone-200 bg-white p-4">
          <p>{t("pending", { group: tGroups(claim.stakeholderGroup as never), date: date(claim.createdAt) })}</p>
          <form action={props.withdrawAction}>
            <button type="submit" className="text-brand-800 underline">{t("withdraw")}</button>
          </form>
        </div>
      ) : (
        <>
          {claim?.status === "REFUSED" ? <p>{t("refused", { group: tGroups(claim.stakeholderGroup as never), reason: claim.reason ?? "" })}</p> : null}
          <GroupClaimForm action={props.fileAction} groups={props.groups} declared={standing.stakeholderGroup} />
        </>
      )}
    </section>
  );
}
