// Balance dashboard of one consultation: shares against the policy, the held queue and the policy form.
import type { Metadata } from "next";
import { requireRoleForPage } from "@/lib/auth/page-guard";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { languageName } from "@/lib/i18n/names";
import { db } from "@/lib/db/client";
import { getBalanceReport, listHeld, type KindReport } from "@/lib/balance/dashboard";
import { getBalancePolicy } from "@/lib/balance/policy";
import { policyFormValues } from "@/lib/balance/schema";
import { ShareChart } from "@/components/balance/share-chart";
import { PolicyForm } from "@/components/balance/policy-form";
import { CountTable } from "@/components/balance/count-table";
import { MeetingsBalance } from "@/components/meetings/meetings-balance";
import { meetingsBalance } from "@/lib/meetings/balance";
import { getCurrentUser, hasRole } from "@/lib/auth/session";
import { updatePolicyAction } from "./actions";
import { translationGaps } from "@/lib/i18n/editor";
import { TranslationsLink } from "@/components/i18n/translations-link";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  await requireRoleForPage();
  return { title: (await getTranslations("balance"))("title") };
}

export default async function BalancePage({ params }: { params: Promise<{ slug: string }> }) {
  await requireRoleForPage();
  const { slug } = await params;
  // The page guards itself (a layout is not a guard on client navigation): the held queue names inputs.
  if (!hasRole(await getCurrentUser(), "SECRETARIAT")) notFound();
  const consultation = await db.consultation.findUnique({ where: { slug }, select: { id: true, slug: true, title: true } });
  if (!consultation) notFound();
  const locale = await getLocale();
  const [report, held, policy, t, tGroups, tRegions, tGenders, format, tApart, meetings] = await Promise.all([
    getBalanceReport(slug),
    listHeld(consultation.id),
    getBalancePolicy(db, consultation.id),
    getTranslations("balance"),
    getTranslations("groups"),
    getTranslations("regions"),
    getTranslations("genders"),
    getFormatter(),
    getTranslations("meetings.balance"),
    meetingsBalance(consultation.id),
  ]);
  const [tv, invitationGaps] = await Promise.all([
    getTranslations("identity.balance"),
    policy.invitation ? translationGaps(await getCurrentUser(), "balanceInvitation", [consultation.id]) : new Map<string, number>(),
  ]);
  if (!report) notFound();
  const values = policyFormValues(policy);
  const pct = (v: number) => `${Math.round(v * 1000) / 10}%`;

  const section = async (kind: "submissions" | "comments", r: KindReport) => (
    <section aria-labelledby={`${kind}-h`} className="space-y-4">
      <h2 id={`${kind}-h`} className="text-xl font-semibold">{t(`${kind}.title`)}</h2>
      <dl className="grid gap-2 sm:grid-cols-4">
        {([["published", r.published], ["pending", r.pending], ["held", r.held], ["overBalance", r.overBalance]] as const).map(([k, n]) => (
          <div key={k} className="rounded border border-stone-200 bg-white p-3">
            <dt className="text-sm text-stone-700">{t(`stats.${k}`)}</dt>
            <dd className="text-2xl font-semibold tabular-nums">{n}</dd>
          </div>
        ))}
      </dl>
      <p>
        {r.capActive ? t("capActive", { cap: pct(r.maxGroupShare) }) : t("capInactive", { cap: pct(r.maxGroupShare), sample: r.minSample, published: r.published - r.unclassified })}
        {" "}
        {kind === "submissions" ? (r.minGroupsMet ? t("minGroupsMet", { count: r.groupsRepresented, min: r.minGroups }) : t("minGroupsNotMet", { count: r.groupsRepresented, min: r.minGroups })) : null}
      </p>
      {r.unclassified > 0 || r.unknownCountry > 0 ? (
        <p data-testid={`${kind}-counted-apart`}>
          {r.unclassified > 0 ? tApart("unclassified", { count: r.unclassified }) : null}
          {r.unclassified > 0 && r.unknownCountry > 0 ? " " : null}
          {r.unknownCountry > 0 ? tApart("unknownCountry", { count: r.unknownCountry }) : null}
        </p>
      ) : null}
      <div className="space-y-2">
        <h3 id={`${kind}-verification-h`} className="text-lg font-semibold">{tv("title")}</h3>
        <p>{tv(r.countVerifiedOnly ? "countingVerified" : "countingAll", { verified: r.verified, selfDeclared: r.selfDeclared })}</p>
        <CountTable labelledBy={`${kind}-verification-h`} testId={`${kind}-verification`}
          columns={[{ label: tv("group") }, { label: tv("verified"), align: "end" }, { label: tv("selfDeclared"), align: "end" }]}
          rows={r.groups.map((g) => ({ key: g.key, head: tGroups(g.key as never), cells: [g.verified, g.selfDeclared] }))} />
      </div>
      {r.targets.length > 0 ? (
        <div className="space-y-2">
          <h3 id={`${kind}-targets-h`} className="text-lg font-semibold">{tv("targets")}</h3>
          <p>{tv("targetsIntro")}</p>
          <CountTable labelledBy={`${kind}-targets-h`} testId="regional-targets"
            columns={[{ label: tv("region") }, { label: tv("target"), align: "end" }, { label: tv("current"), align: "end" }, { label: tv("status") }]}
            rows={r.targets.map((g) => ({
              key: g.key,
              head: g.key === "developing" ? t("development.developing") : tRegions(g.key as never),
              cells: [pct(g.minShare), `${pct(g.share)} (${g.count})`, g.met ? tv("met") : tv("notMet")],
            }))} />
        </div>
      ) : null}
      <div className="grid gap-4 lg:grid-cols-2">
        <ShareChart id={`${kind}-groups`} title={t("dimensions.group")} cap={r.maxGroupShare}
          rows={r.groups.map((g) => ({ key: g.key, label: tGroups(g.key as never), count: g.count, share: g.share, held: g.held, over: g.overCap }))} />
        <ShareChart id={`${kind}-regions`} title={t("dimensions.region")} rows={r.regions.map((g) => ({ ...g, label: tRegions(g.key as never) }))} />
        <ShareChart id={`${kind}-development`} title={t("dimensions.development")} rows={r.development.map((g) => ({ ...g, label: t(`development.${g.key === "developing" ? "developing" : "developed"}`) }))} />
        <ShareChart id={`${kind}-genders`} title={t("dimensions.gender")} rows={r.genders.map((g) => ({ ...g, label: g.key === "undeclared" ? t("undeclared") : tGenders(g.key as never) }))} />
        <ShareChart id={`${kind}-languages`} title={t("dimensions.language")} rows={r.languages.map((g) => ({ ...g, label: languageName(g.key, locale) }))} />
      </div>
    </section>
  );

  return (
    <div className="space-y-8">
      <div className="space-y-1">
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="text-stone-700">{consultation.title}</p>
        <p className="text-sm"><a className="text-brand-800 underline" href={`/api/v1/consultations/${slug}/balance`}>{t("json")}</a></p>
      </div>
      {await section("submissions", report.submissions)}
      {await section("comments", report.comments)}
      <MeetingsBalance report={meetings} />
      <section aria-labelledby="held-h" className="space-y-3">
        <h2 id="held-h" className="text-xl font-semibold">{t("held.title")}</h2>
        <p>{t("held.intro")}</p>
        {held.length === 0 ? <p>{t("held.none")}</p> : (
          <>
            <CountTable columns={[{ label: t("held.item") }, { label: t("held.group") }, { label: t("held.arrived") }]}
              rows={held.map((h) => ({
                key: h.id,
                head: <>{h.title} <span className="text-stone-700">({h.authorName})</span></>,
                cells: [tGroups(h.stakeholderGroup as never), format.dateTime(h.arrivedAt, { dateStyle: "medium", timeStyle: "short" })],
              }))} />
            <p><Link className="text-brand-800 underline" href={`/secretariat?view=HELD_FOR_BALANCE&consultation=${slug}`}>{t("held.act")}</Link></p>
          </>
        )}
      </section>
      <section aria-labelledby="policy-h" className="space-y-3">
        <h2 id="policy-h" className="text-xl font-semibold">{t("policy.title")}</h2>
        <PolicyForm action={updatePolicyAction.bind(null, consultation.id, slug)} values={values} />
        {policy.invitation ? (
          <p><TranslationsLink kind="balanceInvitation" id={consultation.id} gaps={invitationGaps.get(consultation.id) ?? 0} label={tv("translateInvitation")} /></p>
        ) : null}
      </section>
    </div>
  );
}
