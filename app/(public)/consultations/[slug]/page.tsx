import type { Metadata } from "next";
import { notFound } from "next/navigation";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { regionalInvitation } from "@/lib/balance/invitation";
import { getPublicConsultation } from "@/lib/consultations/service";
import { phasesOf } from "@/lib/consultations/phases";
import { renderMarkdown } from "@/lib/markdown/render";
import { PhaseTimeline } from "@/components/consultations/phase-timeline";
import { ConsultationContributions } from "@/components/submissions/consultation-contributions";
import { ConsultationDrafts } from "@/components/drafts/drafts-list";
import { PublishedSynthesis } from "@/components/synthesis/published-synthesis";
import { FollowButton } from "@/components/follows/follow-button";
import { getCurrentUser } from "@/lib/auth/session";
import { isFollowing } from "@/lib/follows/service";
import { followAction, unfollowAction } from "@/app/actions/follow";
import { OutcomeLink } from "@/components/outcomes/outcome-link";
import { ConsultationSessions } from "@/components/meetings/consultation-sessions";
import { RemoteMessagesPanel } from "@/components/meetings/remote-messages-panel";
import { TranslationNotice } from "@/components/i18n/translation-notice";
import { buttonClass } from "@/components/ui/field";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<{ follow?: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug } = await params;
  const consultation = await getPublicConsultation(slug, await getLocale());
  return consultation
    ? {
        title: consultation.texts.text.title,
        description: consultation.texts.text.summary,
        alternates: { types: { "application/atom+xml": `/consultations/${slug}/feed.xml` } },
      }
    : {};
}

export default async function ConsultationPage({ params, searchParams }: Props) {
  const locale = await getLocale();
  const consultation = await getPublicConsultation((await params).slug, locale);
  if (!consultation) notFound();
  const texts = consultation.texts;
  const [t, tSub, user, { follow }] = await Promise.all([getTranslations("consultation"), getTranslations("submissions.counts"), getCurrentUser(), searchParams]);
  const tFeed = await getTranslations("feed");
  const [invitation, tInv, tRegions] = await Promise.all([regionalInvitation(consultation.id, locale), getTranslations("identity.invitation"), getTranslations("regions")]);
  const following = user ? await isFollowing(user.id, consultation.id) : null;
  const phases = phasesOf(consultation, new Date());
  const contributionPhase = phases.find((p) => p.key === "contributions");
  const contributionsOpen = contributionPhase?.state === "open";

  return (
    <article className="space-y-8">
      <header className="space-y-2">
        <div lang={texts.language} className="space-y-2">
          <h1 dir="auto" className="text-3xl font-semibold">{texts.text.title}</h1>
          {texts.text.summary ? <p dir="auto" className="text-lg text-stone-800">{texts.text.summary}</p> : null}
        </div>
        <TranslationNotice meta={texts} />
        {/* the main call to action, above the fold on every screen (so the panel beside the counts does not repeat it) */}
        {contributionsOpen ? <p><Link href={`/consultations/${consultation.slug}/contribute`} className={buttonClass}>{tSub("contribute")}</Link></p> : null}
      </header>
      <div className="grid gap-8 md:grid-cols-3">
        <div className="md:col-span-2 space-y-8">
          {invitation && contributionsOpen ? (
            <section aria-labelledby="invitation-heading" className="space-y-2 rounded border border-brand-700 bg-white p-4" data-testid="regional-invitation">
              <h2 id="invitation-heading" className="text-xl font-semibold">{tInv("title")}</h2>
              <p dir="auto" lang={invitation.texts.language} className="whitespace-pre-wrap">{invitation.texts.text.invitation}</p>
              {invitation.texts.untranslated === texts.untranslated && !invitation.texts.outdated ? null : <TranslationNotice meta={invitation.texts} compact />}
              <ul className="list-disc ps-5 text-sm">
                {invitation.below.map((b) => (
                  <li key={b.key}>{tInv("below", { region: b.key === "developing" ? tInv("developing") : tRegions(b.key as never), share: Math.round(b.share * 100), target: Math.round(b.minShare * 100) })}</li>
                ))}
              </ul>
            </section>
          ) : null}
          <div dir="auto" lang={texts.language} className="prose-user" dangerouslySetInnerHTML={{ __html: renderMarkdown(texts.text.description) }} />
          <section aria-labelledby="themes-heading" className="space-y-3">
            <h2 id="themes-heading" className="text-xl font-semibold">{t("themes")}</h2>
            {consultation.themes.length === 0 ? (
              <p>{t("noThemes")}</p>
            ) : (
              <ul className="grid gap-3 sm:grid-cols-2">
                {consultation.themes.map((theme) => (
                  <li key={theme.id} id={`theme-${theme.slug}`} className="relative rounded border border-stone-200 bg-white p-3 hover:border-brand-700">
                    <div lang={theme.texts.language}>
                      <h3 dir="auto" className="font-semibold">
                        {/* the card opens the contributions on this theme */}
                        <Link href={`/consultations/${consultation.slug}/contributions?theme=${encodeURIComponent(theme.slug)}`} className="text-brand-800 underline-offset-2 hover:underline after:absolute after:inset-0 after:content-['']">
                          {theme.texts.text.title}
                        </Link>
                      </h3>
                      {theme.texts.text.description ? <p dir="auto" className="text-sm text-stone-800">{theme.texts.text.description}</p> : null}
                    </div>
                    {theme.texts.untranslated === texts.untranslated && !theme.texts.outdated ? null : <TranslationNotice meta={theme.texts} compact />}
                  </li>
                ))}
              </ul>
            )}
          </section>
          <ConsultationDrafts consultationId={consultation.id} consultationSlug={consultation.slug} />
          <ConsultationSessions consultationId={consultation.id} slug={consultation.slug} />
          <RemoteMessagesPanel consultationId={consultation.id} slug={consultation.slug} />
          <PublishedSynthesis slug={consultation.slug} />
          <OutcomeLink slug={consultation.slug} />
        </div>
        <aside aria-labelledby="timeline-heading" className="space-y-3">
          <FollowButton slug={consultation.slug} following={following} outcome={follow} followAction={followAction} unfollowAction={unfollowAction} />
          <p className="text-sm"><a href={`/consultations/${consultation.slug}/feed.xml`} type="application/atom+xml" className="text-brand-800 underline">{tFeed("link")}</a></p>
          <h2 id="timeline-heading" className="text-xl font-semibold">{t("timeline")}</h2>
          <PhaseTimeline phases={phases} />
          <ConsultationContributions consultationId={consultation.id} slug={consultation.slug} open={false} closedAt={contributionPhase?.state === "closed" ? contributionPhase.closeAt : null} />
        </aside>
      </div>
    </article>
  );
}
