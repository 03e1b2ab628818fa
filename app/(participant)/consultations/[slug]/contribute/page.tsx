import type { Metadata } from "next";
import { randomUUID } from "node:crypto";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { getCurrentUser } from "@/lib/auth/session";
import { phaseState } from "@/lib/consultations/phases";
import { LANGUAGES } from "@/lib/submissions/language";
import { getContributionContext } from "@/lib/submissions/service";
import { ContributionForm } from "@/components/submissions/contribution-form";
import { FormAlert } from "@/components/ui/field";
import { saveDraftAction, submitContributionAction } from "./actions";
import { VerifyNotice } from "@/components/accounts/verify-notice";
import { resendVerificationAction } from "@/app/actions/accounts";
import { db } from "@/lib/db/client";
import { capStatusFor } from "@/lib/submissions/cap";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<{ id?: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("submissions.form"))("title") };
}

export default async function ContributePage({ params, searchParams }: Props) {
  const { slug } = await params;
  const { id } = await searchParams;
  const user = await getCurrentUser();
  if (!user) redirect(`/signin?callbackUrl=${encodeURIComponent(`/consultations/${slug}/contribute${id ? `?id=${id}` : ""}`)}`);
  const context = await getContributionContext(user.id, slug, typeof id === "string" ? id : undefined);
  if (!context) notFound();
  const { consultation, submission } = context;
  const [t, locale, tc, cap] = await Promise.all([getTranslations("submissions.form"), getLocale(), getTranslations("identity.cap"), capStatusFor(db, user.id, consultation.id)]);
  const state = phaseState(consultation.contributionsOpenAt, consultation.contributionsCloseAt, new Date());
  const isEdit = !!submission && submission.status !== "DRAFT";
  const names = new Intl.DisplayNames([locale], { type: "language" });
  const languages = LANGUAGES.map((code) => ({ value: code, label: names.of(code) ?? code }));

  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <p><Link href={`/consultations/${consultation.slug}`} className="text-brand-800 underline">{consultation.title}</Link></p>
      <h1 className="text-2xl font-semibold">{isEdit && submission ? t("editTitle", { reference: submission.reference }) : t("title")}</h1>
      <p className="text-stone-800">{t("intro")}</p>
      {user.emailVerified === false ? <VerifyNotice address={user.email} action={resendVerificationAction} /> : null}
      {cap && !isEdit && state === "open" ? (
        <div data-testid="cap-left" className="rounded border border-stone-200 bg-white p-3 text-stone-800">
          <p>{tc("self", { left: cap.self.left, cap: cap.cap })}</p>
          {cap.organisation ? <p>{tc("organisation", { left: cap.organisation.left, cap: cap.cap, organisation: cap.organisation.name })}</p> : null}
          <p className="text-sm text-stone-700">{tc("rule")}</p>
        </div>
      ) : null}
      {consultation.contributionsCloseAt && state === "open" ? <p className="text-stone-800">{t("closesAt", { date: consultation.contributionsCloseAt })}</p> : null}
      {submission?.status === "DRAFT" ? <FormAlert tone="success">{t("resumed")}</FormAlert> : null}
      {state !== "open" ? (
        <FormAlert>{t("closed")}</FormAlert>
      ) : (
        <ContributionForm
          action={submitContributionAction.bind(null, consultation.id)}
          saveDraft={isEdit ? null : saveDraftAction.bind(null, consultation.id)}
          idempotencyKey={randomUUID()}
          themes={consultation.themes}
          languages={languages}
          organisations={context.organisations}
          attachments={submission?.attachments ?? []}
          isEdit={isEdit}
          guessLanguageFrom={submission ? null : locale}
          values={{
            submissionId: submission?.id ?? "",
            expectedVersion: submission ? String(submission.version) : "",
            title: submission?.title ?? "",
            body: submission?.body ?? "",
            themes: submission?.themes.map((th) => th.theme.slug) ?? [],
            language: submission?.language ?? locale,
            onBehalfOf: submission?.onBehalfOf ?? (context.organisations.length === 1 ? "ORGANISATION" : "SELF"),
            organisationId: submission?.organisationId ?? (context.organisations.length === 1 ? context.organisations[0]?.id ?? "" : ""),
            visibility: submission?.visibility ?? "PUBLIC_NAMED",
            keepAttachments: submission?.attachments.map((a) => a.id) ?? [],
          }}
        />
      )}
    </div>
  );
}
