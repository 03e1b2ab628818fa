// The secretariat's claims queue: participants asking for their stakeholder group to be verified, with their evidence.
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { requireRoleForPage } from "@/lib/auth/page-guard";
import { getCurrentUser, hasRole } from "@/lib/auth/session";
import { listPendingClaims } from "@/lib/identity/service";
import { ClaimDecisionForm } from "@/components/identity/claim-decision-form";
import { decideClaimAction } from "./actions";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  await requireRoleForPage();
  return { title: (await getTranslations("identity.queue"))("title") };
}

export default async function VerificationPage() {
  await requireRoleForPage();
  // The page guards itself: the claims carry people's evidence and addresses.
  const user = await getCurrentUser();
  if (!hasRole(user, "SECRETARIAT")) notFound();
  const [queue, t, tGroups, tStatus, format] = await Promise.all([
    listPendingClaims(user), getTranslations("identity.queue"), getTranslations("groups"), getTranslations("identity.status"), getFormatter(),
  ]);
  if (!queue) notFound();
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <p className="text-stone-800">{t("intro")}</p>
      <p>{t("count", { count: queue.total })}</p>
      {queue.claims.length === 0 ? <p>{t("none")}</p> : (
        <ol className="space-y-4">
          {queue.claims.map((c) => (
            <li key={c.id}>
              <article aria-labelledby={`claim-${c.id}`} className="space-y-3 rounded border border-stone-200 bg-white p-4">
                <h2 id={`claim-${c.id}`} className="text-lg font-semibold">{t("heading", { name: c.user.name, group: tGroups(c.stakeholderGroup as never) })}</h2>
                <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
                  <dt className="font-medium">{t("email")}</dt><dd>{c.user.email}</dd>
                  <dt className="font-medium">{t("declared")}</dt>
                  <dd>{tGroups(c.user.stakeholderGroup as never)} ({c.user.groupVerifiedAt ? t("verifiedOn", { date: format.dateTime(c.user.groupVerifiedAt, { dateStyle: "medium" }) }) : t("selfDeclared")})</dd>
                  <dt className="font-medium">{t("claimed")}</dt><dd>{tGroups(c.stakeholderGroup as never)}{c.stakeholderGroup !== c.user.stakeholderGroup ? ` — ${t("changesGroup")}` : ""}</dd>
                  <dt className="font-medium">{t("affiliation")}</dt><dd>{c.user.organisation ?? t("noAffiliation")}</dd>
                  <dt className="font-medium">{t("country")}</dt><dd>{c.user.country}</dd>
                  <dt className="font-medium">{t("filed")}</dt><dd>{format.dateTime(c.createdAt, { dateStyle: "medium", timeStyle: "short" })}</dd>
                </dl>
                <div>
                  <h3 className="font-medium">{t("evidence")}</h3>
                  <p className="whitespace-pre-wrap rounded bg-stone-50 p-2">{c.evidence}</p>
                  {c.link ? <p className="mt-1 text-sm"><a className="text-brand-800 underline" href={c.link} rel="noopener noreferrer nofollow" target="_blank">{c.link}</a></p> : null}
                </div>
                {c.history.length > 0 ? (
                  <div>
                    <h3 className="font-medium">{t("history")}</h3>
                    <ul className="list-disc ps-5 text-sm">
                      {c.history.map((h, i) => (
                        <li key={i}>{tGroups(h.stakeholderGroup as never)}: {tStatus(h.status as never)}{h.decidedAt ? `, ${format.dateTime(h.decidedAt, { dateStyle: "medium" })}` : ""}{h.reason ? ` — ${h.reason}` : ""}</li>
                      ))}
                    </ul>
                  </div>
                ) : null}
                <ClaimDecisionForm action={decideClaimAction} claimId={c.id} version={c.version} label={c.user.name} />
              </article>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
