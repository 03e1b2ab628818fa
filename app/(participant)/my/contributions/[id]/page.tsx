import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { renderMarkdown } from "@/lib/markdown/render";
import { getCurrentUser } from "@/lib/auth/session";
import { phaseState } from "@/lib/consultations/phases";
import { getReceipt } from "@/lib/submissions/service";
import { isEditable } from "@/lib/moderation/statuses";
import { StatusBadge } from "@/components/submissions/status-badge";
import { WithdrawForm } from "@/components/submissions/withdraw-form";
import { FormAlert } from "@/components/ui/field";
import { linkedParagraphsOf } from "@/lib/outcomes/links";
import { WhatBecame } from "@/components/outcomes/what-became";
import { SynthesisFate } from "@/components/outcomes/synthesis-fate";
import { synthesisFateOf } from "@/lib/outcomes/synthesis";
import { latestPublishedSnapshot } from "@/lib/synthesis/service";
import { withdrawAction } from "../actions";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ receipt?: string; withdrawn?: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("submissions.receipt"))("title") };
}

export default async function ReceiptPage({ params, searchParams }: Props) {
  const { id } = await params;
  const user = await getCurrentUser();
  if (!user) redirect(`/signin?callbackUrl=/my/contributions/${id}`);
  const row = await getReceipt(user.id, id);
  if (!row) notFound();
  const sp = await searchParams;
  const published = row.status === "PUBLISHED";
  const [t, ts, tApp, format, tGroups, linked, fates, paper] = await Promise.all([
    getTranslations("submissions.receipt"), getTranslations("submissions.status"), getTranslations("app"), getFormatter(), getTranslations("groups"),
    published ? linkedParagraphsOf(row.reference) : Promise.resolve([]),
    published ? synthesisFateOf(row.reference) : Promise.resolve([]),
    published ? latestPublishedSnapshot(row.consultation.slug) : Promise.resolve(null),
  ]);
  const open = phaseState(row.consultation.contributionsOpenAt, row.consultation.contributionsCloseAt, new Date()) === "open";
  const editable = open && isEditable(row.status);

  return (
    <div className="mx-auto max-w-2xl space-y-6">
      {/* "Receipt" while it waits for moderation; afterwards the page says what became of it */}
      <h1 className="text-2xl font-semibold">{row.status === "PENDING" ? t("title") : t("titleWithStatus", { status: ts(row.status) })}</h1>
      {sp.receipt === "1" ? <FormAlert tone="success">{row.revision > 1 ? t("saved") : t("sent")}</FormAlert> : null}
      {sp.withdrawn === "1" ? <FormAlert tone="success">{t("withdrawn")}</FormAlert> : null}
      <dl className="grid grid-cols-[auto_1fr] gap-x-6 gap-y-2 rounded border border-stone-200 bg-white p-4">
        <dt className="font-medium">{t("reference")}</dt>
        <dd className="font-mono text-lg" data-testid="receipt-reference">{row.reference}</dd>
        <dt className="font-medium">{t("status")}</dt>
        <dd><StatusBadge status={row.status} label={ts(row.status)} /></dd>
        <dt className="font-medium">{t("consultation")}</dt>
        <dd><Link href={`/consultations/${row.consultation.slug}`} className="text-brand-800 underline">{row.consultation.title}</Link></dd>
        <dt className="font-medium">{t("onBehalfOf")}</dt>
        <dd data-testid="receipt-on-behalf">
          {row.onBehalfOf === "ORGANISATION" && row.organisationName ? (
            row.organisation ? <Link href={`/organisations/${row.organisation.slug}`} className="text-brand-800 underline"><bdi>{row.organisationName}</bdi></Link> : <bdi>{row.organisationName}</bdi>
          ) : t("yourself")}
        </dd>
        <dt className="font-medium">{t("countedAs")}</dt>
        <dd>{row.groupVerified ? t("groupVerified", { group: tGroups(row.stakeholderGroup), by: row.groupVerifiedBy }) : t("groupSelfDeclared", { group: tGroups(row.stakeholderGroup) })}</dd>
        <dt className="font-medium">{t("submittedAt")}</dt>
        <dd>{row.submittedAt ? tApp("dateTime", { date: row.submittedAt }) : "—"}</dd>
        <dt className="font-medium">{t("version")}</dt>
        <dd>{row.revision}</dd>
      </dl>
      <section aria-labelledby="sent-heading" className="space-y-2 rounded border border-stone-200 bg-white p-4">
        <h2 id="sent-heading" className="text-lg font-semibold">{t("whatYouSent")}</h2>
        <div lang={row.language} dir="auto" className="space-y-2">
          <p className="font-semibold">{row.title}</p>
          <div className="prose-user" dangerouslySetInnerHTML={{ __html: renderMarkdown(row.body) }} />
        </div>
        {row.attachments.length ? (
          <>
            <h3 className="font-semibold">{t("attachments")}</h3>
            <ul className="list-disc ps-6 text-sm">
              {row.attachments.map((a) => <li key={a.id}><bdi>{a.filename}</bdi> ({format.number(a.size / 1024 / 1024, { maximumFractionDigits: 1 })} MB)</li>)}
            </ul>
            {editable ? <p className="text-sm text-stone-800">{t("attachmentsEdit")}</p> : null}
          </>
        ) : null}
      </section>
      {row.versions.length > 1 ? (
        <section aria-labelledby="versions-heading" className="space-y-2">
          <h2 id="versions-heading" className="text-lg font-semibold">{t("history")}</h2>
          <ol className="space-y-1 text-sm">
            {row.versions.map((v) => (
              <li key={v.version}>{t("historyRow", { version: v.version, date: v.createdAt })}: <bdi dir="auto">{v.title}</bdi></li>
            ))}
          </ol>
        </section>
      ) : null}
      {row.status === "PENDING" ? <p>{t("pendingExplained")}</p> : null}
      {row.moderationNote ? (
        <section aria-labelledby="note-heading" className="rounded border border-amber-700 bg-amber-50 p-4">
          <h2 id="note-heading" className="font-semibold">{t("moderationNote")}</h2>
          <p>{row.moderationNote}</p>
        </section>
      ) : null}
      {published ? <SynthesisFate consultationSlug={row.consultation.slug} fates={fates} published={paper} /> : null}
      {published ? <WhatBecame consultationSlug={row.consultation.slug} paragraphs={linked} /> : null}
      <p>{t("keep")}</p>
      <div className="flex flex-wrap items-start gap-4">
        {editable ? <Link href={`/consultations/${row.consultation.slug}/contribute?id=${row.id}`} className="rounded border border-brand-700 px-4 py-2 font-medium text-brand-800 hover:bg-brand-50">{t("edit")}</Link> : null}
        {row.status === "PUBLISHED" ? <Link href={`/consultations/${row.consultation.slug}/contributions/${encodeURIComponent(row.reference)}`} className="px-4 py-2 text-brand-800 underline">{t("viewPublic")}</Link> : null}
        {editable ? <WithdrawForm action={withdrawAction.bind(null, row.id, row.version)} label={t("withdraw")} /> : null}
      </div>
      <p><Link href="/my/contributions" className="text-brand-800 underline">{t("back")}</Link></p>
    </div>
  );
}
